/**
 * Per-channel script conversion of a published story, done once and shared by every formatter.
 *
 * Why one place: the master is stored in the house script (zh-Hans) and conversions do not round-trip,
 * so each channel converts from the master exactly once, and NINJS, WeChat and feed output of the same
 * channel all read the same converted story. Identifiers (ids, slugs, URLs) are never converted.
 */
import { convertScript } from '../../../house-style'
import type { OutputScript, PublishedArticle, PublishedImage } from '../types'

export type ScriptConverter = (text: string, to: OutputScript) => string

/** Splits sanitised HTML into tags and text; only text and human-readable attributes are converted. */
const TAG = /(<[^>]*>)/g
const READABLE_ATTRIBUTE = /(\s(?:alt|title)\s*=\s*)("([^"]*)"|'([^']*)')/gi

export function convertHtmlText(html: string, convert: (text: string) => string): string {
  return html
    .split(TAG)
    .map((part) => {
      if (!part) return part
      if (part.startsWith('<')) {
        // Image alt text and link titles are read by people (and screen readers): convert them too.
        return part.replace(READABLE_ATTRIBUTE, (_m, lead: string, _quoted, dq?: string, sq?: string) =>
          dq !== undefined ? `${lead}"${convert(dq)}"` : `${lead}'${convert(sq ?? '')}'`,
        )
      }
      return convert(part)
    })
    .join('')
}

function convertImage(image: PublishedImage, convert: (text: string) => string): PublishedImage {
  return {
    ...image,
    alt: convert(image.alt),
    caption: image.caption == null ? image.caption : convert(image.caption),
    credit: image.credit == null ? image.credit : convert(image.credit),
  }
}

const cache = new WeakMap<PublishedArticle, Map<OutputScript, PublishedArticle>>()

/**
 * The story in `script`. zh-Hans (the house script) or no script returns the master itself: converting
 * the master "back" would only risk damage. The result is cached per article object and script.
 */
export function convertArticle(
  article: PublishedArticle,
  script: OutputScript | null | undefined,
  converter: ScriptConverter = convertScript,
): PublishedArticle {
  if (!script || script === 'zh-Hans') return article
  let perScript = cache.get(article)
  const hit = perScript?.get(script)
  if (hit && converter === convertScript) return hit

  const convert = (text: string) => (text ? converter(text, script) : text)
  const opt = (text: string | null | undefined) => (text == null ? text : convert(text))
  const converted: PublishedArticle = {
    ...article,
    headline: convert(article.headline),
    dek: opt(article.dek),
    datelineText: convert(article.datelineText),
    bylineText: convert(article.bylineText),
    html: convertHtmlText(article.html, convert),
    plainText: convert(article.plainText),
    summary: convert(article.summary),
    // Only Chinese stories change script; an AP story stays `en` whatever the channel.
    language: /^zh\b/i.test(article.language) ? script : article.language,
    dateline: { ...article.dateline, outlet: opt(article.dateline.outlet), place: opt(article.dateline.place) },
    credits: article.credits.map((c) => ({ ...c, name: convert(c.name) })),
    section: article.section ? { ...article.section, name: convert(article.section.name) } : article.section,
    region: article.region ? { ...article.region, name: convert(article.region.name) } : article.region,
    tags: article.tags.map(convert),
    heroImage: article.heroImage ? convertImage(article.heroImage, convert) : article.heroImage,
    images: article.images.map((image) => convertImage(image, convert)),
    correctionNote: opt(article.correctionNote),
    retractionReason: opt(article.retractionReason),
  }
  if (converter === convertScript) {
    if (!perScript) cache.set(article, (perScript = new Map()))
    perScript.set(script, converted)
  }
  return converted
}
