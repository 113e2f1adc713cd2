/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for a list of published stories, all three written by one library
 * (feedsmith), which also parses them back in the tests.
 *
 * Text is escaped exactly once, by the XML writer, so a reader gets back what the desk wrote: `A&B` stays
 * `A&B`, and so do `<`, `"`, emoji and CJK punctuation. Atom says what each text is (title and summary
 * type="text", content type="html") and which language the feed is in (xml:lang). RSS cannot say whether a
 * title is text or HTML, and readers guess; a title that would pass for markup (a tag, an entity) is sent
 * HTML-escaped so that it is shown as written rather than run. Story HTML is sanitised again (it goes to
 * software we do not control), characters XML forbids are removed, and JSON escapes `<`, `>` and `&`.
 * Feed titles and descriptions are in the feed's script, like its stories.
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith'

import { convertScript } from '../../../house-style'
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
  /** Convert stories, title and description to this script for the feed. */
  script?: OutputScript
}

/** What a reader that guesses (RSS titles) would take for markup: a tag, or an entity reference. */
const LOOKS_LIKE_MARKUP = /<[a-zA-Z/!?]|&#?\w+;/

/** A plain-text field of RSS (title): as is, unless a reader would mistake it for HTML. */
function rssText(text: string): string {
  const safe = xmlSafe(text)
  return LOOKS_LIKE_MARKUP.test(safe) ? escapeHtml(safe) : safe
}

/** Names and labels are plain text: tag-like input is dropped rather than shown to naive readers as markup. */
function plainLabel(text: string): string {
  return xmlSafe(text)
    .replace(/<\/?[a-zA-Z!][^>]*>/g, '')
    .trim()
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** The feed in its script: stories, title and description converted once. */
interface PreparedFeed {
  stories: PublishedArticle[]
  title: string
  description: string
  updated: Date
}

/** Newest first; stories without a usable web URL cannot be a feed item (their id is the URL). */
function prepare(articles: readonly PublishedArticle[], meta: FeedMeta): PreparedFeed {
  const stories = articles
    .filter((a) => isWebUrl(a.url))
    .map((a) => convertArticle(a, meta.script))
    .sort((a, b) => Date.parse(b.firstPublishedAt) - Date.parse(a.firstPublishedAt))
  const script = meta.script && meta.script !== 'zh-Hans' ? meta.script : null
  const inScript = (text: string) => xmlSafe(script ? convertScript(text, script) : text)
  return { stories, title: inScript(meta.title), description: inScript(meta.description), updated: feedUpdated(stories, meta.updated) }
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
  return [
    ...new Set(
      article.credits
        .filter((c) => c.role !== 'editor')
        .map((c) => plainLabel(c.name))
        .filter(Boolean),
    ),
  ]
}

function categoriesOf(article: PublishedArticle): string[] {
  const names = [article.section?.name, ...article.tags]
    .filter((n): n is string => !!n)
    .map(plainLabel)
    .filter(Boolean)
  return [...new Set(names)]
}

/** XML text nodes as written: the generator indents around CDATA sections, which a reader would keep as text. */
function tightCdata(xml: string): string {
  return xml.replace(/>\s+<!\[CDATA\[/g, '><![CDATA[').replace(/\]\]>\s+</g, ']]><')
}

/** RSS 2.0 with content:encoded (full story), dc:creator (RSS's own author wants an e-mail) and atom:link self. */
export function buildRss(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const feed = prepare(articles, meta)
  const xml = generateRssFeed({
    title: rssText(feed.title),
    link: meta.siteUrl,
    description: rssText(feed.description),
    language: meta.language,
    lastBuildDate: feed.updated,
    generator: 'Newsroom',
    ...(meta.copyright ? { copyright: xmlSafe(meta.copyright) } : {}),
    atom: { links: [{ href: meta.feedUrl, rel: 'self', type: 'application/rss+xml' }] },
    items: feed.stories.map((article) => {
      const names = authorNames(article)
      const categories = categoriesOf(article)
      const hero = article.heroImage
      return {
        title: rssText(article.headline),
        link: article.url,
        guid: { value: article.url, isPermaLink: true },
        pubDate: toDate(article.firstPublishedAt),
        // RSS descriptions are HTML: the plain-text summary is escaped once, as HTML.
        description: escapeHtml(xmlSafe(article.summary)),
        content: { encoded: safeStoryHtml(article.html) },
        ...(names.length ? { dc: { creators: [names.join('、')] } } : {}),
        ...(categories.length ? { categories: categories.map((name) => ({ name })) } : {}),
        ...(hero && isWebUrl(hero.url) && hero.mimeType ? { enclosures: [{ url: hero.url, type: hero.mimeType, length: 0 }] } : {}),
      }
    }),
  })
  return tightCdata(xml)
}

/** Atom (RFC 4287) in the feed's language: id = story URL, updated = last update, published = first publication. */
export function buildAtom(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const feed = prepare(articles, meta)
  const xml = generateAtomFeed({
    id: meta.feedUrl,
    title: { value: feed.title, type: 'text' },
    subtitle: { value: feed.description, type: 'text' },
    updated: feed.updated,
    xml: { lang: meta.language },
    links: [
      { href: meta.siteUrl, rel: 'alternate', type: 'text/html' },
      { href: meta.feedUrl, rel: 'self', type: 'application/atom+xml' },
    ],
    generator: { text: 'Newsroom' },
    // Atom requires an author on the feed when an entry has none.
    authors: [{ name: feed.title }],
    ...(meta.copyright ? { rights: { value: xmlSafe(meta.copyright), type: 'text' } } : {}),
    entries: feed.stories.map((article) => {
      const names = authorNames(article)
      const categories = categoriesOf(article)
      return {
        id: article.url,
        title: { value: xmlSafe(article.headline), type: 'text' },
        links: [{ href: article.url, rel: 'alternate', type: 'text/html' }],
        updated: toDate(article.updatedAt),
        published: toDate(article.firstPublishedAt),
        summary: { value: xmlSafe(article.summary), type: 'text' },
        content: { value: safeStoryHtml(article.html), type: 'html' },
        ...(names.length ? { authors: names.map((name) => ({ name })) } : {}),
        ...(categories.length ? { categories: categories.map((term) => ({ term })) } : {}),
        ...(article.language !== meta.language ? { xml: { lang: article.language } } : {}),
      }
    }),
  })
  return tightCdata(xml)
}

/** JSON Feed 1.1 (version https://jsonfeed.org/version/1.1): title and summary are plain text there. */
export function buildJsonFeed(articles: readonly PublishedArticle[], meta: FeedMeta): string {
  const feed = prepare(articles, meta)
  const document = generateJsonFeed({
    title: feed.title,
    home_page_url: meta.siteUrl,
    feed_url: meta.feedUrl,
    description: feed.description,
    language: meta.language,
    items: feed.stories.map((article) => {
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
