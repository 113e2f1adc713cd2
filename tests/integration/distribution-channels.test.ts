/**
 * Channels as the desk meets them: admins manage them over REST and GraphQL, editors see names and status but
 * never a secret, reporters and the public see nothing; secrets are write-only everywhere, including error
 * messages; a webhook channel without a secret gets a generated one, shown once.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})

import { graphql, rest } from '../support/http'
import { bootDistributionDesk, closeDistributionDesk, createChannel, SECRET, type DistributionDesk } from '../support/distribution-desk'

let d: DistributionDesk
beforeAll(async () => {
  d = await bootDistributionDesk()
})
afterAll(async () => {
  await closeDistributionDesk(d)
})

/** The field messages of a REST ValidationError. */
const messages = (body: any): string =>
  (body?.errors ?? []).flatMap((e: any) => [e.message, ...(e.data?.errors ?? []).map((f: any) => f.message)]).join(' | ')

const RAW = SECRET.slice('whsec_'.length)
const leaks = (value: unknown) => {
  const text = JSON.stringify(value)
  return text.includes(SECRET) || text.includes(RAW)
}

describe('channel secrets are write-only', () => {
  test('a webhook channel is created over REST with name, type, enabled, url and secret; the secret never comes back', async () => {
    const res = await rest('POST', '/channels', {
      token: d.admin.token,
      body: { name: '合作网站', type: 'webhook', enabled: true, url: 'https://partner.example/hooks/news', secret: SECRET },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.name).toBe('合作网站')
    expect(res.body.doc.secret ?? null).toBeNull()
    expect(res.body.doc.secretStatus).toMatch(/set/)
    expect(res.body.doc.generatedSecret ?? null).toBeNull()
    expect(leaks(res.body)).toBe(false)

    const id = res.body.doc.id
    for (const token of [d.admin.token, d.editor.token]) {
      const read = await rest('GET', `/channels/${id}`, { token })
      expect(read.status).toBe(200)
      expect(read.body.name).toBe('合作网站')
      expect(read.body.secretStatus).toMatch(/set/)
      expect(leaks(read.body)).toBe(false)
      const list = await rest('GET', '/channels?limit=10&depth=0', { token })
      expect(leaks(list.body)).toBe(false)
    }
    const gql = await graphql(
      `
        {
          Channels {
            docs {
              id
              name
              secret
              secretStatus
              url
            }
          }
        }
      `,
      {},
      d.admin.token,
    )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.Channels.docs.find((c: any) => String(c.id) === String(id)).secret).toBeNull()
    expect(leaks(gql.body)).toBe(false)

    // The Local API without the delivery job's flag masks it too (admin views and hooks read through it).
    const local = await d.payload.findByID({ collection: 'channels', id, overrideAccess: true, showHiddenFields: true })
    expect(leaks(local)).toBe(false)
  })

  test('updating other fields keeps the stored secret; a bad new secret is refused without quoting it', async () => {
    const channel = await createChannel(d, { name: '保留密钥', type: 'webhook', url: 'https://keep.example/hook', secret: SECRET })
    const patched = await rest('PATCH', `/channels/${channel.id}`, { token: d.admin.token, body: { name: '保留密钥（改名）', secret: '' } })
    expect(patched.status).toBe(200)
    expect(patched.body.doc.secretStatus).toMatch(/set/)
    const stored = await d.payload.findByID({ collection: 'channels', id: channel.id, context: { 'distribution:revealSecrets': true } })
    expect((stored as any).secret).toBe(SECRET)

    const bad = 'whsec_not-base64!!-but-very-secret-value'
    const refused = await rest('PATCH', `/channels/${channel.id}`, { token: d.admin.token, body: { secret: bad } })
    expect(refused.status).toBe(400)
    expect(messages(refused.body)).toMatch(/secret: must be whsec_ followed by base64/)
    expect(JSON.stringify(refused.body)).not.toContain('not-base64!!-but-very-secret-value')
    const gqlRefused = await graphql(
      `mutation($id: Int!) { updateChannel(id: $id, data: { secret: "${bad}" }) { id } }`,
      { id: Number(channel.id) },
      d.admin.token,
    )
    expect(JSON.stringify(gqlRefused.body)).not.toContain('not-base64!!-but-very-secret-value')
  })

  test('a webhook channel without a secret gets a generated whsec_ secret, shown once in the create response only', async () => {
    const res = await rest('POST', '/channels', {
      token: d.admin.token,
      body: { name: '自动密钥', type: 'webhook', enabled: true, url: 'https://auto.example/hook' },
    })
    expect(res.status).toBe(201)
    const generated = res.body.doc.generatedSecret as string
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    expect(Buffer.from(generated.slice(6), 'base64').length).toBe(32)
    const again = await rest('GET', `/channels/${res.body.doc.id}`, { token: d.admin.token })
    expect(again.body.generatedSecret ?? null).toBeNull()
    expect(JSON.stringify(again.body)).not.toContain(generated.slice(6))
  })

  test('url and secret are validated with messages that name the field', async () => {
    const noUrl = await rest('POST', '/channels', { token: d.admin.token, body: { name: '无地址', type: 'webhook', secret: SECRET } })
    expect(noUrl.status).toBe(400)
    expect(messages(noUrl.body)).toMatch(/url: a webhook channel needs/)
    const ftp = await rest('POST', '/channels', {
      token: d.admin.token,
      body: { name: 'FTP', type: 'webhook', url: 'ftp://files.example/x', secret: SECRET },
    })
    expect(ftp.status).toBe(400)
    expect(messages(ftp.body)).toMatch(/url: scheme "ftp" is not allowed/)
    const creds = await rest('POST', '/channels', {
      token: d.admin.token,
      body: { name: '带密码', type: 'webhook', url: 'https://user:pw@x.example/h', secret: SECRET },
    })
    expect(creds.status).toBe(400)
    expect(messages(creds.body)).toMatch(/url: remove the user name\/password/)
    const short = await rest('POST', '/channels', {
      token: d.admin.token,
      body: { name: '短密钥', type: 'webhook', url: 'https://x.example/h', secret: 'whsec_c2hvcnQ=' },
    })
    expect(short.status).toBe(400)
    expect(messages(short.body)).toMatch(/secret: the key must be 24 to 64 bytes/)
    const wechat = await rest('POST', '/channels', { token: d.admin.token, body: { name: '公众号', type: 'wechat' } })
    expect(wechat.status).toBe(400)
    expect(messages(wechat.body)).toMatch(/appId: a WeChat channel needs/)
  })
})

describe('channel secrets are sealed: nobody can filter, sort or group by them', () => {
  const WECHAT_SECRET = 'wechat_appsecret_0123456789abcdef'
  let webhookId: string | number
  const q = encodeURIComponent
  const refusedPath = (body: unknown, path: string) => JSON.stringify(body).includes(path)

  beforeAll(async () => {
    webhookId = (await createChannel(d, { name: '封存-webhook', type: 'webhook', url: 'https://sealed.example/hook', secret: SECRET })).id
    await createChannel(d, {
      name: '封存-公众号',
      type: 'wechat',
      appId: 'wx_sealed',
      appSecret: WECHAT_SECRET,
      apiBase: 'https://api.weixin.qq.com',
    })
  })

  test('REST: where (equals, like, greater_than_equal, exists, nested or/and), sort and a related-field path answer 400 naming the field, for admins and editors', async () => {
    const probes = [
      `/channels?where[secret][greater_than_equal]=${q('whsec_A')}`,
      `/channels?where[secret][like]=whsec`,
      `/channels?where[secret][equals]=${q(SECRET)}`,
      `/channels?where[appSecret][exists]=true`,
      `/channels?where[appSecret][contains]=wechat`,
      `/channels?where[or][0][name][equals]=x&where[or][1][secret][less_than]=${q('whsec_M')}`,
      `/channels?where[and][0][appSecret][not_equals]=x`,
      `/channels?sort=secret`,
      `/channels?sort=-appSecret`,
      `/channels?sort=name,secret`,
      `/deliveries?where[channel.secret][like]=whsec`,
      `/deliveries?where[channel.appSecret][exists]=true`,
    ]
    for (const token of [d.admin.token, d.editor.token]) {
      for (const path of probes) {
        const res = await rest('GET', path, { token })
        expect(res.status, path).toBe(400)
        expect(refusedPath(res.body, 'ecret'), path).toBe(true)
        expect(leaks(res.body), path).toBe(false)
        expect(JSON.stringify(res.body)).not.toContain(WECHAT_SECRET)
      }
    }
    // The count endpoint is the same query path: no oracle there either.
    const count = await rest('GET', `/channels/count?where[secret][greater_than_equal]=${q('whsec_A')}`, { token: d.admin.token })
    expect(count.status).toBe(400)
  })

  test('GraphQL: where (like, equals, greater_than_equal, exists) and sort are refused; the field reads null', async () => {
    const queries = [
      `{ Channels(where: { secret: { like: "whsec" } }) { docs { id } } }`,
      `{ Channels(where: { secret: { greater_than_equal: "whsec_A" } }) { totalDocs } }`,
      `{ Channels(where: { appSecret: { equals: "${WECHAT_SECRET}" } }) { totalDocs } }`,
      `{ Channels(where: { OR: [{ name: { equals: "x" } }, { appSecret: { exists: true } }] }) { totalDocs } }`,
      `{ Channels(sort: "secret") { docs { id } } }`,
      `{ countChannels(where: { secret: { like: "whsec" } }) { totalDocs } }`,
    ]
    for (const token of [d.admin.token, d.editor.token]) {
      for (const query of queries) {
        const res = await graphql(query, {}, token)
        expect(res.body.errors?.length, query).toBeGreaterThan(0)
        expect(JSON.stringify(res.body.errors), query).toMatch(/ecret/)
        expect(
          res.body.data?.Channels?.docs ?? res.body.data?.Channels?.totalDocs ?? res.body.data?.countChannels ?? null,
          query,
        ).toBeNull()
      }
    }
    const read = await graphql(
      `
        {
          Channels(where: { name: { like: "封存" } }) {
            docs {
              name
              secret
              appSecret
              secretStatus
              appSecretStatus
            }
          }
        }
      `,
      {},
      d.admin.token,
    )
    expect(read.body.errors).toBeUndefined()
    expect(read.body.data.Channels.docs).toHaveLength(2)
    for (const doc of read.body.data.Channels.docs) expect([doc.secret, doc.appSecret]).toEqual([null, null])
    expect(read.body.data.Channels.docs.map((c: any) => c.secretStatus ?? c.appSecretStatus)).toEqual(
      expect.arrayContaining([expect.stringMatching(/set/)]),
    )
  })

  test('Local API as a real admin (overrideAccess: false): find, count, sort and findDistinct by a secret throw; reads omit it', async () => {
    const admin = d.admin.user as any
    const asAdmin = { collection: 'channels', overrideAccess: false, user: admin }
    await expect(d.payload.find({ ...asAdmin, where: { secret: { like: 'whsec' } } })).rejects.toThrow(/secret/)
    await expect(d.payload.find({ ...asAdmin, where: { appSecret: { greater_than: 'a' } } })).rejects.toThrow(/appSecret/)
    await expect(d.payload.count({ ...asAdmin, where: { secret: { exists: true } } })).rejects.toThrow(/secret/)
    await expect(d.payload.find({ ...asAdmin, sort: 'secret' })).rejects.toThrow(/secret/)
    await expect(d.payload.findDistinct({ ...asAdmin, field: 'appSecret' })).rejects.toThrow()
    const read = (await d.payload.findByID({ ...asAdmin, id: webhookId })) as any
    expect(read.secret).toBeUndefined()
    expect(read.secretStatus).toMatch(/set/)
  })

  test('the admin form writes a new secret through its write-only input; it is stored, never echoed, and deliveries read it', async () => {
    const rotated = `whsec_${Buffer.from('rotated-secret-for-the-sealed-test-0123').toString('base64')}`
    const res = await rest('PATCH', `/channels/${webhookId}`, { token: d.admin.token, body: { newSecret: rotated } })
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toContain(rotated.slice(6))
    expect(res.body.doc.newSecret ?? null).toBeNull()
    // What the delivery job sees: the adapter's row, below access control.
    const row = (await d.payload.db.findOne({ collection: 'channels', where: { id: { equals: webhookId } } })) as any
    expect(row.secret).toBe(rotated)
    const bad = await rest('PATCH', `/channels/${webhookId}`, { token: d.admin.token, body: { newSecret: 'whsec_too-short-secret!!' } })
    expect(bad.status).toBe(400)
    expect(messages(bad.body)).toMatch(/secret: must be whsec_/)
    expect(JSON.stringify(bad.body)).not.toContain('too-short-secret!!')
  })
})

describe('who may see and manage channels', () => {
  test('editors read names and status but cannot create or change channels; reporters and the public see nothing', async () => {
    const channel = await createChannel(d, { name: '编辑可见', type: 'webhook', url: 'https://x.example/h', secret: SECRET })
    const asEditor = await rest('GET', `/channels/${channel.id}`, { token: d.editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.body.enabled).toBe(true)
    expect((await rest('PATCH', `/channels/${channel.id}`, { token: d.editor.token, body: { enabled: false } })).status).toBe(403)
    expect((await rest('POST', '/channels', { token: d.editor.token, body: { name: 'x', type: 'feed' } })).status).toBe(403)
    expect((await rest('GET', `/channels/${channel.id}`, { token: d.reporter.token })).status).toBe(403)
    expect((await rest('GET', `/channels`, {})).status).toBe(403)
    const anonymous = await graphql(`
      {
        Channels {
          docs {
            id
            name
          }
        }
      }
    `)
    expect(JSON.stringify(anonymous.body)).not.toContain('编辑可见')
  })

  test('an editor asks who gets a story: the push channels, each with its type name; never a feed channel, an address or a secret', async () => {
    const webhook = await createChannel(d, { name: '收件方网站', type: 'webhook', url: 'https://recipient.example/h', secret: SECRET })
    const wechat = await createChannel(d, {
      name: '收件方公众号',
      type: 'wechat',
      appId: 'wx-recipient',
      appSecret: 'recipient-app-secret',
    })
    const feed = await createChannel(d, { name: '收件方订阅源', type: 'feed' })
    const res = await rest('POST', '/distribution/recipients', { token: d.editor.token, body: {} })
    expect(res.status).toBe(200)
    const byId = new Map<string, any>(res.body.channels.map((c: any) => [String(c.id), c]))
    expect(byId.get(String(webhook.id))).toEqual({
      id: webhook.id,
      name: '收件方网站',
      type: 'webhook',
      typeName: { zh: 'Webhook', en: 'webhook' },
    })
    expect(byId.get(String(wechat.id))).toEqual({
      id: wechat.id,
      name: '收件方公众号',
      type: 'wechat',
      typeName: { zh: '微信公众号', en: 'WeChat' },
    })
    expect(byId.has(String(feed.id))).toBe(false)
    expect(JSON.stringify(res.body)).not.toMatch(/recipient\.example|recipient-app-secret|whsec_/)
    expect((await rest('POST', '/distribution/recipients', { token: d.reporter.token, body: {} })).status).toBe(403)
  })

  test('nobody creates or edits deliveries through the API', async () => {
    for (const token of [d.admin.token, d.editor.token]) {
      const res = await rest('POST', '/deliveries', { token, body: { key: 'x', event: 'published', version: 1, state: 'success' } })
      expect(res.status).toBe(403)
    }
  })
})
