import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { buildAtom, buildJsonFeed, buildRss, type FeedMeta } from '../../../plugins/distribution/src/feeds/build-feeds'
import { buildNewsSitemap } from '../../../plugins/distribution/src/feeds/news-sitemap'
import { toNinjs } from '../../../plugins/distribution/src/channel-types/webhook/ninjs'
import { toWeChatArticle } from '../../../plugins/distribution/src/channel-types/wechat/wechat-article'
import { feedparser, jsonFeedErrors, newsSitemapErrors, shownText } from '../../support/feed-validators'
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

describe('RSS 2.0', () => {
  it('Universal Feed Parser reads it cleanly (bozo false), newest first, full story included', () => {
    const xml = buildRss(stories, meta)
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = feedparser(xml)
    expect(feed).toMatchObject({ bozo: false, version: 'rss20' })
    expect(shownText(feed.feed.title)).toBe('亮点黔西南')
    expect(feed.feed.link).toBe(`${SITE}/`)
    expect(feed.feed.language).toBe('zh-Hans')
    expect(feed.entries.map((i) => i.link)).toEqual([newer.url, older.url])
    const [item] = feed.entries
    expect(item!.id).toBe(newer.url)
    expect(shownText(item!.title)).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(shownText(item!.summary)).toBe(newer.summary)
    expect(item!.author).toBe('丁宪民')
    expect(item!.tags).toEqual(expect.arrayContaining(['地方新闻', '基层党建']))
    expect(new Date(item!.published!).toISOString()).toBe('2012-11-26T02:30:00.000Z')
    const content = item!.content.map((c) => c.value).join('')
    expect(content).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(content).toContain('<span class="nr-byline">（丁宪民 报道）</span>')
    expect(item!.enclosures).toEqual([newer.heroImage?.url])
    // The library that wrote it reads it back too.
    expect(parseRssFeed(xml).items?.[0]?.guid?.value).toBe(newer.url)
  })

  it('is deterministic for the same stories (so ETags stay stable)', () => {
    expect(buildRss(stories, meta)).toBe(buildRss([...stories].reverse(), meta))
    expect(buildRss(stories, meta)).toContain('<lastBuildDate>Mon, 26 Nov 2012 05:00:00 GMT</lastBuildDate>')
  })
})

describe('text is escaped exactly once', () => {
  const tricky = [
    'A&B 公司合并',
    '1 < 2，但 3 > 2',
    '他说："这是引号" & \'单引号\'',
    '🎉 庆祝 🇨🇳 国庆',
    '“引号”、《书名》——破折号……省略号！（括号）【方头】',
    'AT&amp;T 不是实体',
    '<b>不是加粗</b> & <script>alert(1)</script>',
  ]
  const story = (headline: string) =>
    makePublishedArticle({ headline, summary: `${headline}（摘要）`, credits: [{ name: 'A&B 记者', role: 'reporter' }], tags: ['A&B'] })

  for (const headline of tricky) {
    it(`RSS and Atom give back exactly ${JSON.stringify(headline)}`, () => {
      for (const xml of [buildRss([story(headline)], meta), buildAtom([story(headline)], meta)]) {
        const feed = feedparser(xml)
        expect(feed.bozo).toBe(false)
        const [item] = feed.entries
        expect(shownText(item!.title)).toBe(headline)
        expect(shownText(item!.summary)).toBe(`${headline}（摘要）`)
        expect(item!.author).toBe('A&B 记者')
        expect(item!.tags).toEqual(['地方新闻', 'A&B'])
      }
      const doc = JSON.parse(buildJsonFeed([story(headline)], meta))
      expect(doc.items[0].title).toBe(headline)
      expect(jsonFeedErrors(doc)).toEqual([])
    })
  }

  it('feed titles and descriptions too', () => {
    const named = { ...meta, title: 'A&B “新闻” <网>', description: '1 < 2 & 🎉' }
    for (const xml of [buildRss(stories, named), buildAtom(stories, named)]) {
      const feed = feedparser(xml)
      expect(shownText(feed.feed.title)).toBe('A&B “新闻” <网>')
      expect(shownText(feed.feed.subtitle)).toBe('1 < 2 & 🎉')
    }
  })
})

describe('Atom', () => {
  it('Universal Feed Parser reads it cleanly: xml:lang, id = story URL, updated and published dates', () => {
    const xml = buildAtom(stories, { ...meta, feedUrl: `${SITE}/feeds/atom.xml` })
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = feedparser(xml)
    expect(feed).toMatchObject({ bozo: false, version: 'atom10' })
    expect(feed.feed.title).toMatchObject({ value: '亮点黔西南', type: 'text/plain', language: 'zh-Hans' })
    expect(feed.feed.language).toBe('zh-Hans')
    expect(feed.feed.links).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/feeds/atom.xml`]))
    const [item] = feed.entries
    expect(item!.id).toBe(newer.url)
    expect(item!.title).toMatchObject({ value: '兴仁县“三抓三强”加快后进党组织转化', type: 'text/plain', language: 'zh-Hans' })
    expect(new Date(item!.updated!).toISOString()).toBe('2012-11-26T05:00:00.000Z')
    expect(new Date(item!.published!).toISOString()).toBe('2012-11-26T02:30:00.000Z')
    expect(item!.content[0]).toMatchObject({ type: 'text/html' })
    expect(item!.content[0]!.value).toContain('亮点黔西南讯')
    expect(item!.author).toBe('丁宪民')

    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml)
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.feed['@_xml:lang']).toBe('zh-Hans')
    expect(doc.feed.id).toBe(`${SITE}/feeds/atom.xml`)
    expect(doc.feed.updated).toBe('2012-11-26T05:00:00.000Z')
    expect(parseAtomFeed(xml).entries?.[0]?.id).toBe(newer.url)
  })

  it('a zh-Hant feed has its title, description, stories and xml:lang in that script', () => {
    const xml = buildAtom([newer], {
      ...meta,
      title: '亮点黔西南 · 地方新闻',
      description: '黔西南州最新稿件',
      language: 'zh-Hant-TW',
      script: 'zh-Hant-TW',
    })
    const feed = feedparser(xml)
    expect(feed.feed.title?.value).toBe('亮點黔西南 · 地方新聞')
    expect(feed.feed.subtitle?.value).toBe('黔西南州最新稿件')
    expect(feed.feed.language).toBe('zh-Hant-TW')
    expect(feed.entries[0]!.title?.value).toContain('興仁縣')
    const rss = feedparser(
      buildRss([newer], { ...meta, title: '亮点黔西南', description: '黔西南州新闻', language: 'zh-Hant-TW', script: 'zh-Hant-TW' }),
    )
    expect(shownText(rss.feed.title)).toBe('亮點黔西南')
    expect(shownText(rss.feed.subtitle)).toBe('黔西南州新聞')
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
    // Valid against the JSON Feed schema (SchemaStore), and a JSON Feed parser reads it back.
    expect(jsonFeedErrors(doc)).toEqual([])
    expect(jsonFeedErrors({ ...doc, items: [{ title: 'no id' }] })).not.toEqual([])
    expect(parseJsonFeed(json).items?.[0]?.id).toBe(newer.url)
  })

  it('converts the feed to a channel script', () => {
    const doc = JSON.parse(buildJsonFeed([newer], { ...meta, title: '亮点黔西南', description: '黔西南州新闻', script: 'zh-Hant-TW' }))
    expect(doc.title).toBe('亮點黔西南')
    expect(doc.description).toBe('黔西南州新聞')
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

  it('RSS and Atom stay well-formed and carry no live markup in titles or content', () => {
    for (const [format, xml] of [
      ['rss', buildRss([attack], meta)],
      ['atom', buildAtom([attack], meta)],
    ] as const) {
      expect(XMLValidator.validate(xml)).toBe(true)
      const feed = feedparser(xml)
      expect(feed.bozo).toBe(false)
      const [item] = feed.entries
      // The headline reads back as written: shown as characters, never run.
      expect(shownText(item!.title)).toBe(attack.headline)
      if (item!.title!.type === 'text/html') expect(item!.title!.value).not.toMatch(DANGER)
      const content = item!.content.map((c) => c.value).join('')
      expect(content).not.toMatch(DANGER)
      expect(content).toContain('正文')
      // Names and labels are plain text; tag-like input is dropped.
      expect(item!.tags).toEqual(expect.arrayContaining(['标签']))
      expect(item!.author ?? '').not.toMatch(/</)
      if (format === 'rss') expect(xml).not.toMatch(/<title><!\[CDATA\[<script/)
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
    expect(newsSitemapErrors(sitemap)).toBe('')
    expect(sitemap).not.toMatch(DANGER)
    expect(sitemap).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')

    const wechat = toWeChatArticle(attack)
    expect(wechat.content).not.toMatch(DANGER)
    expect(wechat.title).not.toMatch(/</)
  })
})
