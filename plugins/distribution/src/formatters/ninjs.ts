/**
 * IPTC NINJS (News in JSON) 2.x, the document news receivers expect in a push.
 *
 * 2.x arrays (headlines, bodies, descriptions, renditions, associations) carry the content; the 1.x
 * single-value names (headline, body_html, description_text) are repeated because many receivers
 * (Superdesk-era integrations) still read those.
 */
import type { DistributionEvent, OutputScript, PublishedArticle, PublishedImage } from '../types'
import { convertArticle } from './convert'
import { safeStoryHtml } from './safe-html'

export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '2.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json',
} as const

export interface NinjsText {
  role?: string
  contenttype?: string
  value: string
  charcount?: number
}

export interface NinjsRendition {
  name: string
  href: string
  contenttype?: string
  /** The 1.x name of contenttype. */
  mimetype?: string
  width?: number
  height?: number
}

export interface NinjsSubject {
  name: string
  rel?: string
  literal?: string
  uri?: string
}

export interface NinjsAssociation {
  name: string
  uri: string
  type: 'picture'
  headlines?: NinjsText[]
  descriptions?: NinjsText[]
  description_text?: string
  by?: string
  renditions: NinjsRendition[]
}

export interface NinjsDocument {
  uri: string
  type: 'text'
  representationtype: 'full' | 'partial'
  version: string
  versioncreated: string
  firstcreated: string
  pubstatus: 'usable' | 'canceled'
  language: string
  standard: typeof NINJS_STANDARD
  slugline: string
  headlines: NinjsText[]
  /** 1.x compatibility. */
  headline: string
  by?: string
  located?: string
  bodies?: NinjsText[]
  /** 1.x compatibility. */
  body_html?: string
  descriptions?: NinjsText[]
  /** 1.x compatibility. */
  description_text?: string
  subjects?: NinjsSubject[]
  places?: NinjsSubject[]
  associations?: NinjsAssociation[]
  altids: { role: string; value: string }[]
  ednote?: string
}

/** A receiver must be able to match every version and event of a story to one item: never changes. */
export function ninjsUri(id: string | number): string {
  return `urn:newsroom:article:${encodeURIComponent(String(id))}`
}

function isoDate(value: string): string {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

function guessMimeType(url: string): string | undefined {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg'
  if (ext === 'png') return 'image/png'
  if (ext === 'gif') return 'image/gif'
  if (ext === 'webp') return 'image/webp'
  if (ext === 'avif') return 'image/avif'
  return undefined
}

function imageAssociation(name: string, image: PublishedImage): NinjsAssociation {
  const mime = image.mimeType ?? guessMimeType(image.url)
  const rendition: NinjsRendition = { name: 'original', href: image.url }
  if (mime) {
    rendition.contenttype = mime
    rendition.mimetype = mime
  }
  if (image.width) rendition.width = image.width
  if (image.height) rendition.height = image.height
  const association: NinjsAssociation = { name, uri: image.url, type: 'picture', renditions: [rendition] }
  if (image.alt) association.headlines = [{ value: image.alt }]
  if (image.caption) {
    association.descriptions = [{ role: 'caption', contenttype: 'text/plain', value: image.caption }]
    association.description_text = image.caption
  }
  if (image.credit) association.by = image.credit
  return association
}

function subjectsOf(article: PublishedArticle): NinjsSubject[] {
  const subjects: NinjsSubject[] = []
  if (article.section) subjects.push({ name: article.section.name, rel: 'section', literal: article.section.slug })
  if (article.region) {
    const region: NinjsSubject = { name: article.region.name, rel: 'region' }
    if (article.region.code) region.literal = article.region.code
    subjects.push(region)
  }
  for (const tag of article.tags) if (tag.trim()) subjects.push({ name: tag, rel: 'tag' })
  return subjects
}

function ednoteOf(article: PublishedArticle, event: DistributionEvent): string | undefined {
  if (event === 'corrected' && article.correctionNote) return article.correctionNote
  // Bilingual: the note is read by staff at receivers that may not read Chinese.
  if (event === 'retracted') return article.retractionReason ? `撤稿 (retracted)：${article.retractionReason}` : '撤稿 (retracted)'
  if (event === 'unpublished') return '已撤下 (unpublished)'
  return undefined
}

/**
 * The story as a NINJS document for `event`. Retracted and unpublished stories are sent as
 * `pubstatus: canceled` without body or pictures: the receiver must take the story down, and
 * re-sending withdrawn text would spread it further.
 */
export function toNinjs(
  master: PublishedArticle,
  event: DistributionEvent,
  options: { script?: OutputScript } = {},
): NinjsDocument {
  const article = convertArticle(master, options.script)
  const canceled = event === 'retracted' || event === 'unpublished'

  const doc: NinjsDocument = {
    uri: ninjsUri(article.id),
    type: 'text',
    representationtype: canceled ? 'partial' : 'full',
    version: String(article.version),
    versioncreated: isoDate(article.updatedAt),
    firstcreated: isoDate(article.firstPublishedAt),
    pubstatus: canceled ? 'canceled' : 'usable',
    language: article.language,
    standard: NINJS_STANDARD,
    slugline: article.slug,
    headlines: [{ role: 'main', contenttype: 'text/plain', value: article.headline }],
    headline: article.headline,
    altids: [
      { role: 'url', value: article.url },
      { role: 'slug', value: article.slug },
    ],
  }
  if (article.dek) doc.headlines.push({ role: 'sub', contenttype: 'text/plain', value: article.dek })
  if (article.bylineText) doc.by = article.bylineText
  const located = article.dateline.place || article.datelineText
  if (located) doc.located = located

  const ednote = ednoteOf(article, event)
  if (ednote) doc.ednote = ednote

  const subjects = subjectsOf(article)
  if (subjects.length) doc.subjects = subjects
  if (article.region) doc.places = [{ name: article.region.name, rel: 'about', ...(article.region.code ? { literal: article.region.code } : {}) }]

  if (canceled) return doc

  // The rendered html already carries the dateline at its head and the byline at its end, in house style;
  // it is sanitised once more because receivers may publish it as is.
  const html = safeStoryHtml(article.html)
  doc.bodies = [
    { role: 'main', contenttype: 'text/html', value: html, charcount: [...article.plainText].length },
    { role: 'main', contenttype: 'text/plain', value: article.plainText },
  ]
  doc.body_html = html
  if (article.summary) {
    doc.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: article.summary }]
    doc.description_text = article.summary
  }

  const associations: NinjsAssociation[] = []
  if (article.heroImage) associations.push(imageAssociation('featureimage', article.heroImage))
  article.images.forEach((image, i) => associations.push(imageAssociation(`bodyimage${i + 1}`, image)))
  if (associations.length) doc.associations = associations
  return doc
}
