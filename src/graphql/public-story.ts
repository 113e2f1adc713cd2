/**
 * The reader-facing shape of a published story: what a news frontend renders, nothing else. Non-null where a
 * published story always has the value (title, slug, datelineText, bylineText, html, publishedAt); media with
 * absolute URLs, every rendition and alt text; no deliveries, style findings or workflow internals.
 * Payload's own `Article` type stays for the desk (drafts, admin tooling), with those fields hidden from
 * anonymous readers.
 */
import type { Article, Author, Media, Region, Section } from '../payload-types'
import { publicUrl } from '../env'

export interface PublicRendition {
  url: string
  width: number
  height: number
}

export interface PublicImage {
  url: string
  alt: string
  caption: string | null
  credit: string | null
  width: number | null
  height: number | null
  thumbnail: PublicRendition | null
  card: PublicRendition | null
  social: PublicRendition | null
  wechatCover: PublicRendition | null
}

export interface PublicTerm {
  name: string
  slug: string
  url: string
}

export interface PublicStory {
  id: number | string
  slug: string
  url: string
  title: string
  dek: string | null
  datelineText: string
  bylineText: string
  html: string
  publishedAt: string
  updatedAt: string
  section: PublicTerm | null
  region: PublicTerm | null
  tags: string[]
  credits: { role: string; author: PublicTerm }[]
  corrections: { note: string; date: string }[]
  heroImage: PublicImage | null
}

/** `/api/media/file/x.jpg` → `https://news.example/api/media/file/x.jpg`; absolute URLs (a CDN) pass through. */
export const absoluteMediaUrl = (url: string): string =>
  /^https?:\/\//i.test(url) ? url : `${publicUrl()}${url.startsWith('/') ? '' : '/'}${url}`

const populated = <T extends object>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)

function rendition(size: { url?: string | null; width?: number | null; height?: number | null } | undefined): PublicRendition | null {
  return size?.url && size.width && size.height ? { url: absoluteMediaUrl(size.url), width: size.width, height: size.height } : null
}

export function toPublicImage(media: Media | null): PublicImage | null {
  if (!media?.url) return null
  return {
    url: absoluteMediaUrl(media.url),
    alt: media.alt,
    caption: media.caption ?? null,
    credit: media.credit ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    thumbnail: rendition(media.sizes?.thumbnail),
    card: rendition(media.sizes?.card),
    social: rendition(media.sizes?.social),
    wechatCover: rendition(media.sizes?.wechatCover),
  }
}

export const sitePath = {
  story: (slug: string) => `/news/${encodeURIComponent(slug)}`,
  section: (slug: string) => `/sections/${encodeURIComponent(slug)}`,
  region: (slug: string) => `/regions/${encodeURIComponent(slug)}`,
  author: (slug: string) => `/authors/${encodeURIComponent(slug)}`,
}

function term(doc: Section | Region | Author | null, path: (slug: string) => string): PublicTerm | null {
  if (!doc) return null
  const slug = doc.slug ?? String(doc.id)
  return { name: doc.name, slug, url: `${publicUrl()}${path(slug)}` }
}

/** A published story read at depth 1 (section, region, hero image and credited authors populated). */
export function toPublicStory(doc: Article): PublicStory {
  const slug = doc.slug ?? String(doc.id)
  return {
    id: doc.id,
    slug,
    url: `${publicUrl()}${sitePath.story(slug)}`,
    title: doc.title,
    dek: doc.dek ?? null,
    datelineText: doc.datelineText ?? '',
    bylineText: doc.bylineText ?? '',
    html: doc.html ?? '',
    // A published story always has one (the workflow sets it); updatedAt covers rows imported without it.
    publishedAt: doc.publishedAt ?? doc.updatedAt,
    updatedAt: doc.updatedAt,
    section: term(populated<Section>(doc.section), sitePath.section),
    region: term(populated<Region>(doc.region), sitePath.region),
    tags: doc.tags ?? [],
    credits: (doc.credits ?? []).flatMap((credit) => {
      const author = term(populated<Author>(credit.author), sitePath.author)
      return author ? [{ role: credit.role, author }] : []
    }),
    corrections: (doc.corrections ?? []).map((correction) => ({ note: correction.note, date: correction.date })),
    heroImage: toPublicImage(populated<Media>(doc.heroImage)),
  }
}
