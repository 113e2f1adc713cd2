/**
 * The reader site as a reader (and a crawler) meets it, on the built server with the demo desk: the founding
 * story's page, the front page, and what crawlers read from them (canonical, feeds, OpenGraph, NewsArticle).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startApp, type RunningApp } from '../support/server'

const FOUNDING_TITLE = '兴仁县“三抓三强”加快后进党组织转化'

let app: RunningApp
let slug: string
beforeAll(async () => {
  app = await startApp()
  const res = await fetch(`${app.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ Articles(limit: 1) { docs { slug } } }' }),
  })
  slug = (await res.json()).data.Articles.docs[0].slug
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!))

describe('story page /news/<slug>', () => {
  test('answers 200 with the headline, the dateline and the byline as house style renders them', async () => {
    const res = await fetch(`${app.url}/news/${slug}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain(`<h1>${FOUNDING_TITLE}</h1>`)
    expect(html).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(html).toContain('<span class="nr-byline">（丁宪民 报道）</span>')
    expect(html).toContain('<html lang="zh-Hans">')
  })

  test('tells crawlers what it is: canonical URL, feeds, OpenGraph and schema.org NewsArticle', async () => {
    const html = await (await fetch(`${app.url}/news/${slug}`)).text()
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/news/${slug}"`))
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml" href="[^"]*\/feeds\/rss\.xml"/)
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="[^"]*\/feeds\/atom\.xml"/)
    expect(html).toMatch(/<link rel="alternate" type="application\/feed\+json" href="[^"]*\/feeds\/feed\.json"/)
    expect(html).toContain(`<meta property="og:title" content="${FOUNDING_TITLE}"/>`)
    expect(html).toContain('<meta property="og:type" content="article"/>')
    const [article] = jsonLdOf(html)
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: FOUNDING_TITLE,
      author: [{ '@type': 'Person', name: '丁宪民' }],
      publisher: { '@type': 'Organization', name: '亮点黔西南' },
    })
    expect(Number.isNaN(Date.parse(article.datePublished))).toBe(false)
  })

  test('an unknown slug answers 404', async () => {
    const res = await fetch(`${app.url}/news/no-such-story`)
    expect(res.status).toBe(404)
  })
})

describe('front page /', () => {
  test('lists the latest published stories with links to their pages', async () => {
    const res = await fetch(`${app.url}/`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<a href="/news/${slug}">${FOUNDING_TITLE}</a>`)
  })
})
