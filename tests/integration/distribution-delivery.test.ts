/**
 * Publication events reaching webhook channels, as a receiver sees them: each event once, signed, as NINJS in
 * the channel's script, with the stored house-style rendering; drafts and autosaves never; updates only when
 * the content changed; corrections carrying their note; unpublish and retraction as pubstatus canceled; channel
 * filters by section and region; permanent failures, 410 Gone, and an editor's retry.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'

// Before any import: the config (imported by the HTTP helpers) reads these once.
vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
  process.env.NEWSROOM_DELIVERY_BACKOFF_MS = '30'
})

import { graphql, rest } from '../support/http'
import { ninjsErrors } from '../support/ninjs-schemas'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import {
  act,
  bootDistributionDesk,
  closeDistributionDesk,
  attemptsOf,
  createChannel,
  deliveriesOf,
  drainDeliveries,
  publishStory,
  SECRET,
  type DistributionDesk,
  switchOffChannels,
} from '../support/distribution-desk'

let d: DistributionDesk
const receivers: WebhookReceiver[] = []
const channelIds: unknown[] = []

beforeAll(async () => {
  d = await bootDistributionDesk()
})
afterEach(async () => {
  // Each test brings its own channels: switch the previous ones off so they do not get this test's stories.
  await switchOffChannels(d, channelIds)
})
afterAll(async () => {
  // A receiver rejects its close when any delivery it captured was not conformant (see webhook-receiver.ts).
  try {
    await Promise.all(receivers.map((r) => r.close()))
  } finally {
    await closeDistributionDesk(d)
  }
})

async function receiverWithChannel(extra: Record<string, unknown> = {}, behaviour = {}) {
  const receiver = await startWebhookReceiver({ secret: SECRET, behaviour })
  receivers.push(receiver)
  const channel = await createChannel(d, { name: `站点-${receivers.length}`, type: 'webhook', url: receiver.url, secret: SECRET, ...extra })
  channelIds.push(channel.id)
  return { receiver, channel }
}

const htmlOf = (ninjs: any): string => ninjs.bodies.find((b: any) => b.contenttype === 'text/html').value
const payloads = (receiver: WebhookReceiver) => receiver.processed.map((p) => p.payload as any)

describe('a published story reaches a webhook channel once, in house style', () => {
  test('publish → one signed NINJS push with the stored dateline and byline; the delivery row records it and shows on the story', async () => {
    const { receiver, channel } = await receiverWithChannel()
    const id = await publishStory(d)
    const [pending] = await deliveriesOf(d, id)
    expect(pending).toMatchObject({ event: 'published', state: 'pending', attempts: 0, version: 1 })
    await drainDeliveries(d)

    expect(receiver.received).toHaveLength(1)
    const request = receiver.received[0]!
    expect(request.verified).toBe(true)
    // The Standard Webhooks message id is the delivery's own ULID-based id, and the envelope's timestamp is the
    // event time, both stored on the row before anything was sent.
    expect(pending!.webhookId).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(request.id).toBe(pending!.webhookId)
    const body = request.payload as any
    expect(body.type).toBe('article.published')
    expect(body.timestamp).toBe(pending!.eventAt)
    expect(body.data.pubstatus).toBe('usable')
    expect(body.data.uri).toBe(`urn:newsroom:article:${id}`)
    expect(body.data.standard).toMatchObject({ name: 'ninjs', version: '2.2' })
    expect(ninjsErrors(body.data)).toEqual([])
    const story = (await d.payload.findByID({ collection: 'articles', id, depth: 0 })) as any
    const html = body.data.bodies.find((b: any) => b.contenttype === 'text/html').value
    expect(body.data.headlines[0].value).toBe(story.title)
    expect(html).toContain(`<span class="nr-dateline">${story.datelineText}</span>`)
    expect(story.datelineText).toBe('亮点黔西南兴仁讯')
    expect(html).toContain(story.bylineText)
    // Where the story comes from, not who reports it (亮点黔西南兴仁讯 is the outlet's credit line).
    expect(body.data.located).not.toContain('讯')
    expect(body.data.altids).toContainEqual({ role: 'url', value: expect.stringMatching(new RegExp(`/news/${story.slug}$`)) })

    const [delivered] = await deliveriesOf(d, id)
    expect(delivered).toMatchObject({ state: 'success', attempts: 1, lastStatus: 200, channel: channel.id })
    expect(delivered!.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(delivered!.deliveredAt).toBeTruthy()

    // On the story, for the desk (join field), over REST and GraphQL; never for the public.
    const asEditor = await rest('GET', `/articles/${id}?depth=0`, { token: d.editor.token })
    expect(asEditor.body.deliveries.docs.map((x: any) => x.id ?? x)).toContain(delivered!.id)
    const gql = await graphql(
      `
        query ($id: Int!) {
          Article(id: $id) {
            deliveries {
              docs {
                state
                event
              }
            }
          }
        }
      `,
      { id: Number(id) },
      d.editor.token,
    )
    expect(gql.body.data.Article.deliveries.docs).toEqual([{ state: 'success', event: 'published' }])
    const asPublic = await rest('GET', `/articles/${id}?depth=0`)
    expect(asPublic.body.deliveries?.docs ?? []).toEqual([])
    expect((await rest('GET', '/deliveries', {})).status).toBe(403)
  })

  test('draft saves and autosaves of a live story send nothing; an edit that changes nothing visible sends nothing', async () => {
    const { receiver } = await receiverWithChannel()
    const id = await publishStory(d)
    await drainDeliveries(d)
    expect(receiver.received).toHaveLength(1)

    await d.payload.update({
      collection: 'articles',
      id,
      data: { title: '草稿里改了标题' },
      draft: true,
      user: d.editor.user,
      overrideAccess: false,
    })
    await d.payload.update({
      collection: 'articles',
      id,
      data: { title: '自动保存的标题' },
      draft: true,
      autosave: true,
      user: d.editor.user,
      overrideAccess: false,
    })
    const main = (await d.payload.findByID({ collection: 'articles', id, draft: false, depth: 0 })) as any
    // Re-saving the live version with the same content (a new version, a new updatedAt) is not an update.
    await d.payload.update({
      collection: 'articles',
      id,
      data: { title: main.title, _status: 'published' },
      draft: false,
      user: d.editor.user,
      overrideAccess: false,
    })
    await drainDeliveries(d)
    expect((await deliveriesOf(d, id)).map((x) => x.event)).toEqual(['published'])
    expect(receiver.received).toHaveLength(1)
  })

  test('publishing changes to a live story sends article.updated with the new text and a higher version', async () => {
    const { receiver } = await receiverWithChannel()
    const id = await publishStory(d)
    await d.payload.update({
      collection: 'articles',
      id,
      data: { title: '兴仁县乡村学校全部建成', _status: 'published' },
      draft: false,
      user: d.editor.user,
      overrideAccess: false,
    })
    await drainDeliveries(d)
    expect(payloads(receiver).map((p) => [p.type, p.data.version, p.data.headlines[0].value])).toEqual([
      ['article.published', '1', expect.any(String)],
      ['article.updated', '2', '兴仁县乡村学校全部建成'],
    ])
  })

  test('a correction sends an update that carries the correction note (ednote), and the corrected text', async () => {
    const { receiver } = await receiverWithChannel()
    const id = await publishStory(d)
    await act(d, id, 'correct', '此前报道学校数量有误，应为十二所。')
    await drainDeliveries(d)
    const [, corrected] = payloads(receiver)
    expect(corrected.type).toBe('article.corrected')
    expect(corrected.data.pubstatus).toBe('usable')
    expect(corrected.data.ednote).toBe('此前报道学校数量有误，应为十二所。')
    expect(htmlOf(corrected.data)).toContain('此前报道学校数量有误')
  })

  test('unpublish sends pubstatus canceled; retraction sends canceled with the reason, without the text', async () => {
    const { receiver } = await receiverWithChannel()
    const unpublished = await publishStory(d)
    const retracted = await publishStory(d)
    await drainDeliveries(d)
    await act(d, unpublished, 'unpublish')
    await act(d, retracted, 'retract', '消息来源不实')
    await drainDeliveries(d)
    const byStory = (id: unknown) => payloads(receiver).filter((p) => p.data.uri === `urn:newsroom:article:${id}`)
    expect(byStory(unpublished).map((p) => [p.type, p.data.pubstatus])).toEqual([
      ['article.published', 'usable'],
      ['article.unpublished', 'canceled'],
    ])
    const [, retraction] = byStory(retracted)
    expect(retraction.type).toBe('article.retracted')
    expect(retraction.data.pubstatus).toBe('canceled')
    expect(retraction.data.ednote).toContain('消息来源不实')
    expect(retraction.data.bodies).toBeUndefined()
  })

  test('a zh-Hant-TW channel gets traditional text; the house channel the simplified master', async () => {
    const { receiver: hans } = await receiverWithChannel()
    const { receiver: tw } = await receiverWithChannel({ script: 'zh-Hant-TW' })
    await publishStory(d, { title: '兴仁县发展乡村经济' })
    await drainDeliveries(d)
    const [simplified] = payloads(hans)
    const [traditional] = payloads(tw)
    expect(simplified.data.headlines[0].value).toBe('兴仁县发展乡村经济')
    expect(traditional.data.headlines[0].value).toBe('興仁縣發展鄉村經濟')
    expect(traditional.data.language).toBe('zh-Hant-TW')
    expect(htmlOf(traditional.data)).toContain('亮點黔西南興仁訊')
    expect(htmlOf(traditional.data)).not.toContain('县')
  })
})

test('a story withdrawn before its publish went out: the publish stands down, only the withdrawal is sent', async () => {
  const { receiver } = await receiverWithChannel()
  const id = await publishStory(d)
  await act(d, id, 'retract', '署名有误')
  await drainDeliveries(d)
  expect(payloads(receiver).map((p) => [p.type, p.data.pubstatus])).toEqual([['article.retracted', 'canceled']])
  const [published, retracted] = await deliveriesOf(d, id)
  expect(published).toMatchObject({ event: 'published', state: 'skipped' })
  expect(published!.note).toMatch(/superseded: the story was retracted/)
  expect(retracted).toMatchObject({ event: 'retracted', state: 'success', attempts: 1 })
})

describe('channel filters', () => {
  test('a channel filtered to a section or a region gets stories from it and from places beneath it, nothing else', async () => {
    const { receiver: news } = await receiverWithChannel({ sections: [d.sections.news.id] })
    const { receiver: qxn } = await receiverWithChannel({ regions: [d.regions.qxn.id] })
    const { receiver: sportInGuiyang } = await receiverWithChannel({ sections: [d.sections.sport.id], regions: [d.regions.guiyang.id] })
    const county = await publishStory(d, { section: d.sections.county.id, region: d.regions.xingren.id })
    const sport = await publishStory(d, { section: d.sections.sport.id, region: d.regions.guiyang.id })
    await drainDeliveries(d)
    const stories = (r: WebhookReceiver) => payloads(r).map((p) => p.data.uri)
    expect(stories(news)).toEqual([`urn:newsroom:article:${county}`])
    expect(stories(qxn)).toEqual([`urn:newsroom:article:${county}`])
    expect(stories(sportInGuiyang)).toEqual([`urn:newsroom:article:${sport}`])
  })

  test('a withdrawal goes where the story went even if the filter no longer matches', async () => {
    const { receiver, channel } = await receiverWithChannel({ sections: [d.sections.county.id] })
    const id = await publishStory(d)
    await drainDeliveries(d)
    await d.payload.update({ collection: 'channels', id: channel.id, data: { sections: [d.sections.sport.id] } })
    await act(d, id, 'unpublish')
    await drainDeliveries(d)
    expect(payloads(receiver).map((p) => p.type)).toEqual(['article.published', 'article.unpublished'])
  })

  test('content a channel already has is not sent again (same hash as its last successful delivery)', async () => {
    const { receiver: county } = await receiverWithChannel({ sections: [d.sections.county.id] })
    const { receiver: all } = await receiverWithChannel()
    const id = await publishStory(d)
    const move = (section: unknown) =>
      d.payload.update({
        collection: 'articles',
        id,
        data: { section, _status: 'published' },
        draft: false,
        user: d.editor.user,
        overrideAccess: false,
      })
    await move(d.sections.sport.id)
    await move(d.sections.county.id)
    await drainDeliveries(d)
    expect(payloads(all).map((p) => p.type)).toEqual(['article.published', 'article.updated', 'article.updated'])
    // The county channel had version 1 with exactly this content: version 3 is recorded as skipped, not sent.
    expect(payloads(county).map((p) => p.type)).toEqual(['article.published'])
    const rows = (await deliveriesOf(d, id)).filter((x) => String(x.channel) !== String(channelIds[1]))
    const skipped = rows.find((x) => x.version === 3)!
    expect(skipped.state).toBe('skipped')
    expect(skipped.deliveredAt ?? null).toBeNull()
    expect(skipped.note).toMatch(/unchanged since version 1/)
  })
})

describe('failures', () => {
  test('two 5xx then 200: one success after 3 attempts, the same webhook-id and the same bytes every time', async () => {
    const { receiver } = await receiverWithChannel({}, { statuses: [503, 500, 200] })
    const id = await publishStory(d)
    await drainDeliveries(d)
    const [delivery] = await deliveriesOf(d, id)
    expect(delivery).toMatchObject({ state: 'success', attempts: 3, lastStatus: 200 })
    const webhookId = delivery!.webhookId
    expect(receiver.received.map((r) => [r.id, r.status])).toEqual([
      [webhookId, 503],
      [webhookId, 500],
      [webhookId, 200],
    ])
    // A retry is the same message: byte-identical body (each attempt is signed afresh with its own send time).
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1)
    expect(receiver.violations).toEqual([])
    expect(receiver.processed).toHaveLength(1)
    const attempts = await attemptsOf(d, delivery!.id)
    expect(attempts.map((a) => [a.number, a.outcome, a.status])).toEqual([
      [1, 'retry', 503],
      [2, 'retry', 500],
      [3, 'success', 200],
    ])
  })

  test('a 4xx is permanent; an editor retries the failed delivery and it goes through with the same id', async () => {
    const { receiver } = await receiverWithChannel({}, { statuses: [422] })
    const id = await publishStory(d)
    await drainDeliveries(d)
    const [failed] = await deliveriesOf(d, id)
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 422 })
    expect(failed!.lastError).toMatch(/HTTP 422/)

    expect((await rest('POST', `/deliveries/${failed!.id}/retry`, {})).status).toBe(401)
    expect((await rest('POST', `/deliveries/${failed!.id}/retry`, { token: d.reporter.token })).status).toBe(403)
    const retried = await rest('POST', `/deliveries/${failed!.id}/retry`, { token: d.editor.token })
    expect(retried.status).toBe(202)
    await drainDeliveries(d)
    const [done] = await deliveriesOf(d, id)
    expect(done).toMatchObject({ state: 'success', attempts: 2, lastStatus: 200 })
    expect(receiver.received.map((r) => r.id)).toEqual([failed!.webhookId, failed!.webhookId])
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body)
    expect((await rest('POST', `/deliveries/${failed!.id}/retry`, { token: d.editor.token })).status).toBe(409)
  })

  test('410 Gone fails the delivery and disables the channel, with the reason on the channel', async () => {
    const { channel } = await receiverWithChannel({}, { statuses: [410] })
    const id = await publishStory(d)
    await drainDeliveries(d)
    const [gone] = await deliveriesOf(d, id)
    expect(gone).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 410 })
    const after = (await d.payload.findByID({ collection: 'channels', id: channel.id })) as any
    expect(after.enabled).toBe(false)
    expect(after.disabledReason).toMatch(/410/)
    // Its next story is not even queued for it.
    const next = await publishStory(d)
    expect(await deliveriesOf(d, next)).toEqual([])
  })

  test('a private address is refused unless allowlisted, and the error says how to allow it', async () => {
    const channel = await createChannel(d, { name: '内网', type: 'webhook', url: 'http://10.1.2.3/hook', secret: SECRET })
    channelIds.push(channel.id)
    const id = await publishStory(d)
    await drainDeliveries(d)
    const [refused] = await deliveriesOf(d, id)
    expect(refused!.state).toBe('failed')
    expect(refused!.lastError).toMatch(/private address.*NEWSROOM_CHANNEL_ALLOWLIST/)
  })
})
