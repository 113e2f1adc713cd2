import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildNewsSitemap, newsSitemapLanguage } from '../../../plugins/distribution/src/feeds/news-sitemap'
import { makePublishedArticle, SITE } from '../../support/published-article'

const now = new Date('2024-06-10T12:00:00.000Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString()
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml)

describe('buildNewsSitemap', () => {
  it('lists only stories first published in the last two days, newest first', () => {
    const articles = [
      makePublishedArticle({ slug: 'a-1h', url: `${SITE}/news/a-1h`, firstPublishedAt: hoursAgo(1) }),
      makePublishedArticle({ slug: 'b-47h', url: `${SITE}/news/b-47h`, firstPublishedAt: hoursAgo(47) }),
      makePublishedArticle({ slug: 'c-49h', url: `${SITE}/news/c-49h`, firstPublishedAt: hoursAgo(49) }),
      makePublishedArticle({ slug: 'd-10h', url: `${SITE}/news/d-10h`, firstPublishedAt: hoursAgo(10), updatedAt: now.toISOString() }),
      makePublishedArticle({ slug: 'e-future', url: `${SITE}/news/e-future`, firstPublishedAt: hoursAgo(-2) }),
    ]
    const xml = buildNewsSitemap(articles, { publicationName: '亮点黔西南', language: 'zh-Hans', now })
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parse(xml)
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const urls = doc.urlset.url
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual([`${SITE}/news/a-1h`, `${SITE}/news/d-10h`, `${SITE}/news/b-47h`])
    const [first] = urls
    expect(first['news:news']['news:publication']).toEqual({ 'news:name': '亮点黔西南', 'news:language': 'zh-cn' })
    expect(first['news:news']['news:publication_date']).toBe(hoursAgo(1))
    expect(first['news:news']['news:title']).toBe('兴仁县“三抓三强”加快后进党组织转化')
  })

  it('caps the sitemap at 1,000 URLs, keeping the newest', () => {
    const articles = Array.from({ length: 1200 }, (_, i) =>
      makePublishedArticle({
        slug: `s-${i}`,
        url: `${SITE}/news/s-${i}`,
        firstPublishedAt: new Date(now.getTime() - i * 60_000).toISOString(),
      }),
    )
    const urls = parse(buildNewsSitemap(articles, { publicationName: '亮点黔西南', language: 'zh-Hans', now })).urlset.url
    expect(urls).toHaveLength(1000)
    expect(urls[0].loc).toBe(`${SITE}/news/s-0`)
    expect(urls[999].loc).toBe(`${SITE}/news/s-999`)
  })

  it('escapes URLs, titles and the publication name', () => {
    const article = makePublishedArticle({
      url: `${SITE}/news/a?x=1&y=<2>`,
      headline: '“三抓三强” & <公告>',
      firstPublishedAt: hoursAgo(1),
    })
    const xml = buildNewsSitemap([article], { publicationName: 'A & B <报>', language: 'zh-Hant-TW', now })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<loc>https://news.example.cn/news/a?x=1&amp;y=&lt;2&gt;</loc>')
    const [url] = parse(xml).urlset.url
    expect(url['news:news']['news:title']).toBe('“三抓三强” & <公告>')
    expect(url['news:news']['news:publication']['news:language']).toBe('zh-tw')
  })

  it('produces an empty but valid urlset when nothing is recent', () => {
    const xml = buildNewsSitemap([makePublishedArticle({ firstPublishedAt: hoursAgo(100) })], {
      publicationName: 'X',
      language: 'en-US',
      now,
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toContain('<url>')
  })
})

describe('newsSitemapLanguage', () => {
  it('maps BCP 47 to the codes Google News expects', () => {
    expect(newsSitemapLanguage('zh-Hans')).toBe('zh-cn')
    expect(newsSitemapLanguage('zh-Hans-CN')).toBe('zh-cn')
    expect(newsSitemapLanguage('zh-Hant-HK')).toBe('zh-tw')
    expect(newsSitemapLanguage('en-US')).toBe('en')
    expect(newsSitemapLanguage('en')).toBe('en')
  })
})
