import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseJsonFeed } from 'feedsmith'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { buildAtom, buildJsonFeed, buildRss, type FeedMeta } from '../../../plugins/distribution/src/feeds/build-feeds'
import { buildNewsSitemap } from '../../../plugins/distribution/src/feeds/news-sitemap'
import { toNinjs } from '../../../plugins/distribution/src/formatters/ninjs'
import { toWeChatArticle } from '../../../plugins/distribution/src/formatters/wechat-article'
import { makePublishedArticle, SITE } from '../../support/published-article'

const meta: FeedMeta = {
  title: '亮点黔西南',
  description: '黔西南州新闻',
  siteUrl: `${SITE}/`,
  feedUrl: `${SITE}/feeds/rss.xml`,
  language: 'zh-Hans',
}

const older = makePublishedArticle({
  headline: '兴义市万峰林景区游客量创新高',
  firstPublishedAt: '2012-11-25T08:00:00.000Z',
  updatedAt: '2012-11-25T09:00:00.000Z',
})
const newer = makePublishedArticle({ updatedAt: '2012-11-26T05:00:00.000Z' })
const stories = [older, newer]

const parser = new Parser({ customFields: { item: ['updated', 'published', 'id'] } })

/** A parsed item field by name (rss-parser keeps namespaced elements such as content:encoded as keys). */
const field = (item: object, name: string): string => {
  const value = (item as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : ''
}

describe('RSS 2.0', () => {
  it('parses cleanly with a real feed parser, newest first, full story included', async () => {
    const xml = buildRss(stories, meta)
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('亮点黔西南')
    expect(feed.link).toBe(`${SITE}/`)
    expect(feed.items.map((i) => i.link)).toEqual([newer.url, older.url])
    const [item] = feed.items
    expect(item.guid).toBe(newer.url)
    expect(item.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(item.creator).toBe('丁宪民')
    expect(item.categories).toEqual(expect.arrayContaining(['地方新闻', '基层党建']))
    expect(item.isoDate).toBe('2012-11-26T02:30:00.000Z')
    expect(field(item, 'content:encoded')).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(field(item, 'content:encoded')).toContain('<span class="nr-byline">（丁宪民 报道）</span>')
    expect(field(item, 'content:encodedSnippet')).toMatch(/^亮点黔西南讯 按照/)
    expect(item.enclosure?.url).toBe(newer.heroImage?.url)
  })

  it('is deterministic for the same stories (so ETags stay stable)', () => {
    expect(buildRss(stories, meta)).toBe(buildRss([...stories].reverse(), meta))
    expect(buildRss(stories, meta)).toContain('<lastBuildDate>Mon, 26 Nov 2012 05:00:00 GMT</lastBuildDate>')
  })
})

describe('Atom', () => {
  it('parses cleanly: id = story URL, updated and published dates', async () => {
    const xml = buildAtom(stories, { ...meta, feedUrl: `${SITE}/feeds/atom.xml` })
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('亮点黔西南')
    const [item] = feed.items
    expect(item.id).toBe(newer.url)
    expect(item.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(item.updated).toBe('2012-11-26T05:00:00.000Z')
    expect(item.published).toBe('2012-11-26T02:30:00.000Z')
    expect(item.content).toContain('亮点黔西南讯')
    expect(field(item, 'author')).toBe('丁宪民')

    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml)
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.feed.id).toBe(`${SITE}/feeds/atom.xml`)
    expect(doc.feed.updated).toBe('2012-11-26T05:00:00.000Z')
  })
})

describe('JSON Feed', () => {
  it('is JSON Feed 1.1 with the story in content_html', () => {
    const json = buildJsonFeed(stories, { ...meta, feedUrl: `${SITE}/feeds/feed.json` })
    const doc = JSON.parse(json)
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.title).toBe('亮点黔西南')
    expect(doc.feed_url).toBe(`${SITE}/feeds/feed.json`)
    expect(doc.language).toBe('zh-Hans')
    expect(doc.items).toHaveLength(2)
    const [item] = doc.items
    expect(item).toMatchObject({
      id: newer.url,
      url: newer.url,
      title: '兴仁县“三抓三强”加快后进党组织转化',
      summary: newer.summary,
      date_published: '2012-11-26T02:30:00.000Z',
      date_modified: '2012-11-26T05:00:00.000Z',
      authors: [{ name: '丁宪民' }],
      image: newer.heroImage?.url,
    })
    expect(item.tags).toEqual(['地方新闻', '基层党建', '兴仁'])
    expect(item.content_html).toContain('<span class="nr-byline">（丁宪民 报道）</span>')
    // A JSON Feed parser reads it back.
    expect(parseJsonFeed(json).items?.[0]?.id).toBe(newer.url)
  })

  it('converts the feed to a channel script', () => {
    const doc = JSON.parse(buildJsonFeed([newer], { ...meta, script: 'zh-Hant-TW' }))
    expect(doc.items[0].title).toContain('興仁縣')
    expect(doc.items[0].language).toBe('zh-Hant-TW')
    expect(doc.items[0].url).toBe(newer.url)
  })
})

describe('hostile input never reaches an output unescaped', () => {
  const attack = makePublishedArticle({
    headline: '<script>alert(1)</script><img src=x onerror=alert(2)>标题 & “引号”',
    summary: '<img src=x onerror=alert(3)>摘要',
    html: '<p><span class="nr-dateline">亮点黔西南讯</span> 正文<script>alert(4)</script><img src="x" onerror="alert(5)"><a href="javascript:alert(6)">链接</a></p><iframe src="https://evil.example"></iframe>\u0000\u001b]]><![CDATA[',
    tags: ['<b>标签</b>', 'a"b'],
    credits: [{ name: '<script>丁</script>', role: 'reporter' }],
    firstPublishedAt: new Date(Date.now() - 3600_000).toISOString(),
  })
  /** Live markup: a script/iframe element, an event-handler attribute, a javascript: link. */
  const DANGER = /<(script|iframe|style)\b|<[a-z][^>]*\son[a-z]+\s*=|<[a-z][^>]*=\s*["']?\s*javascript:/i

  it('RSS and Atom stay well-formed and carry no live markup in titles or content', async () => {
    for (const [format, xml] of [['rss', buildRss([attack], meta)], ['atom', buildAtom([attack], meta)]] as const) {
      expect(XMLValidator.validate(xml)).toBe(true)
      const feed = await parser.parseString(xml)
      const [item] = feed.items
      // Titles are escaped text: a reader decoding them shows the characters, never runs them.
      expect(item.title).not.toMatch(/</)
      expect(item.title).toContain('&lt;script&gt;')
      const content = field(item, 'content:encoded') || field(item, 'content')
      expect(content).not.toMatch(DANGER)
      expect(content).toContain('正文')
      // Names and labels are plain text; tag-like input is dropped.
      if (format === 'rss') expect(item.categories).toEqual(expect.arrayContaining(['标签']))
      else expect(xml).toContain('term="标签"')
      expect(field(item, 'creator') + field(item, 'author')).not.toMatch(/</)
    }
  })

  it('JSON Feed, NINJS webhook body and sitemap escape it too', () => {
    const json = buildJsonFeed([attack], meta)
    expect(json).not.toMatch(/<|>/)
    const doc = JSON.parse(json)
    expect(doc.items[0].title).toBe(attack.headline) // plain text, preserved as text
    expect(doc.items[0].content_html).not.toMatch(DANGER)

    const ninjs = toNinjs(attack, 'published')
    expect(ninjs.bodies?.map((b) => b.value).join('')).not.toMatch(DANGER)

    const sitemap = buildNewsSitemap([attack], { publicationName: '亮点<黔西南>', language: 'zh-Hans', now: new Date() })
    expect(XMLValidator.validate(sitemap)).toBe(true)
    expect(sitemap).not.toMatch(DANGER)
    expect(sitemap).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    const wechat = toWeChatArticle(attack)
    expect(wechat.content).not.toMatch(DANGER)
    expect(wechat.title).not.toMatch(/</)
  })
})
