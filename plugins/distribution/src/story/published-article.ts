/**
 * The story as channels get it: a PublishedArticle built from what house-style stored when the story was saved
 * (datelineText, bylineText, html, plainText). Rich text is never rendered again here; relations are only
 * looked up for their names, and site-relative links become absolute.
 */
import type { JsonObject, PayloadRequest } from 'payload'

import path from 'node:path'

import { DomUtils, parseDocument } from 'htmlparser2'

import { datelineKinds } from '../../../house-style'
import { contentHash } from '../hash'
import { idOf, type Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { PublishedArticle, PublishedImage } from '../types'

type Doc = JsonObject

const SUMMARY_LENGTH = 120

/** The stored story (main document, i.e. the published version) with relations one level deep. */
export async function loadStory(req: PayloadRequest, options: ResolvedDistributionOptions, id: Id): Promise<Doc | null> {
  try {
    return (await req.payload.findByID({
      collection: options.storyCollection,
      id,
      depth: 1,
      draft: false,
      overrideAccess: true,
      joins: false,
      req,
    })) as Doc
  } catch {
    return null
  }
}

/** `/api/media/…` → `https://site/api/media/…`; absolute and data URLs stay as they are. */
export function absoluteUrl(siteUrl: string, url: string | null | undefined): string {
  if (!url) return ''
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url
  if (url.startsWith('//')) return `https:${url}`
  return `${siteUrl}${url.startsWith('/') ? '' : '/'}${url}`
}

/** Links and pictures in the stored html point at the site: make them absolute for receivers elsewhere. */
export function absoluteLinks(html: string, siteUrl: string): string {
  const document = parseDocument(html)
  let changed = false
  for (const element of DomUtils.findAll((node) => 'src' in node.attribs || 'href' in node.attribs, document.children)) {
    for (const name of ['src', 'href'] as const) {
      const url = element.attribs[name]
      if (url?.startsWith('/') && !url.startsWith('//')) {
        element.attribs[name] = `${siteUrl}${url}`
        changed = true
      }
    }
  }
  // Untouched markup is passed through as stored; otherwise serialised keeping Chinese text as characters.
  return changed ? DomUtils.getOuterHTML(document, { encodeEntities: 'utf8' }) : html
}

interface MediaFiles {
  /** Where the media collection keeps its files, for WeChat uploads that read bytes from disk. */
  staticDir?: string
}

function mediaFiles(req: Pick<PayloadRequest, 'payload'>, options: ResolvedDistributionOptions): MediaFiles {
  const upload = req.payload.collections[options.mediaCollection]?.config.upload
  const staticDir = upload && typeof upload === 'object' ? upload.staticDir : undefined
  return staticDir ? { staticDir: path.resolve(staticDir) } : {}
}

/** A local file for a media URL of this site (…/file/<name>), when it resolves inside the media folder. */
function localFile(files: MediaFiles, url: string): string | null {
  if (!files.staticDir) return null
  const name = /\/file\/([^/?#]+)(?:[?#]|$)/.exec(url)?.[1]
  if (!name) return null
  const file = path.resolve(files.staticDir, decodeURIComponent(name))
  return file.startsWith(files.staticDir + path.sep) ? file : null
}

function mediaImage(media: Doc | null | undefined, siteUrl: string, files: MediaFiles): PublishedImage | null {
  if (!media || typeof media !== 'object' || !media.url) return null
  const filePath = files.staticDir && media.filename ? path.join(files.staticDir, String(media.filename)) : null
  return {
    url: absoluteUrl(siteUrl, media.url),
    alt: String(media.alt ?? ''),
    caption: media.caption ?? null,
    credit: media.credit ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    mimeType: media.mimeType ?? null,
    filePath,
  }
}

/** Pictures in the rendered body, in order, from its <figure><img …><figcaption> markup. */
export function bodyImages(html: string, files: MediaFiles): PublishedImage[] {
  const images: PublishedImage[] = []
  for (const img of DomUtils.getElementsByTagName('img', parseDocument(html).children)) {
    const { src, alt, width, height } = img.attribs
    if (!src) continue
    const figcaption = DomUtils.nextElementSibling(img)
    const caption = figcaption?.name === 'figcaption' ? DomUtils.textContent(figcaption).trim() : ''
    images.push({
      url: src,
      alt: alt ?? '',
      caption: caption || null,
      width: width ? Number(width) : null,
      height: height ? Number(height) : null,
      filePath: localFile(files, src),
    })
  }
  return images
}

/** The dek, else the lede (without the dateline) cut to a sentence-ish length. */
export function summaryOf(dek: string | null | undefined, plainText: string, datelineText: string): string {
  if (dek?.trim()) return dek.trim()
  let lede = plainText.trim().split(/\n+/)[0] ?? ''
  if (datelineText && lede.startsWith(datelineText)) lede = lede.slice(datelineText.length).trim()
  const chars = [...lede]
  if (chars.length <= SUMMARY_LENGTH) return lede
  const cut = chars.slice(0, SUMMARY_LENGTH).join('')
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('. '))
  return stop > SUMMARY_LENGTH / 2 ? cut.slice(0, stop + 1) : `${cut}……`
}

export function toPublishedArticle(
  doc: Doc,
  context: { req: Pick<PayloadRequest, 'payload'>; options: ResolvedDistributionOptions; version: number },
): PublishedArticle {
  const { options, req, version } = context
  const files = mediaFiles(req, options)
  const site = options.siteUrl
  const html = absoluteLinks(String(doc.html ?? ''), site)
  const plainText = String(doc.plainText ?? '')
  const datelineText = String(doc.datelineText ?? '')
  const place = doc.dateline?.place
  const section = doc.section && typeof doc.section === 'object' ? doc.section : null
  const region = doc.region && typeof doc.region === 'object' ? doc.region : null
  const corrections = Array.isArray(doc.corrections) ? doc.corrections.filter((c: Doc) => c?.note) : []
  const article: PublishedArticle = {
    id: doc.id,
    slug: String(doc.slug ?? doc.id),
    headline: String(doc.title ?? ''),
    dek: doc.dek ?? null,
    datelineText,
    bylineText: String(doc.bylineText ?? ''),
    html,
    plainText,
    summary: summaryOf(doc.dek, plainText, datelineText),
    url: `${site}${options.storyPath({ id: doc.id, slug: String(doc.slug ?? doc.id) })}`,
    language: options.language,
    dateline: {
      outlet: doc.dateline?.outlet ?? null,
      place: place && typeof place === 'object' ? String(place.shortName || place.name || '') || null : null,
      date: doc.dateline?.date ?? null,
      kind: (datelineKinds as Record<string, string>)[doc.dateline?.kind ?? ''] ?? null,
    },
    credits: (Array.isArray(doc.credits) ? doc.credits : []).flatMap((credit: Doc) =>
      credit?.author && typeof credit.author === 'object' && credit.author.name
        ? [{ name: String(credit.author.name), role: String(credit.role ?? 'reporter') }]
        : [],
    ),
    section: section ? { id: section.id, slug: String(section.slug ?? section.id), name: String(section.name ?? '') } : null,
    region: region ? { id: region.id, slug: region.slug ?? null, name: String(region.name ?? ''), code: region.code ?? null } : null,
    tags: Array.isArray(doc.tags) ? doc.tags.map(String) : [],
    heroImage: mediaImage(doc.heroImage, site, files),
    images: bodyImages(html, files),
    firstPublishedAt: new Date(doc.publishedAt ?? doc.createdAt ?? Date.now()).toISOString(),
    updatedAt: new Date(doc.updatedAt ?? Date.now()).toISOString(),
    version,
    hash: '',
    correctionNote: corrections.length ? String(corrections[corrections.length - 1].note) : null,
    retractionReason: doc.stage === 'retracted' && doc.retractionReason ? String(doc.retractionReason) : null,
  }
  article.hash = contentHash(article)
  return article
}

/** Ids of the story's section and region (for channel filters). */
export const storyPlacement = (doc: Doc): { section?: Id; region?: Id } => ({ section: idOf(doc.section), region: idOf(doc.region) })
