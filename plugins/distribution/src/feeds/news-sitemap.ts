/**
 * Google News sitemap: <urlset> with the news: extension, listing only stories first published in the
 * last two days (Google ignores older ones), at most 1,000 URLs per sitemap, newest first.
 */
import type { PublishedArticle } from '../types'
import { xmlSafe } from '../formatters/safe-html'

export const NEWS_SITEMAP_MAX_URLS = 1000
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000

export interface NewsSitemapOptions {
  /** The publication name exactly as Google News knows it, e.g. 亮点黔西南. */
  publicationName: string
  /** The publication's language; BCP 47 tags are mapped to Google's codes (zh-Hans → zh-cn). */
  language: string
  now: Date
}

/** Google wants ISO 639 codes, except zh-cn (simplified) and zh-tw (traditional). */
export function newsSitemapLanguage(language: string): string {
  const tag = language.trim().toLowerCase().replace(/_/g, '-')
  if (tag === 'zh' || tag.startsWith('zh-hans') || tag === 'zh-cn' || tag === 'zh-sg') return 'zh-cn'
  if (tag.startsWith('zh-hant') || tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo') return 'zh-tw'
  return tag.split('-')[0] || tag
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** The stories a news sitemap lists at `now`: last two days, newest first, at most 1,000. */
export function selectNewsSitemapArticles(articles: readonly PublishedArticle[], now: Date): PublishedArticle[] {
  const end = now.getTime()
  const start = end - NEWS_SITEMAP_WINDOW_MS
  return articles
    .map((article) => ({ article, at: Date.parse(article.firstPublishedAt) }))
    .filter(({ article, at }) => !Number.isNaN(at) && at >= start && at <= end && /^https?:\/\//i.test(article.url))
    .sort((a, b) => b.at - a.at)
    .slice(0, NEWS_SITEMAP_MAX_URLS)
    .map(({ article }) => article)
}

export function buildNewsSitemap(articles: readonly PublishedArticle[], options: NewsSitemapOptions): string {
  const name = escapeXml(options.publicationName)
  const language = escapeXml(newsSitemapLanguage(options.language))
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
  ]
  for (const article of selectNewsSitemapArticles(articles, options.now)) {
    lines.push(
      '  <url>',
      `    <loc>${escapeXml(article.url)}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${name}</news:name>`,
      `        <news:language>${language}</news:language>`,
      '      </news:publication>',
      `      <news:publication_date>${new Date(article.firstPublishedAt).toISOString()}</news:publication_date>`,
      `      <news:title>${escapeXml(article.headline)}</news:title>`,
      '    </news:news>',
      '  </url>',
    )
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}
