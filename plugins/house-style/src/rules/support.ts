/**
 * Helpers every rule shares: walking the story's editable text, reading the characters around a
 * position, and building findings and fixes. Rules stay small by leaving this plumbing here.
 */
import { HAN_CLASS, isHanCodePoint } from '../text/han'
import type { Finding, FindingLocation, Fix, LocalizedMessage, Rule, StoryDraft, TextEdit, TextFieldName } from '../types'

/** A piece of text a rule can check and a fix can edit: headline, dek, a body block, a caption or alt text. */
export interface TextField {
  field: TextFieldName
  /** Index into StoryDraft.body; absent for the headline and the dek. */
  block?: number
  text: string
}

/**
 * Every text a reader sees, in reading order: the headline, the dek, then the body block by block — headings
 * and paragraphs, and for each picture its caption and its alt text.
 */
export function textFields(story: StoryDraft): TextField[] {
  const fields: TextField[] = [{ field: 'title', text: story.title ?? '' }]
  if (story.dek) fields.push({ field: 'dek', text: story.dek })
  story.body.forEach((block, index) => {
    if (block.type !== 'image') fields.push({ field: 'body', block: index, text: block.text })
    else {
      if (block.caption) fields.push({ field: 'caption', block: index, text: block.caption })
      if (block.alt) fields.push({ field: 'alt', block: index, text: block.alt })
    }
  })
  return fields
}

export function spanLocation(field: TextField, start: number, end: number): FindingLocation {
  return field.block === undefined ? { field: field.field, start, end } : { field: field.field, block: field.block, start, end }
}

export function textEdit(field: TextField, start: number, end: number, text: string): TextEdit {
  return field.block === undefined ? { field: field.field, start, end, text } : { field: field.field, block: field.block, start, end, text }
}

type RuleIdentity = Pick<Rule, 'id' | 'severity'>

export function finding(rule: RuleIdentity, location: FindingLocation, message: LocalizedMessage, fix?: Fix): Finding {
  return fix
    ? { ruleId: rule.id, severity: rule.severity, message, location, fix }
    : { ruleId: rule.id, severity: rule.severity, message, location }
}

/** A finding on text[start, end) whose safe fix is a single replacement of that span (or of `editSpan`). */
export function replacementFinding(
  rule: RuleIdentity,
  field: TextField,
  start: number,
  end: number,
  replacement: string,
  message: LocalizedMessage,
  description: LocalizedMessage,
  editSpan: { start: number; end: number } = { start, end },
): Finding {
  return finding(rule, spanLocation(field, start, end), message, {
    safe: true,
    description,
    edits: [textEdit(field, editSpan.start, editSpan.end, replacement)],
  })
}

/** Runs a global regex over every text field; `onMatch` turns a match into findings (or nothing). */
export function scanText(
  story: StoryDraft,
  pattern: RegExp,
  onMatch: (match: RegExpExecArray, field: TextField, findings: Finding[]) => void,
): Finding[] {
  const findings: Finding[] = []
  for (const field of textFields(story)) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(field.text); match; match = pattern.exec(field.text)) {
      onMatch(match, field, findings)
      if (match[0] === '') pattern.lastIndex++
    }
  }
  return findings
}

// ——— Characters around a position ———

/** Chinese punctuation (GB/T 15834): a neighbour like this means we are in Chinese running text. */
const CHINESE_PUNCTUATION = new Set('，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕［］…—～·')
const CHINESE_CLOSING = new Set('”’）》〉」』】〕］')

export const HAN = new RegExp(HAN_CLASS)

/** Whether the code point ending just before `index` is Han (surrogate pairs included). */
export function hanBefore(text: string, index: number): boolean {
  if (index <= 0) return false
  const unit = text.charCodeAt(index - 1)
  const start = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 ? index - 2 : index - 1
  return isHanCodePoint(text.codePointAt(start)!)
}

/** Whether the code point starting at `index` is Han. */
export function hanAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isHanCodePoint(text.codePointAt(index)!)
}

/** Han or Chinese punctuation just before `index`: the text on that side is Chinese. */
export function chineseBefore(text: string, index: number): boolean {
  return hanBefore(text, index) || (index > 0 && CHINESE_PUNCTUATION.has(text[index - 1]))
}

/** Han or Chinese punctuation at `index`. */
export function chineseAt(text: string, index: number): boolean {
  return hanAt(text, index) || CHINESE_PUNCTUATION.has(text[index] ?? '')
}

/** Han or a closing Chinese mark (”）》…) just before `index`: what a sentence mark can follow. */
export function sentenceBefore(text: string, index: number): boolean {
  return hanBefore(text, index) || (index > 0 && CHINESE_CLOSING.has(text[index - 1]))
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t'

/** Start of the run of spaces/tabs that ends at `index`. */
export function spacesBefore(text: string, index: number): number {
  let start = index
  while (start > 0 && isBlank(text[start - 1])) start--
  return start
}

/** End of the run of spaces/tabs that starts at `index`. */
export function spacesAfter(text: string, index: number): number {
  let end = index
  while (end < text.length && isBlank(text[end])) end++
  return end
}

// ——— Encoding damage ———

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
/**
 * A `?` where a character was lost to a bad re-encoding, still followed by the remains of the `字(pīnyīn)`
 * reading it carried (`兼?zhèn)`), or the Unicode replacement character. Shared so the punctuation rule
 * leaves those `?` for a person instead of "fixing" them into `？`.
 */
export const LOST_CHARACTER = new RegExp(`\\uFFFD|[?？]\\(?[a-zü${TONE_VOWELS}]*[${TONE_VOWELS}][a-zü${TONE_VOWELS}]*\\)`, 'g')
const LOST_CHARACTER_AT = new RegExp(LOST_CHARACTER.source, 'y')

export function lostCharacterAt(text: string, index: number): boolean {
  LOST_CHARACTER_AT.lastIndex = index
  return LOST_CHARACTER_AT.test(text)
}

/** Quote a snippet in a message, the Chinese and the English way. */
export function quoted(snippet: string): { zh: string; en: string } {
  return { zh: `“${snippet}”`, en: `"${snippet}"` }
}
