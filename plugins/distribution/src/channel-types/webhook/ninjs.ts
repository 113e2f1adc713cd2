/**
 * IPTC NINJS (News in JSON), the document news receivers expect in a push.
 *
 * Each document is valid against the official schema of the version it declares (tests check every output
 * with IPTC's own schemas): 2.x by default, where arrays carry the content (headlines, bodies, descriptions,
 * renditions, associations) and nothing else is allowed; ninjs 1.6 for older receivers that read the
 * single-value names (headline, body_html, description_text, byline, keyed renditions and associations).
 * The two shapes are never mixed: a 2.x schema rejects the 1.x names and the other way round.
 */
import type { DistributionEvent, OutputScript, PublishedArticle, PublishedImage } from '../../types'
import { convertArticle } from '../../formatters/convert'
import { safeStoryHtml } from '../../formatters/safe-html'

/** The versions a channel can ask for; the first is the default. */
export const NINJS_VERSIONS = ['2.2', '2.1', '1.6'] as const
export type NinjsVersion = (typeof NINJS_VERSIONS)[number]
export const DEFAULT_NINJS_VERSION: NinjsVersion = '2.2'

export interface NinjsStandard {
  name: 'ninjs'
  version: NinjsVersion
  schema: string
}

export function ninjsStandard(version: NinjsVersion): NinjsStandard {
  return { name: 'ninjs', version, schema: `http://www.iptc.org/std/ninjs/ninjs-schema_${version}.json` }
}

export const isNinjsVersion = (value: unknown): value is NinjsVersion => NINJS_VERSIONS.includes(value as NinjsVersion)

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
  by?: string
  renditions: NinjsRendition[]
}

interface NinjsCommon {
  uri: string
  type: 'text'
  representationtype: 'full' | 'partial' | 'complete' | 'incomplete'
  version: string
  versioncreated: string
  firstcreated: string
  pubstatus: 'usable' | 'canceled'
  language: string
  slugline: string
  located?: string
  ednote?: string
}

/** ninjs 2.x (2.1, 2.2). */
export interface NinjsDocument extends NinjsCommon {
  standard: NinjsStandard
  headlines: NinjsText[]
  by?: string
  bodies?: NinjsText[]
  descriptions?: NinjsText[]
  subjects?: NinjsSubject[]
  places?: NinjsSubject[]
  associations?: NinjsAssociation[]
  altids: { role: string; value: string }[]
}

export interface Ninjs1Rendition {
  href: string
  mimetype?: string
  width?: number
  height?: number
}

export interface Ninjs1Association {
  uri: string
  type: 'picture'
  headline?: string
  description_text?: string
  byline?: string
  renditions: Record<string, Ninjs1Rendition>
}

export interface Ninjs1Concept {
  name: string
  rel?: string
  code?: string
}

/** ninjs 1.6: single values, renditions and associations keyed by name, the standard as `$standard`. */
export interface Ninjs1Document extends NinjsCommon {
  $standard: NinjsStandard
  headline: string
  headline_sub?: string
  byline?: string
  body_html?: string
  body_text?: string
  charcount?: number
  description_text?: string
  subject?: Ninjs1Concept[]
  place?: Ninjs1Concept[]
  associations?: Record<string, Ninjs1Association>
  altids: Record<string, string>
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

/** One picture, before it takes either version's shape. */
interface Picture {
  name: string
  url: string
  mime?: string
  width?: number
  height?: number
  alt?: string
  caption?: string
  credit?: string
}

function picturesOf(article: PublishedArticle): Picture[] {
  const picture = (name: string, image: PublishedImage): Picture => {
    const mime = image.mimeType ?? guessMimeType(image.url)
    return {
      name,
      url: image.url,
      ...(mime ? { mime } : {}),
      ...(image.width ? { width: image.width } : {}),
      ...(image.height ? { height: image.height } : {}),
      ...(image.alt ? { alt: image.alt } : {}),
      ...(image.caption ? { caption: image.caption } : {}),
      ...(image.credit ? { credit: image.credit } : {}),
    }
  }
  const pictures: Picture[] = []
  if (article.heroImage) pictures.push(picture('featureimage', article.heroImage))
  article.images.forEach((image, i) => pictures.push(picture(`bodyimage${i + 1}`, image)))
  return pictures
}

/** Section, region and tags, before they take either version's shape. */
function conceptsOf(article: PublishedArticle): { name: string; rel: string; code?: string }[] {
  const concepts: { name: string; rel: string; code?: string }[] = []
  if (article.section) concepts.push({ name: article.section.name, rel: 'section', code: article.section.slug })
  if (article.region)
    concepts.push({ name: article.region.name, rel: 'region', ...(article.region.code ? { code: article.region.code } : {}) })
  for (const tag of article.tags) if (tag.trim()) concepts.push({ name: tag, rel: 'tag' })
  return concepts
}

function ednoteOf(article: PublishedArticle, event: DistributionEvent): string | undefined {
  if (event === 'corrected' && article.correctionNote) return article.correctionNote
  // Bilingual: the note is read by staff at receivers that may not read Chinese.
  if (event === 'retracted') return article.retractionReason ? `撤稿 (retracted)：${article.retractionReason}` : '撤稿 (retracted)'
  if (event === 'unpublished') return '已撤下 (unpublished)'
  return undefined
}

/**
 * Where the story was reported from (nar:located): the dateline's place (`贵阳` in `新华社贵阳11月26日电`),
 * else the story's region. Never the outlet credit: `亮点黔西南讯` names who reports, not where.
 */
export function locatedOf(article: PublishedArticle): string | undefined {
  return article.dateline.place?.trim() || article.region?.name?.trim() || undefined
}

/** What both versions carry, from the story already converted to the channel's script. */
function common(article: PublishedArticle, event: DistributionEvent, canceled: boolean): NinjsCommon {
  const doc: NinjsCommon = {
    uri: ninjsUri(article.id),
    type: 'text',
    representationtype: canceled ? 'partial' : 'full',
    version: String(article.version),
    versioncreated: isoDate(article.updatedAt),
    firstcreated: isoDate(article.firstPublishedAt),
    pubstatus: canceled ? 'canceled' : 'usable',
    language: article.language,
    slugline: article.slug,
  }
  const located = locatedOf(article)
  if (located) doc.located = located
  const ednote = ednoteOf(article, event)
  if (ednote) doc.ednote = ednote
  return doc
}

function toNinjs2(article: PublishedArticle, event: DistributionEvent, version: NinjsVersion, canceled: boolean): NinjsDocument {
  const doc: NinjsDocument = {
    ...common(article, event, canceled),
    standard: ninjsStandard(version),
    headlines: [{ role: 'main', contenttype: 'text/plain', value: article.headline }],
    altids: [
      { role: 'url', value: article.url },
      { role: 'slug', value: article.slug },
    ],
  }
  if (article.dek) doc.headlines.push({ role: 'sub', contenttype: 'text/plain', value: article.dek })
  if (article.bylineText) doc.by = article.bylineText
  const concepts = conceptsOf(article)
  if (concepts.length) doc.subjects = concepts.map(({ code, ...concept }) => ({ ...concept, ...(code ? { literal: code } : {}) }))
  if (article.region)
    doc.places = [{ name: article.region.name, rel: 'about', ...(article.region.code ? { literal: article.region.code } : {}) }]
  if (canceled) return doc

  const html = safeStoryHtml(article.html)
  doc.bodies = [
    { role: 'main', contenttype: 'text/html', value: html, charcount: [...article.plainText].length },
    { role: 'main', contenttype: 'text/plain', value: article.plainText },
  ]
  if (article.summary) doc.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: article.summary }]
  const pictures = picturesOf(article)
  if (pictures.length) {
    doc.associations = pictures.map((p) => {
      const rendition: NinjsRendition = { name: 'original', href: p.url }
      if (p.mime) rendition.contenttype = p.mime
      if (p.width) rendition.width = p.width
      if (p.height) rendition.height = p.height
      const association: NinjsAssociation = { name: p.name, uri: p.url, type: 'picture', renditions: [rendition] }
      if (p.alt) association.headlines = [{ value: p.alt }]
      if (p.caption) association.descriptions = [{ role: 'caption', contenttype: 'text/plain', value: p.caption }]
      if (p.credit) association.by = p.credit
      return association
    })
  }
  return doc
}

function toNinjs1(article: PublishedArticle, event: DistributionEvent, canceled: boolean): Ninjs1Document {
  const doc: Ninjs1Document = {
    ...common(article, event, canceled),
    // 1.x names the same idea differently.
    representationtype: canceled ? 'incomplete' : 'complete',
    $standard: ninjsStandard('1.6'),
    headline: article.headline,
    altids: { url: article.url, slug: article.slug },
  }
  if (article.dek) doc.headline_sub = article.dek
  if (article.bylineText) doc.byline = article.bylineText
  const concepts = conceptsOf(article)
  if (concepts.length) doc.subject = concepts
  if (article.region)
    doc.place = [{ name: article.region.name, rel: 'about', ...(article.region.code ? { code: article.region.code } : {}) }]
  if (canceled) return doc

  doc.body_html = safeStoryHtml(article.html)
  doc.body_text = article.plainText
  doc.charcount = [...article.plainText].length
  if (article.summary) doc.description_text = article.summary
  const pictures = picturesOf(article)
  if (pictures.length) {
    doc.associations = Object.fromEntries(
      pictures.map((p) => {
        const rendition: Ninjs1Rendition = { href: p.url }
        if (p.mime) rendition.mimetype = p.mime
        if (p.width) rendition.width = p.width
        if (p.height) rendition.height = p.height
        const association: Ninjs1Association = { uri: p.url, type: 'picture', renditions: { original: rendition } }
        if (p.alt) association.headline = p.alt
        if (p.caption) association.description_text = p.caption
        if (p.credit) association.byline = p.credit
        return [p.name, association]
      }),
    )
  }
  return doc
}

export interface NinjsOptions {
  script?: OutputScript
  /** @default DEFAULT_NINJS_VERSION (2.2) */
  version?: NinjsVersion
}

/**
 * The story as a NINJS document for `event`. Retracted and unpublished stories are sent as
 * `pubstatus: canceled` without body or pictures: the receiver must take the story down, and
 * re-sending withdrawn text would spread it further. The rendered html already carries the dateline at its
 * head and the byline at its end, in house style; it is sanitised once more because receivers may publish it.
 */
export function toNinjs(master: PublishedArticle, event: DistributionEvent, options: NinjsOptions & { version: '1.6' }): Ninjs1Document
export function toNinjs(
  master: PublishedArticle,
  event: DistributionEvent,
  options?: NinjsOptions & { version?: '2.2' | '2.1' },
): NinjsDocument
export function toNinjs(master: PublishedArticle, event: DistributionEvent, options?: NinjsOptions): NinjsDocument | Ninjs1Document
export function toNinjs(master: PublishedArticle, event: DistributionEvent, options: NinjsOptions = {}): NinjsDocument | Ninjs1Document {
  const article = convertArticle(master, options.script)
  const canceled = event === 'retracted' || event === 'unpublished'
  const version = options.version ?? DEFAULT_NINJS_VERSION
  return version === '1.6' ? toNinjs1(article, event, canceled) : toNinjs2(article, event, version, canceled)
}
