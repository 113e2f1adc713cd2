/**
 * Body lines to blocks: markdown images, headings (markdown `#` or the short unpunctuated
 * sub-headings Chinese stories use, such as `抓班子 强组织`), paragraphs.
 */
import type { Block } from '../types'

const IMAGE = /^!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)$/
const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/
/** Sentence punctuation anywhere, or a clause-ending mark at the end: a sentence, not a heading. */
const SENTENCE = /[。！？；!?;…]|[，,、：:.”"]$/
const HAS_WORD = /[\p{L}]/u
const HEADING_MAX = 20

export function imageBlock(line: string): Block | null {
  const m = IMAGE.exec(line)
  if (!m) return null
  return m[1] ? { type: 'image', src: m[2], alt: m[1] } : { type: 'image', src: m[2] }
}

export function markdownHeading(line: string): string | null {
  return MARKDOWN_HEADING.exec(line)?.[1] ?? null
}

/**
 * A short line (≤ 20 characters, pinyin artifacts already removed) without sentence punctuation.
 * The caller decides the position rules (not the first paragraph, followed by text).
 */
export function looksLikeHeading(clean: string): boolean {
  // Cheap tests first: this runs on every body line.
  if (clean.length < 2 || SENTENCE.test(clean) || /^[（(【[]/.test(clean)) return false
  const length = clean.length <= HEADING_MAX ? clean.length : [...clean].length
  return length <= HEADING_MAX && HAS_WORD.test(clean)
}

/** A possible heading before pinyin artifacts are removed (artifacts never add sentence punctuation). */
export function mayBeHeading(text: string): boolean {
  return text.length >= 2 && text.length <= 200 && !SENTENCE.test(text)
}
