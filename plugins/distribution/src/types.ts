/**
 * What the distribution plugin hands to every formatter and transport: one article, rendered once by the
 * house-style renderer when it was published. Formatters never re-render rich text.
 */
export type DistributionEvent = 'published' | 'updated' | 'corrected' | 'unpublished' | 'retracted'

export type OutputScript = 'zh-Hans' | 'zh-Hant-TW' | 'zh-Hant-HK'

export interface PublishedImage {
  /** Absolute URL of the rendition or original. */
  url: string
  alt: string
  caption?: string | null
  credit?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  /** Local file path when the file is on this server's disk (WeChat uploads read the bytes). */
  filePath?: string | null
}

export interface PublishedArticle {
  id: string | number
  slug: string
  headline: string
  dek?: string | null
  /** `亮点黔西南讯`, `新华社贵阳11月26日电`, `WASHINGTON (AP) —` */
  datelineText: string
  /** `（丁宪民 报道）` */
  bylineText: string
  /** Sanitised HTML with the dateline at the head of the first paragraph and the byline at the end. */
  html: string
  /** The same story as plain text, in the same order. */
  plainText: string
  /** Short summary (the dek, or the lede cut to length). */
  summary: string
  /** Public URL of the story on the website. */
  url: string
  /** BCP 47 language of the story, e.g. zh-Hans. */
  language: string
  dateline: { outlet?: string | null; place?: string | null; date?: string | null; kind?: string | null }
  credits: { name: string; role: string }[]
  section?: { id: string | number; slug: string; name: string } | null
  region?: { id: string | number; slug?: string | null; name: string; code?: string | null } | null
  tags: string[]
  heroImage?: PublishedImage | null
  /** Images in the body, in order. */
  images: PublishedImage[]
  firstPublishedAt: string
  updatedAt: string
  /** Monotonic version of the published story (Payload's version count or a counter). */
  version: number
  /** sha256 of the rendered output: unchanged hash means nothing to send again. */
  hash: string
  /** The latest correction note, when the event is `corrected`. */
  correctionNote?: string | null
  /** Why the story was retracted, when the event is `retracted`. */
  retractionReason?: string | null
}
