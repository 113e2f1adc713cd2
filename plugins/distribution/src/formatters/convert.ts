/**
 * Per-channel script conversion of a published story, done once and shared by every formatter.
 *
 * Why one place: the master is stored in the house script (zh-Hans) and conversions do not round-trip,
 * so each channel converts from the master exactly once, and NINJS, WeChat and feed output of the same
 * channel all read the same converted story. Identifiers (ids, slugs, URLs) are never converted.
 */
import { Parser, QuoteType } from 'htmlparser2'

import { convertScript } from '../../../house-style'
import type { OutputScript, PublishedArticle, PublishedImage } from '../types'

export type ScriptConverter = (text: string, to: OutputScript) => string

/** A stretch of the source that reads as `decoded`: plain text (the same either way) or a character reference. */
interface Piece {
  start: number
  end: number
  decoded: string
}

/** One run of text between two tags, or one attribute value, and where to put it back. */
interface Span {
  kind: 'text' | 'value'
  pieces: Piece[]
  /** The characters that must be escaped in what is written back: `&` and `<` in text, `&` and the quote in a value. */
  escape: RegExp
}

/** What escaping a rewritten character reference needs: in text, in a "…" value, a '…' value, an unquoted one. */
const TEXT_ESCAPE = /[&<]/g
const DOUBLE_QUOTED = /[&"]/g
const SINGLE_QUOTED = /[&']/g
const UNQUOTED = /[&"'<>=`\s]/g

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** The people-readable attributes: image alt text and link titles (read by people and screen readers). */
const READABLE_ATTRIBUTES = new Set(['alt', 'title'])

/**
 * htmlparser2's parser, noting where each text run and each readable attribute value lies in the source: the
 * parser reports positions for text and for the plain stretches of a value, a character reference in a value
 * only as its character, so its source is the stretch between two plain ones.
 */
class SpanParser extends Parser {
  readonly spans: Span[] = []
  #html = ''
  #value: Piece[] | null = null
  #valueAt = -1
  #pendingEntity = ''

  constructor() {
    super(null, { decodeEntities: true, lowerCaseAttributeNames: true })
  }

  read(html: string): Span[] {
    this.#html = html
    this.end(html)
    return this.spans
  }

  /** A text run continues over consecutive text events (plain stretches and character references alike). */
  override ontext(start: number, endIndex: number): void {
    this.#text(start, endIndex, this.#html.slice(start, endIndex))
    super.ontext(start, endIndex)
  }

  override ontextentity(cp: number, endIndex: number): void {
    this.#text(this.startIndex, endIndex, String.fromCodePoint(cp))
    super.ontextentity(cp, endIndex)
  }

  #text(start: number, end: number, decoded: string): void {
    const last = this.spans[this.spans.length - 1]
    const previous = last?.kind === 'text' ? last.pieces[last.pieces.length - 1] : undefined
    if (previous && previous.end === start) last!.pieces.push({ start, end, decoded })
    else this.spans.push({ kind: 'text', pieces: [{ start, end, decoded }], escape: TEXT_ESCAPE })
  }

  override onattribname(start: number, endIndex: number): void {
    super.onattribname(start, endIndex)
    this.#value = READABLE_ATTRIBUTES.has(this.#html.slice(start, endIndex).toLowerCase()) ? [] : null
    this.#valueAt = valueStart(this.#html, endIndex)
    this.#pendingEntity = ''
  }

  override onattribdata(start: number, endIndex: number): void {
    super.onattribdata(start, endIndex)
    if (!this.#value) return
    this.#flushEntity(start)
    if (endIndex > start) this.#value.push({ start, end: endIndex, decoded: this.#html.slice(start, endIndex) })
    this.#valueAt = endIndex
  }

  override onattribentity(cp: number): void {
    super.onattribentity(cp)
    if (this.#value) this.#pendingEntity += String.fromCodePoint(cp)
  }

  override onattribend(quote: QuoteType, endIndex: number): void {
    const value = this.#value
    if (value && quote !== QuoteType.NoValue) {
      // A quoted value ends before its closing quote; an unquoted one at endIndex.
      this.#flushEntity(quote === QuoteType.Unquoted ? endIndex : endIndex - 1)
      const escape = quote === QuoteType.Double ? DOUBLE_QUOTED : quote === QuoteType.Single ? SINGLE_QUOTED : UNQUOTED
      if (value.length) this.spans.push({ kind: 'value', pieces: value, escape })
    }
    this.#value = null
    super.onattribend(quote, endIndex)
  }

  /** Character references since the last plain stretch of a value end where the next one starts. */
  #flushEntity(upTo: number): void {
    if (!this.#value || !this.#pendingEntity) return
    this.#value.push({ start: this.#valueAt, end: upTo, decoded: this.#pendingEntity })
    this.#pendingEntity = ''
    this.#valueAt = upTo
  }
}

/** Where an attribute's value starts, after its name, `=`, spaces and the opening quote. */
function valueStart(html: string, nameEnd: number): number {
  let i = nameEnd
  while (i < html.length && ' \t\n\f\r='.includes(html[i]!)) i++
  return html[i] === '"' || html[i] === "'" ? i + 1 : i
}

/**
 * What a span becomes once converted: each stretch of plain text converted as written (a conversion never
 * reaches across a character reference: none of its phrases holds one), each character reference read as its
 * character and written anew, escaped, only when the conversion changes it (a CJK character given as `&#…;`).
 */
function rewrite(html: string, span: Span, convert: (text: string) => string): string {
  let out = ''
  let plain = ''
  const flush = () => {
    if (plain) out += convert(plain)
    plain = ''
  }
  for (const piece of span.pieces) {
    const raw = html.slice(piece.start, piece.end)
    if (raw === piece.decoded) {
      plain += raw
      continue
    }
    flush()
    const converted = convert(piece.decoded)
    out += converted === piece.decoded ? raw : converted.replace(span.escape, (c) => ESCAPES[c] ?? `&#${c.codePointAt(0)};`)
  }
  flush()
  return out
}

/**
 * Converts the text of sanitised HTML and its human-readable attributes (alt, title), read with htmlparser2:
 * tags, other attributes, comments and character references the conversion does not touch stay byte for byte.
 */
export function convertHtmlText(html: string, convert: (text: string) => string): string {
  let out = ''
  let at = 0
  for (const span of new SpanParser().read(html)) {
    const replacement = rewrite(html, span, convert)
    const start = span.pieces[0]!.start
    const end = span.pieces[span.pieces.length - 1]!.end
    out += html.slice(at, start) + replacement
    at = end
  }
  return out + html.slice(at)
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
