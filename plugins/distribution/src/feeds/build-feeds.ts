/**
 * RSS 2.0 and Atom (the `feed` package) and JSON Feed 1.1 (`feedsmith`; `feed` only writes 1.0) for a list
 * of published stories.
 *
 * Feeds are read by software we do not control, so input is treated as hostile even though the story HTML
 * was sanitised at publish time: HTML is sanitised again, plain-text fields (headline, summary) are escaped
 * where a format carries HTML, characters XML forbids are removed, and JSON escapes `<`, `>` and `&` so the
 * document is also safe to inline.
 */
import { Feed, type Item } from 'feed'
import { generateJsonFeed } from 'feedsmith'
import { convertArticle } from '../formatters/convert'
import { escapeHtml, safeJsonStringify, safeStoryHtml, xmlSafe } from '../formatters/safe-html'
import type { OutputScript, PublishedArticle } from '../types'

export interface FeedMeta {
  title: string
  description: string
  /** The website home page. */
  siteUrl: string
  /** This feed's own URL (rel=self, Atom id). */
  feedUrl: string
  /** BCP 47, e.g. zh-Hans. */
  language: string
  /** @default the newest updatedAt of the stories (so the same stories give the same bytes) */
  updated?: Date | string
  copyright?: string
  /** Convert stories to this script for the feed. */
  script?: OutputScript
}

/** Plain text for an HTML-typed field (RSS title/description, Atom type="html"). */
function textAsHtml(text: string): string {
  return escapeHtml(xmlSafe(text))
}

/** Names and labels are plain text: tag-like input is dropped rather than shown to naive readers as markup. */
function plainLabel(text: string): string {
  return xmlSafe(text).replace(/<\/?[a-zA-Z!][^>]*>/g, '').trim()
}

/** Category labels also land in XML attributes the `feed` package escapes only partly: no < or >. */
function categoryName(name: string): string {
  return plainLabel(name).replace(/[<>]/g, '').trim()
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** Newest first; stories without a usable web URL cannot be a feed item (their id is the URL). */
function prepare(articles: readonly PublishedArticle[], meta: FeedMeta): PublishedArticle[] {
  return articles
    .filter((a) => isWebUrl(a.url))
    .map((a) => convertArticle(a, meta.script))
    .sort((a, b) => Date.parse(b.firstPublishedAt) - Date.parse(a.firstPublishedAt))
}

function toDate(value: string | Date): Date {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? new Date(0) : date
}

/** The feed's updated time: given, or the newest story update (deterministic, unlike "now"). */
export function feedUpdated(articles: readonly PublishedArticle[], updated?: Date | string): Date {
  if (updated) return toDate(updated)
  let newest = 0
  for (const a of articles) newest = Math.max(newest, toDate(a.updatedAt).getTime())
  return new Date(newest)
}

function authorNames(article: PublishedArticle): string[] {
  return [...new Set(article.credits.filter((c) => c.role !== 'editor').map((c) => plainLabel(c.name)).filter(Boolean))]
}

function categoriesOf(article: PublishedArticle): string[] {
  const names = [article.section?.name, ...article.tags].filter((n): n is string => !!n).map(categoryName).filter(Boolean)
  return [...new Set(names)]
}

function baseFeed(meta: FeedMeta, articles: PublishedArticle[], links: { rss?: string; atom?: string }): Feed {
  return new Feed({
    id: meta.feedUrl,
    title: xmlSafe(meta.title),
    description: xmlSafe(meta.description),
    link: meta.siteUrl,
    language: meta.language,
    updated: feedUpdated(articles, meta.updated),
    generator: 'Newsroom',
    feedLinks: links,
    // Atom requires an author on the feed when an entry has none.
    author: { name: xmlSafe(meta.title) },
    ...(meta.copyright ? { copyright: xmlSafe(meta.copyright) } : {}),
  })
}

function baseItem(article: PublishedArticle): Item {
  return {
    // Titles are plain text carried as HTML in both formats: escaped, a headline can never become markup.
    title: textAsHtml(article.headline),
    id: article.url,
    guid: article.url,
    link: article.url,
    date: toDate(article.updatedAt),
    published: toDate(article.firstPublishedAt),
    description: textAsHtml(article.summary),
    content: safeStoryHtml(article.html),
    category: categoriesOf(article).map((name) => ({ name, term: name })),
  }
}

/** RSS 2.0 with content:encoded (full story) and dc:creator (RSS's own author element wants an e-mail). */
export function buildRss(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const stories = prepare(articles, meta)
  const feed = baseFeed(meta, stories, { rss: meta.feedUrl })
  for (const article of stories) {
    const item = baseItem(article)
    const names = authorNames(article)
    if (names.length) item.extensions = [{ name: 'dc:creator', objects: { _text: names.join('、') } }]
    const hero = article.heroImage
    if (hero && isWebUrl(hero.url) && hero.mimeType) item.enclosure = { url: hero.url, type: hero.mimeType, length: 0 }
    feed.addItem(item)
  }
  return feed.rss2()
}

/** Atom (RFC 4287): id = story URL, updated = last update, published = first publication. */
export function buildAtom(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const stories = prepare(articles, meta)
  const feed = baseFeed(meta, stories, { atom: meta.feedUrl })
  for (const article of stories) {
    const item = baseItem(article)
    const names = authorNames(article)
    if (names.length) item.author = names.map((name) => ({ name }))
    feed.addItem(item)
  }
  return feed.atom1()
}

/** JSON Feed 1.1 (version https://jsonfeed.org/version/1.1): title and summary are plain text there. */
export function buildJsonFeed(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const stories = prepare(articles, meta)
  const document = generateJsonFeed({
    title: meta.title,
    home_page_url: meta.siteUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: meta.language,
    items: stories.map((article) => {
      const names = authorNames(article)
      const tags = categoriesOf(article)
      return {
        id: article.url,
        url: article.url,
        title: article.headline,
        content_html: safeStoryHtml(article.html),
        summary: article.summary,
        date_published: toDate(article.firstPublishedAt),
        date_modified: toDate(article.updatedAt),
        language: article.language,
        ...(article.heroImage && isWebUrl(article.heroImage.url) ? { image: article.heroImage.url } : {}),
        ...(names.length ? { authors: names.map((name) => ({ name })) } : {}),
        ...(tags.length ? { tags } : {}),
      }
    }),
  })
  return safeJsonStringify(document, 2)
}
