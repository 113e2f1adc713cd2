/**
 * The foundation as a newcomer meets it: the demo desk seeded on first start, the founding story published in
 * house style, and GraphQL serving it to anonymous frontends — drafts and private data never.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { DEMO_EMAILS, seedDemoContent } from '../../src/seed/demo-content'
import { createDeskUser, tokenFor } from '../support/desk-users'
import { graphql, rest } from '../support/http'
import { bootDesk, type TestDesk } from '../support/payload'

let desk: TestDesk
let payload: Payload

beforeAll(async () => {
  desk = await bootDesk({ seed: true })
  payload = desk.payload
})
afterAll(async () => {
  await desk?.close()
})

const founding = async () => {
  const { docs } = await payload.find({ collection: 'articles', where: { 'dateline.outlet': { equals: '亮点黔西南' } }, depth: 2 })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

describe('demo desk on first start', () => {
  test('regions nest 贵州省 → 黔西南布依族苗族自治州 → 兴仁市 with GB/T 2260 codes and dateline short names', async () => {
    const { docs } = await payload.find({ collection: 'regions', where: { code: { equals: '522322' } }, depth: 2 })
    const xingren = docs[0] as any
    expect(xingren.name).toBe('兴仁市')
    expect(xingren.shortName).toBe('兴仁')
    expect(xingren.parent.name).toBe('黔西南布依族苗族自治州')
    expect(xingren.parent.shortName).toBe('黔西南')
    expect(xingren.parent.parent.name).toBe('贵州省')
    expect(xingren.parent.parent.code).toBe('520000')
  })

  test('users admin, editor and reporter exist with the demo password and their roles', async () => {
    for (const [role, email] of Object.entries(DEMO_EMAILS)) {
      const login = await payload.login({ collection: 'users', data: { email, password: process.env.NEWSROOM_DEMO_PASSWORD! } })
      expect((login.user as any).roles).toEqual([role])
    }
  })

  test('the founding story is published with dateline and byline as data, not in the body', async () => {
    const story = (await founding()) as any
    expect(story._status).toBe('published')
    expect(story.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(story.dateline.outlet).toBe('亮点黔西南')
    expect(story.dateline.kind).toBe('xun')
    expect(story.credits.map((c: any) => [c.author.name, c.role])).toEqual([['丁宪民', 'reporter']])
    expect(story.datelineText).toBe('亮点黔西南讯')
    expect(story.bylineText).toBe('（丁宪民 报道）')
    const bodyText = JSON.stringify(story.body)
    expect(bodyText).not.toContain('黔西南讯')
    expect(bodyText).not.toContain('报道）')
    expect(bodyText).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/)
    const headings = story.body.root.children.filter((n: any) => n.type === 'heading')
    expect(headings.map((h: any) => h.children[0].text)).toEqual(['抓班子 强组织', '抓思路 强发展', '抓落实 强督查'])
    const upload = story.body.root.children.find((n: any) => n.type === 'upload')
    expect(upload.value.filename).toBe('ldqxn_wx.jpg')
    expect(upload.value.sizes.wechatCover.width).toBe(900)
    expect(upload.value.sizes.social.height).toBe(630)
  })

  test('its html opens with the dateline and closes the text with the byline; plainText in the same order', async () => {
    const story = (await founding()) as any
    expect(story.html).toMatch(/^<p><span class="nr-dateline">亮点黔西南讯<\/span> 按照基层组织建设年/)
    expect(story.html).toMatch(/一般党支部。<span class="nr-byline">（丁宪民 报道）<\/span><\/p>/)
    expect(story.html).toContain('<h2>抓班子 强组织</h2>')
    expect(story.plainText.startsWith('亮点黔西南讯 按照基层组织建设年')).toBe(true)
    expect(story.plainText.trimEnd().endsWith('（丁宪民 报道）')).toBe(true)
  })

  test('seeding again (a restart) creates no duplicates', async () => {
    const before = await Promise.all(
      ['articles', 'regions', 'authors', 'users', 'media', 'sections'].map((c) => payload.count({ collection: c as any })),
    )
    await seedDemoContent(payload)
    const after = await Promise.all(
      ['articles', 'regions', 'authors', 'users', 'media', 'sections'].map((c) => payload.count({ collection: c as any })),
    )
    expect(after.map((c) => c.totalDocs)).toEqual(before.map((c) => c.totalDocs))
    expect(before[0]!.totalDocs).toBe(1)
  })
})

describe('GraphQL for frontends', () => {
  const LIST = `query ($draft: Boolean) { Articles(draft: $draft, limit: 20) { docs {
      id title slug datelineText bylineText html plainText _status
      section { name slug } region { name shortName code }
      heroImage { url alt }
      credits { role author { name user { email } } }
  } } }`

  test('anonymous callers get published stories with their relations and rendered text', async () => {
    const { body } = await graphql(LIST)
    expect(body.errors).toBeUndefined()
    const [story] = body.data.Articles.docs
    expect(story.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(story.datelineText).toBe('亮点黔西南讯')
    expect(story.bylineText).toBe('（丁宪民 报道）')
    expect(story.section.name).toBe('时政')
    expect(story.region).toMatchObject({ name: '兴仁市', shortName: '兴仁', code: '522322' })
    expect(story.credits[0].author.name).toBe('丁宪民')
    expect(story.html.startsWith('<p><span class="nr-dateline">亮点黔西南讯</span>')).toBe(true)
  })

  test('anonymous callers never see a draft, even with draft: true, and never read users', async () => {
    const { user } = await createDeskUser(payload, 'reporter')
    await payload.create({
      collection: 'articles',
      data: { title: '尚未发布的稿件', _status: 'draft' } as any,
      draft: true,
      user,
      overrideAccess: false,
    })
    for (const draft of [false, true]) {
      const { body } = await graphql(LIST, { draft })
      expect(body.data.Articles.docs.map((d: any) => d.title)).toEqual(['兴仁县“三抓三强”加快后进党组织转化'])
      expect(body.data.Articles.docs[0].credits[0].author.user).toBeNull()
    }
    const users = await graphql(`
      {
        Users {
          docs {
            email
          }
        }
      }
    `)
    expect(users.body.data?.Users?.docs ?? []).toEqual([])
    const restUsers = await rest('GET', '/users')
    expect(restUsers.status).toBe(403)
  })

  test('staff see the draft through GraphQL when they ask for drafts', async () => {
    const token = await tokenFor(payload, (await createDeskUser(payload, 'editor')).user.email)
    const { body } = await graphql(
      `
        {
          Articles(draft: true, where: { title: { equals: "尚未发布的稿件" } }) {
            docs {
              title
              _status
            }
          }
        }
      `,
      {},
      token,
    )
    expect(body.data.Articles.docs).toEqual([{ title: '尚未发布的稿件', _status: 'draft' }])
  })

  test('a story is found by its pinyin slug', async () => {
    const { body } = await graphql(`
      {
        Articles(where: { slug: { equals: "xing-ren-xian-san-zhua-san-qiang-jia-kuai-hou-jin-dang-zu-zhi-zhuan-hua" } }) {
          docs {
            title
          }
        }
      }
    `)
    expect(body.data.Articles.docs).toEqual([{ title: '兴仁县“三抓三强”加快后进党组织转化' }])
  })
})

describe('bad input is refused, naming the field, and nothing is half-saved', () => {
  let token: string
  beforeAll(async () => {
    token = await tokenFor(payload, (await createDeskUser(payload, 'editor')).user.email)
  })

  const countArticles = async () => (await payload.count({ collection: 'articles', draft: true } as any)).totalDocs

  test.each([
    ['an unknown section id', { title: '测试稿件', section: 987654 }, 'section'],
    ['an unknown credited author', { title: '测试稿件', credits: [{ author: 987654, role: 'reporter' }] }, 'credits.0.author'],
    ['an unknown dateline place', { title: '测试稿件', dateline: { outlet: '亮点黔西南', place: 987654 } }, 'dateline.place'],
    ['a body that is not Lexical JSON', { title: '测试稿件', body: { html: '<p>hi</p>' } }, 'body'],
    ['a body node without a type', { title: '测试稿件', body: { root: { type: 'root', children: [{ text: 'x' }] } } }, 'body'],
    ['a headline of the wrong type', { title: { zh: '标题' } }, 'title'],
    ['a missing headline', { dek: '只有导语' }, 'title'],
    ['an unknown credit role', { title: '测试稿件', credits: [{ author: 1, role: 'ghostwriter' }] }, 'credits'],
  ])('%s', async (_name, data, field) => {
    const before = await countArticles()
    const { status, body } = await rest('POST', '/articles?draft=true', { token, body: data })
    expect(status).toBe(400)
    const paths = (body.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path ?? d.field))
    expect(paths.some((p: string) => p.startsWith(field))).toBe(true)
    expect(await countArticles()).toBe(before)
  })

  test('GraphQL refuses an unknown relation id with the field named', async () => {
    const before = await countArticles()
    const { body } = await graphql(
      `
        mutation {
          createArticle(data: { title: "测试", region: 424242 }, draft: true) {
            id
          }
        }
      `,
      {},
      token,
    )
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(body.errors)).toContain('region')
    expect(await countArticles()).toBe(before)
  })

  test('script in text is stored as text and never reaches the rendered html as markup', async () => {
    const { status, body } = await rest('POST', '/articles?draft=true', {
      token,
      body: {
        title: '<img src=x onerror=alert(1)>标题',
        body: {
          root: {
            type: 'root',
            version: 1,
            children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '<script>alert(1)</script>正文' }] }],
          },
        },
      },
    })
    expect(status).toBe(201)
    expect(body.doc.html).not.toContain('<script>')
    expect(body.doc.html).toContain('&lt;script&gt;')
  })
})
