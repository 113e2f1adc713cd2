/**
 * The reader site and the public GraphQL contract as a reader, a crawler and a frontend team meet them, on the
 * built server with the demo desk (the founding story, given a hero picture here):
 * - a frontend that knows only the committed schema.graphql and uses graphql-request;
 * - the pages (story, front, section, region, author) with their crawler metadata, and a browser's view;
 * - the page cache following a correction, an unpublish and a retraction (410).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildSchema, parse, validate, type GraphQLObjectType } from 'graphql'
import { ClientError, GraphQLClient, gql } from 'graphql-request'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { launchBrowser, screenshot } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'
import { logInToApp } from '../support/app-client'

const PASSWORD = 'reader-site-e2e-pass'
const FOUNDING_TITLE = '兴仁县“三抓三强”加快后进党组织转化'
const sdl = buildSchema(readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8'))

let app: RunningApp
let client: GraphQLClient
let editorToken: string
let storyId: number
let slug: string

/** A frontend's query: checked against the committed SDL before it is sent, as codegen or an IDE would. */
async function ask<T>(document: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  expect(validate(sdl, parse(document)).map((error) => error.message)).toEqual([])
  return client.request<T>(document, variables, token ? { Authorization: `JWT ${token}` } : {})
}

/** The slug of 贵州省 (GB/T 2260 code 520000), the province the founding story's county is in. */
async function provinceSlug(): Promise<string> {
  const data = await ask<{ Regions: { docs: { slug: string }[] } }>(gql`
    {
      Regions(where: { code: { equals: "520000" } }) {
        docs {
          slug
        }
      }
    }
  `)
  return data.Regions.docs[0]!.slug
}

async function askError(document: string, variables: Record<string, unknown> = {}, token?: string) {
  try {
    await ask(document, variables, token)
  } catch (error) {
    if (error instanceof ClientError) return error.response
    throw error
  }
  throw new Error('expected the query to fail')
}

async function rest(method: string, url: string, body?: unknown, init: RequestInit = {}) {
  const res = await fetch(`${app.url}/api${url}`, {
    method,
    ...init,
    headers: {
      ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      Authorization: `JWT ${editorToken}`,
      ...init.headers,
    },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

const page = async (pathname: string) => {
  const res = await fetch(`${app.url}${pathname}`)
  return { status: res.status, html: await res.text() }
}

beforeAll(async () => {
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD })
  client = new GraphQLClient(`${app.url}/api/graphql`)
  editorToken = await logInToApp(app.url, 'editor@newsroom.test', PASSWORD)
  // A hero picture for the founding story: a real JPEG through the REST upload, so sharp makes every rendition.
  const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 180, g: 40, b: 30 } } })
    .jpeg()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'xingren-village.jpg')
  form.append('_payload', JSON.stringify({ alt: '兴仁市鎖寨村的蔬菜大棚', caption: '鎖寨村蔬菜大棚', credit: '李平 摄' }))
  const media = await rest('POST', '/media', form)
  expect(media.status).toBe(201)
  const { body: list } = await rest('GET', `/articles?where[title][equals]=${encodeURIComponent(FOUNDING_TITLE)}&depth=0`)
  storyId = list.docs[0].id
  slug = list.docs[0].slug
  const update = await rest('PATCH', `/articles/${storyId}`, { heroImage: media.body.doc.id })
  expect(update.status).toBe(200)
}, 240_000)
afterAll(async () => {
  await app?.stop()
})

describe('a frontend on the committed SDL with a plain GraphQL client', () => {
  test('Story(slug) answers the published story with non-null text, absolute media URLs, every rendition and alt text', async () => {
    const { Story } = await ask<{ Story: any }>(
      gql`
        query ($slug: String!) {
          Story(slug: $slug) {
            title
            slug
            url
            datelineText
            bylineText
            html
            publishedAt
            credits {
              role
              author {
                name
                slug
                url
              }
            }
            heroImage {
              url
              alt
              thumbnail {
                url
                width
                height
              }
              card {
                url
                width
                height
              }
              social {
                url
                width
                height
              }
              wechatCover {
                url
                width
                height
              }
            }
          }
        }
      `,
      { slug },
    )
    expect(Story).toMatchObject({ title: FOUNDING_TITLE, slug, datelineText: '亮点黔西南讯', bylineText: '（丁宪民 报道）' })
    expect(Story.url).toMatch(new RegExp(`^https?://[^/]+/news/${slug}$`))
    expect(Story.html).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(Story.credits).toEqual([{ role: 'reporter', author: expect.objectContaining({ name: '丁宪民' }) }])
    expect(Story.heroImage.alt).toBe('兴仁市鎖寨村的蔬菜大棚')
    for (const [name, width, height] of [
      ['thumbnail', 320, 240],
      ['card', 768, 432],
      ['social', 1200, 630],
      ['wechatCover', 900, 383],
    ] as const) {
      expect(Story.heroImage[name]).toMatchObject({ width, height })
      expect(Story.heroImage[name].url).toMatch(/^https?:\/\/[^/]+\/api\/media\/file\//)
    }
    // Payload's own Media type answers the same absolute URLs on the public origin, for every rendition.
    const heroId = (await rest('GET', `/articles/${storyId}?depth=0`)).body.heroImage
    const { Media } = await ask<{ Media: any }>(
      gql`
        query ($id: Int!) {
          Media(id: $id) {
            url
            alt
            sizes {
              thumbnail {
                url
              }
              card {
                url
              }
              social {
                url
              }
              wechatCover {
                url
              }
            }
          }
        }
      `,
      { id: heroId },
    )
    const origin = new URL(Story.url).origin
    expect(Media.alt).toBe('兴仁市鎖寨村的蔬菜大棚')
    for (const url of [Media.url, ...Object.values(Media.sizes).map((size: any) => size.url)])
      expect(url).toMatch(new RegExp(`^${origin}/api/media/file/`))
    // The absolute URL really serves the picture.
    const pictureUrl = new URL(Story.heroImage.card.url)
    const picture = await fetch(`${app.url}${pictureUrl.pathname}`)
    expect(picture.status).toBe(200)
    expect(picture.headers.get('content-type')).toContain('image/')
  })

  test('the public types say what is always there: non-null title, slug, dateline, html, publishedAt', () => {
    const story = sdl.getType('PublicStory') as GraphQLObjectType
    for (const field of ['title', 'slug', 'datelineText', 'bylineText', 'html', 'publishedAt', 'url']) {
      expect(String(story.getFields()[field]!.type), field).toBe('String!')
    }
    expect(Object.keys(story.getFields())).not.toContain('deliveries')
    expect(Object.keys(story.getFields())).not.toContain('styleFindings')
    expect(Object.keys(story.getFields())).not.toContain('workflowSequence')
  })

  test('Stories by section and region slug include sub-sections and sub-regions unless told not to, like the feeds', async () => {
    const query = gql`
      query ($section: String, $region: String, $deep: Boolean) {
        Stories(section: $section, region: $region, includeDescendants: $deep) {
          totalDocs
          docs {
            slug
          }
        }
      }
    `
    // The founding story is filed under 时政 (shi-zheng) and 兴仁市, a county of 黔西南州 in 贵州省.
    const province = await provinceSlug()
    expect((await ask<any>(query, { region: province })).Stories.docs.map((d: any) => d.slug)).toEqual([slug])
    expect((await ask<any>(query, { region: province, deep: false })).Stories.totalDocs).toBe(0)
    expect((await ask<any>(query, { section: 'shi-zheng' })).Stories.totalDocs).toBe(1)
    expect((await ask<any>(query, { section: 'dang-jian' })).Stories.totalDocs).toBe(0)
    // The province's feed agrees: the story is in it.
    const feed = await (await fetch(`${app.url}/feeds/regions/${province}/feed.json`)).json()
    expect(feed.items.map((item: any) => item.url)).toEqual([expect.stringMatching(new RegExp(`/news/${slug}$`))])
  })

  test('Stories by author and by tag, page by page', async () => {
    const query = gql`
      query ($author: String, $tag: String, $page: Int, $limit: Int) {
        Stories(author: $author, tag: $tag, page: $page, limit: $limit) {
          totalDocs
          page
          totalPages
          hasNextPage
          docs {
            slug
          }
        }
      }
    `
    const author = await ask<any>(query, { author: 'ding-xian-min' })
    expect(author.Stories).toMatchObject({ totalDocs: 1, page: 1, totalPages: 1, hasNextPage: false })
    expect((await ask<any>(query, { tag: '兴仁' })).Stories.totalDocs).toBe(1)
    expect((await ask<any>(query, { tag: '没有这个标签' })).Stories.totalDocs).toBe(0)
    expect((await ask<any>(query, { page: 2, limit: 1 })).Stories).toMatchObject({ page: 2, docs: [] })
  })

  test('errors carry readable names: NotFound, Forbidden, ValidationError', async () => {
    const missing = await askError(gql`
      {
        Stories(section: "no-such-section") {
          totalDocs
        }
      }
    `)
    expect(missing.errors?.[0]?.extensions).toMatchObject({ name: 'NotFound' })
    expect(missing.errors?.[0]?.message).toContain('no-such-section')
    const forbidden = await askError(gql`
      mutation {
        createArticle(data: { title: "匿名稿件" }) {
          id
        }
      }
    `)
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ name: 'Forbidden' })
    const invalid = await askError(
      gql`
        mutation {
          createArticle(data: { title: "" }) {
            id
          }
        }
      `,
      {},
      editorToken,
    )
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ name: 'ValidationError' })
  })

  test('anonymous readers of Article get no deliveries, findings or workflow internals, and no error', async () => {
    const { Articles } = await ask<any>(gql`
      {
        Articles {
          docs {
            title
            stage
            styleFindings
            styleErrorCount
            workflowSequence
            retractionReason
            createdBy {
              id
            }
            deliveries {
              docs {
                id
              }
            }
          }
        }
      }
    `)
    expect(Articles.docs).toEqual([
      {
        title: FOUNDING_TITLE,
        stage: null,
        styleFindings: null,
        styleErrorCount: null,
        workflowSequence: null,
        retractionReason: null,
        createdBy: null,
        deliveries: { docs: [] },
      },
    ])
    // Nor can they filter stories by their stage: the field is not theirs to query.
    const byStage = await askError(gql`
      {
        Articles(where: { stage: { equals: published } }) {
          docs {
            title
          }
        }
      }
    `)
    expect(byStage.errors?.[0]?.message).toMatch(/stage/)
    // The desk still sees it.
    const desk = await ask<any>(
      gql`
        query ($slug: String) {
          Articles(where: { slug: { equals: $slug } }) {
            docs {
              stage
            }
          }
        }
      `,
      { slug },
      editorToken,
    )
    expect(desk.Articles.docs).toEqual([{ stage: 'published' }])
  })
})

describe('reader pages', () => {
  test('the story page renders dateline, headline, html, byline and the hero picture with a srcset from the renditions', async () => {
    const { status, html } = await page(`/news/${slug}`)
    expect(status).toBe(200)
    expect(html).toContain(`<h1>${FOUNDING_TITLE}</h1>`)
    expect(html).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(html).toContain('<span class="nr-byline">（丁宪民 报道）</span>')
    expect(html).toContain('<html lang="zh-Hans">')
    const img = /<figure class="hero"><img ([^>]*)>/.exec(html)?.[1] ?? ''
    expect(img).toContain('alt="兴仁市鎖寨村的蔬菜大棚"')
    const srcset = /srcSet="([^"]*)"/i.exec(img)?.[1] ?? ''
    expect(srcset.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['320w', '768w', '1200w', '1600w'])
  })

  test('the story page tells crawlers what it is: canonical, feeds, OpenGraph with the social picture, NewsArticle JSON-LD', async () => {
    const { html } = await page(`/news/${slug}`)
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/news/${slug}"`))
    for (const [type, file] of [
      ['application/rss\\+xml', 'rss.xml'],
      ['application/atom\\+xml', 'atom.xml'],
      ['application/feed\\+json', 'feed.json'],
    ]) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="${type}" href="https?://[^"]+/feeds/${file.replace('.', '\\.')}"`))
    }
    expect(html).toContain(`<meta property="og:title" content="${FOUNDING_TITLE}"/>`)
    expect(html).toContain('<meta property="og:type" content="article"/>')
    expect(html).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+\/api\/media\/file\/[^"]+-1200x630\.jpg"\/>/)
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!))
    expect(jsonLd[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: FOUNDING_TITLE,
      image: [expect.stringMatching(/-1200x630\.jpg$/)],
      author: [{ '@type': 'Person', name: '丁宪民' }],
      publisher: { '@type': 'Organization', name: '亮点黔西南' },
    })
  })

  test('front, section (with sub-sections), region (with places in it) and author pages list the story; unknown ones are 404', async () => {
    const province = await provinceSlug()
    for (const pathname of ['/', '/sections/shi-zheng', `/regions/${province}`, '/regions/xing-ren-shi', '/authors/ding-xian-min']) {
      const { status, html } = await page(pathname)
      expect(status, pathname).toBe(200)
      expect(html, pathname).toContain(`<a href="/news/${slug}">${FOUNDING_TITLE}</a>`)
    }
    expect((await page('/sections/shi-zheng')).html).toMatch(
      /<link rel="alternate" type="application\/rss\+xml" href="[^"]+\/feeds\/sections\/shi-zheng\/rss\.xml"/,
    )
    expect((await page('/sections/dang-jian')).html).toContain('暂无稿件')
    for (const pathname of ['/news/no-such-story', '/sections/no-such-section', '/regions/no-such-region', '/authors/no-such-author']) {
      expect((await page(pathname)).status, pathname).toBe(404)
    }
  })

  test('in a browser: the story reads as a Chinese news page (screenshot: tests/artifacts/reader-story.png)', async () => {
    const { browser, close } = await launchBrowser()
    try {
      const tab = await browser.newPage()
      await tab.setViewportSize({ width: 1280, height: 900 })
      await tab.goto(`${app.url}/news/${slug}`)
      await tab.locator('figure.hero img').evaluate((img: HTMLImageElement) => img.decode())
      expect(await tab.locator('h1').textContent()).toBe(FOUNDING_TITLE)
      expect(await tab.locator('.nr-dateline').textContent()).toBe('亮点黔西南讯')
      expect(await tab.locator('.nr-byline').textContent()).toBe('（丁宪民 报道）')
      const hero = await tab
        .locator('figure.hero img')
        .evaluate((img: HTMLImageElement) => ({ loaded: img.complete && img.naturalWidth > 0, src: img.currentSrc }))
      expect(hero.loaded).toBe(true)
      const body = await tab
        .locator('.story-body p')
        .first()
        .evaluate((p) => {
          const style = getComputedStyle(p)
          return { indent: style.textIndent, fontSize: style.fontSize, lineHeight: style.lineHeight, align: style.textAlign }
        })
      // Two characters of first-line indent, justified, a line height near 1.9 em.
      expect(parseFloat(body.indent)).toBeCloseTo(2 * parseFloat(body.fontSize), 0)
      expect(body.align).toBe('justify')
      expect(parseFloat(body.lineHeight) / parseFloat(body.fontSize)).toBeGreaterThan(1.7)
      await screenshot(tab, 'reader-story')
      await tab.setViewportSize({ width: 390, height: 844 })
      await screenshot(tab, 'reader-story-phone')
      await tab.goto(`${app.url}/`)
      await screenshot(tab, 'reader-front-phone')
    } finally {
      await close()
    }
  })
})

describe('the page cache follows the story', () => {
  const action = (name: string, note?: string) => rest('POST', `/articles/${storyId}/workflow`, { action: name, ...(note ? { note } : {}) })

  test('a correction shows at once, an unpublish takes the page down (404), a retraction answers 410', async () => {
    await page(`/news/${slug}`) // cached
    const corrected = await action('correct', '鎖寨村应为锁寨村。')
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)
    await expect.poll(async () => (await page(`/news/${slug}`)).html, { timeout: 10_000 }).toContain('更正')

    expect((await action('unpublish', '待核实')).status).toBe(200)
    await expect.poll(async () => (await page(`/news/${slug}`)).status, { timeout: 10_000 }).toBe(404)
    await expect.poll(async () => (await page('/')).html, { timeout: 10_000 }).not.toContain(`/news/${slug}`)

    expect((await action('retract', '来源不实')).status).toBe(200)
    const gone = await page(`/news/${slug}`)
    expect(gone.status).toBe(410)
    expect(gone.html).toContain('稿件已撤回')
    expect(gone.html).not.toContain(FOUNDING_TITLE)
    // Not through GraphQL either.
    expect(
      (
        await ask<any>(
          gql`
            query ($slug: String!) {
              Story(slug: $slug) {
                title
              }
            }
          `,
          { slug },
        )
      ).Story,
    ).toBeNull()
  })
})
