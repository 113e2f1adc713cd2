/**
 * The public feeds as a feed reader and Google News see them: RSS, Atom and JSON Feed of published stories
 * only, newest first, in house style; per section and per region (places beneath included); a feed channel in
 * traditional script; ETag / Last-Modified / 304; cached bodies that a publication event refreshes; withdrawn
 * stories gone at once; the news sitemap.
 */
import { XMLParser } from 'fast-xml-parser'
import { feedparser, jsonFeedErrors, newsSitemapErrors, shownText } from '../support/feed-validators'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})

import { rest } from '../support/http'
import {
  act,
  bootDistributionDesk,
  closeDistributionDesk,
  createChannel,
  publishStory,
  writeStory,
  type DistributionDesk,
} from '../support/distribution-desk'

let d: DistributionDesk
const ids: Record<string, unknown> = {}

type Route = { path: string; handler: (req: Request) => Promise<Response> }

/** What the Express host does: find the public route by its pattern and hand it a web Request. */
async function get(path: string, headers: Record<string, string> = {}) {
  const routes = d.payload.config.custom.publicRoutes as Route[]
  const pattern = (p: string) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/:[a-z]+/g, '[^/]+')}$`)
  const route = routes.find((r) => pattern(r.path).test(path))
  if (!route) return { status: 404, headers: new Headers(), body: '' }
  const res = await route.handler(new Request(`http://localhost${path}`, { headers }))
  return { status: res.status, headers: res.headers, body: await res.text() }
}

/** Entry titles as Universal Feed Parser reads them; a feed it finds malformed (bozo) fails the test. */
const titles = async (xml: string) => {
  const feed = feedparser(xml)
  expect(feed.bozo_exception).toBeNull()
  return feed.entries.map((entry) => shownText(entry.title))
}

beforeAll(async () => {
  d = await bootDistributionDesk()
  ids.county = await publishStory(d, { title: '兴仁县乡村学校开学', section: d.sections.county.id, region: d.regions.xingren.id })
  await new Promise((resolve) => setTimeout(resolve, 20))
  ids.sport = await publishStory(d, { title: '贵阳市举办乡村篮球赛', section: d.sections.sport.id, region: d.regions.guiyang.id })
  ids.draft = await writeStory(d, { title: '尚未发布的草稿' })
})
afterAll(async () => {
  await closeDistributionDesk(d)
})

describe('site feeds', () => {
  test('RSS 2.0 lists published stories only, newest first, with the house-style body', async () => {
    const res = await get('/feeds/rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    expect(await titles(res.body)).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
    expect(res.body).not.toContain('尚未发布的草稿')
    const county = feedparser(res.body).entries[1]!
    expect(county.link).toMatch(/\/news\/[a-z0-9-]+$/)
    expect(county.content[0]!.value).toContain('<span class="nr-dateline">亮点黔西南兴仁讯</span>')
    expect(county.content[0]!.value).toMatch(/<span class="nr-byline">（reporter-[a-z0-9]+ 报道）<\/span>/)
  })

  test('Atom and JSON Feed 1.1 carry the same stories', async () => {
    expect(await titles((await get('/feeds/atom.xml')).body)).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
    const json = JSON.parse((await get('/feeds/feed.json')).body)
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(jsonFeedErrors(json)).toEqual([])
    expect(json.items.map((i: any) => i.title)).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
  })

  test('per section and per region, places and sections beneath included; an unknown slug is 404', async () => {
    expect(await titles((await get('/feeds/sections/xianyu/rss.xml')).body)).toEqual(['兴仁县乡村学校开学'])
    expect(await titles((await get('/feeds/sections/xinwen/rss.xml')).body)).toEqual(['兴仁县乡村学校开学'])
    expect(await titles((await get('/feeds/sections/tiyu/atom.xml')).body)).toEqual(['贵阳市举办乡村篮球赛'])
    expect(await titles((await get('/feeds/regions/qianxinan/rss.xml')).body)).toEqual(['兴仁县乡村学校开学'])
    expect(await titles((await get('/feeds/regions/guizhou/rss.xml')).body)).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
    expect(JSON.parse((await get('/feeds/regions/guiyang/feed.json')).body).items).toHaveLength(1)
    expect((await get('/feeds/sections/no-such-section/rss.xml')).status).toBe(404)
  })

  test('also served by Payload under /api/feeds/…', async () => {
    const res = await rest('GET', '/feeds/rss.xml')
    expect(res.status).toBe(200)
    expect(await titles(res.body as string)).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
  })

  test('ETag and Last-Modified: a reader with the current copy gets 304 and no body', async () => {
    const first = await get('/feeds/rss.xml')
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0)
    const again = await get('/feeds/rss.xml', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
    expect((await get('/feeds/rss.xml', { 'if-modified-since': lastModified })).status).toBe(304)
  })

  test('bodies are cached: repeated requests run no story query', async () => {
    await get('/feeds/atom.xml')
    const find = vi.spyOn(d.payload, 'find')
    for (let i = 0; i < 5; i++) expect((await get('/feeds/atom.xml')).status).toBe(200)
    expect(find).not.toHaveBeenCalled()
    find.mockRestore()
  })

  test('a feed channel serves its own filtered feed in its script', async () => {
    const channel = await createChannel(d, { name: '台湾版订阅', type: 'feed', script: 'zh-Hant-TW', regions: [d.regions.qxn.id] })
    const res = await get(`/feeds/channels/${channel.id}/rss.xml`)
    expect(res.status).toBe(200)
    expect(await titles(res.body)).toEqual(['興仁縣鄉村學校開學'])
    expect(res.body).toContain('亮點黔西南興仁訊')
    // The feed's own title and language are in the channel's script too.
    const atom = feedparser((await get(`/feeds/channels/${channel.id}/atom.xml`)).body)
    expect(atom.feed.title?.value).toMatch(/^亮點黔西南 · .*版訂閱$/)
    expect(atom.feed.language).toBe('zh-Hant-TW')
  })

  test('the Google News sitemap lists the last two days of published stories', async () => {
    const res = await get('/sitemaps/news.xml')
    expect(res.status).toBe(200)
    // Valid against the sitemap 0.9 and Google News XSDs.
    expect(newsSitemapErrors(res.body)).toBe('')
    const xml = new XMLParser().parse(res.body)
    const urls = [xml.urlset.url].flat()
    expect(urls.map((u: any) => u['news:news']['news:title'])).toEqual(['贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
    expect(urls[0]['news:news']['news:publication']['news:language']).toBe('zh-cn')
  })
})

describe('withdrawn and changed stories', () => {
  test('publishing, unpublishing and retracting refresh the cached feeds at once', async () => {
    expect(await titles((await get('/feeds/rss.xml')).body)).toHaveLength(2)
    const fresh = await publishStory(d, { title: '兴仁县新修乡村公路' })
    expect(await titles((await get('/feeds/rss.xml')).body)).toEqual(['兴仁县新修乡村公路', '贵阳市举办乡村篮球赛', '兴仁县乡村学校开学'])
    await act(d, ids.county as never, 'unpublish')
    await act(d, ids.sport as never, 'retract', '比赛信息有误')
    const rss = (await get('/feeds/rss.xml')).body
    expect(await titles(rss)).toEqual(['兴仁县新修乡村公路'])
    expect(await titles((await get('/feeds/sections/tiyu/rss.xml')).body)).toEqual([])
    expect((await get('/sitemaps/news.xml')).body).not.toContain('贵阳市举办乡村篮球赛')
    await act(d, fresh, 'correct', '公路长度应为十二公里。')
    expect((await get('/feeds/rss.xml')).body).toContain('公路长度应为十二公里')
  })

  test('a change saved by another process is picked up within a second (one small check, not a rebuild per request)', async () => {
    await get('/feeds/feed.json')
    const [story] = (await d.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 }))
      .docs as any[]
    // Straight to the database: no hook in this process sees it, as with a save made by another server.
    await d.payload.db.updateOne({
      collection: 'articles',
      id: story.id,
      data: { title: '另一台服务器改的标题', updatedAt: new Date().toISOString() },
    })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(JSON.parse((await get('/feeds/feed.json')).body).items.map((i: any) => i.title)).toContain('另一台服务器改的标题')
  })
})
