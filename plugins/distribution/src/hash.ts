/**
 * The content hash of a published story: what a receiver would see, nothing else.
 *
 * Why: like Apple News' checksum, an unchanged hash means a re-save (new version number, new updatedAt)
 * changed nothing downstream, so the delivery can be skipped. The event is deliberately not part of the
 * hash: an unpublish or retraction of unchanged content must still be sent — combine hash and event
 * when deciding whether to skip.
 */
import { createHash } from 'node:crypto'
import type { PublishedArticle, PublishedImage } from './types'

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`
}

function imageFacts(image: PublishedImage | null | undefined) {
  if (!image) return null
  return {
    url: image.url,
    alt: image.alt,
    caption: image.caption ?? null,
    credit: image.credit ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
    mimeType: image.mimeType ?? null,
  }
}

/** The receiver-visible fields; version, updatedAt, ids of local files and the stored hash are excluded. */
export function receiverView(article: PublishedArticle) {
  return {
    url: article.url,
    language: article.language,
    headline: article.headline,
    dek: article.dek ?? null,
    datelineText: article.datelineText,
    bylineText: article.bylineText,
    dateline: {
      outlet: article.dateline.outlet ?? null,
      place: article.dateline.place ?? null,
      date: article.dateline.date ?? null,
      kind: article.dateline.kind ?? null,
    },
    html: article.html,
    summary: article.summary,
    credits: article.credits.map((c) => ({ name: c.name, role: c.role })),
    section: article.section ? { slug: article.section.slug, name: article.section.name } : null,
    region: article.region ? { name: article.region.name, code: article.region.code ?? null } : null,
    tags: [...article.tags],
    heroImage: imageFacts(article.heroImage),
    images: article.images.map(imageFacts),
    firstPublishedAt: article.firstPublishedAt,
    correctionNote: article.correctionNote ?? null,
    retractionReason: article.retractionReason ?? null,
  }
}

/** sha256 (hex) over the receiver-visible fields in a stable key order. */
export function contentHash(article: PublishedArticle): string {
  return createHash('sha256')
    .update(stableStringify(receiverView(article)), 'utf8')
    .digest('hex')
}
