/**
 * The dateline and credit lines a reporter typed into the body instead of the story's fields
 * (`亮点黔西南讯 按照…`, `…支部。（丁宪民 报道）`), as the legacy parser reads them. Shared by
 * no-dateline-in-body and no-byline-in-body, and parsed once per body.
 */
import { findDateline, parseStory, viewLine, type ParsedDateline } from '../parser/index'
import { stripPinyinArtifacts } from '../text/pinyin-artifact'
import type { Credit, StoryDraft } from '../types'

/** A span of one body block that the parser took out of the body. */
export interface TypedSpan {
  block: number
  start: number
  end: number
  /** The span as written (for messages). */
  text: string
  /** The credits written in this span. */
  credits: Credit[]
}

export interface TypedFurniture {
  dateline: (TypedSpan & { dateline: ParsedDateline }) | null
  /** Credit lines and brackets, in body order. */
  credits: TypedSpan[]
}

/**
 * The parser reads datelines and credits only near the ends of a story: up to two byline lines, a
 * subtitle and the dateline paragraph at the top, the last eight lines at the bottom. Passing it just
 * those keeps this rule cheap on long stories.
 */
const HEAD_BLOCKS = 4
const TAIL_BLOCKS = 8
/** What separates a dateline or credit from the lede (the parser drops these with it). */
const SEPARATORS = /[\s：:，,—–\-|｜]*/y

const NOTHING: TypedFurniture = { dateline: null, credits: [] }

/**
 * The answers for the bodies read last, keyed by what the parser reads. Both rules ask about the same body in one
 * lint, and the same body is linted again and again: an imported story by the fixer's passes and then by the save
 * hook (a batch of 200 stories apart; the archive importer reads on a thread of its own and hands its answers to
 * the saving thread: rememberTypedFurniture), a reporter's story by the admin's lint and then its save. Reading it costs a
 * parse; remembering it, its key. The keys together stay under REMEMBERED_CHARACTERS (about 8 MB): some 1,600
 * windows of ordinary news paragraphs, fewer of long ones. An answer may be shared by many lints, so it is frozen.
 */
const REMEMBERED_CHARACTERS = 4_000_000
const answers = new Map<string, TypedFurniture>()
let remembered = 0

export function typedFurniture(story: StoryDraft): TypedFurniture {
  const window = parserWindow(story)
  return answerFor(windowKey(window), window)
}

function answerFor(key: string, window: WindowLine[]): TypedFurniture {
  const found = answers.get(key)
  if (!found) return remember(key, readBody(window))
  // Most recently used last: the oldest entries are the first to go.
  answers.delete(key)
  answers.set(key, found)
  return found
}

/** The body's answer with its key, to be remembered by another thread (the archive importer reads on one). */
export interface RememberedFurniture {
  key: string
  answer: TypedFurniture
}

export function recallTypedFurniture(story: StoryDraft): RememberedFurniture {
  const window = parserWindow(story)
  const key = windowKey(window)
  return { key, answer: answerFor(key, window) }
}

/** An answer read on another thread: the key is what the parser reads, so the answer is this thread's too. */
export function rememberTypedFurniture({ key, answer }: RememberedFurniture): void {
  if (!answers.has(key)) remember(key, answer)
}

const windowKey = (window: WindowLine[]) => window.map((t) => `${t.block}\u0000${t.line}`).join('\n')

/** A new answer, remembered as the most recent; the oldest go while the keys exceed REMEMBERED_CHARACTERS. */
function remember(key: string, answer: TypedFurniture): TypedFurniture {
  const found = frozen(answer)
  answers.set(key, found)
  remembered += key.length
  for (const oldest of answers.keys()) {
    if (remembered <= REMEMBERED_CHARACTERS || oldest === key) break
    answers.delete(oldest)
    remembered -= oldest.length
  }
  return found
}

function frozen(found: TypedFurniture): TypedFurniture {
  const spans = found.dateline ? [found.dateline, ...found.credits] : found.credits
  for (const span of spans) {
    span.credits.forEach((credit) => Object.freeze(credit))
    Object.freeze(span.credits)
    Object.freeze(span)
  }
  if (found.dateline) Object.freeze(found.dateline.dateline)
  Object.freeze(found.credits)
  return Object.freeze(found)
}

interface Cut {
  block: number
  start: number
  end: number
  line: string
}

interface WindowLine {
  block: number
  line: string
}

/** The text blocks at the top and bottom of the body, one line each. */
function parserWindow(story: StoryDraft): WindowLine[] {
  const texts: WindowLine[] = []
  story.body.forEach((block, index) => {
    // One line per block: a stray line break would make the parser see two paragraphs (same length, same offsets).
    if (block.type !== 'image' && block.text.trim()) texts.push({ block: index, line: block.text.replace(/[\r\n]/g, ' ') })
  })
  return texts.length <= HEAD_BLOCKS + TAIL_BLOCKS ? texts : [...texts.slice(0, HEAD_BLOCKS), ...texts.slice(-TAIL_BLOCKS)]
}

function readBody(window: WindowLine[]): TypedFurniture {
  const parsed = parseStory(window.map((t) => t.line).join('\n'), { bodyOnly: true })
  if (!parsed.dateline && !parsed.credits.length) return NOTHING

  const cuts = cutsOf(
    window,
    parsed.body.map((b) => (b.type === 'image' ? '' : b.text)),
  )
  let dateline: TypedFurniture['dateline'] = null
  const spans: Cut[] = []
  for (const cut of cuts) {
    const split: number | null = parsed.dateline && !dateline && cut.start === 0 ? datelineEnd(cut) : null
    if (split === null) {
      spans.push(cut)
      continue
    }
    dateline = { ...span(cut, 0, split), credits: [], dateline: parsed.dateline! }
    if (split < cut.end) spans.push({ ...cut, start: split })
  }

  // Each credit belongs to the span that names it; credits written inside a dateline (CNA) go with it.
  const unclaimed = [...parsed.credits]
  const claim = (text: string) => {
    const clean = stripPinyinArtifacts(text)
    const mine = unclaimed.filter((credit) => clean.includes(credit.name))
    mine.forEach((credit) => unclaimed.splice(unclaimed.indexOf(credit), 1))
    return mine
  }
  if (dateline) dateline.credits = claim(dateline.text)
  const credits = spans
    .map((cut) => {
      const typed = span(cut, cut.start, cut.end)
      return { ...typed, credits: claim(typed.text) }
    })
    .filter((typed) => typed.credits.length)
  return { dateline, credits }
}

function span(cut: Cut, start: number, end: number): TypedSpan {
  return { block: cut.block, start, end, text: cut.line.slice(start, end).trim(), credits: [] }
}

/** Where the dateline at the start of a cut ends, with the separators after it; null when it has none. */
function datelineEnd(cut: Cut): number | null {
  const lead = cut.line.length - cut.line.trimStart().length
  const view = viewLine(cut.line.slice(lead, cut.end))
  const match = findDateline(view)
  if (!match) return null
  SEPARATORS.lastIndex = lead + view.toOriginal(match.end)
  SEPARATORS.test(cut.line)
  return Math.min(SEPARATORS.lastIndex, cut.end)
}

/**
 * What the parser cut from each line: walking the lines and the blocks it kept side by side, a kept text
 * is the whole line, a part of it (head and/or tail cut), or the line is gone (a credit or dateline line).
 */
function cutsOf(lines: WindowLine[], kept: string[]): Cut[] {
  const cuts: Cut[] = []
  let next = 0
  for (const { block, line } of lines) {
    const lead = line.length - line.trimStart().length
    const text = line.trim()
    const keptText = kept[next]
    const at = keptText ? text.indexOf(keptText) : -1
    if (at === -1) {
      cuts.push({ block, start: 0, end: line.length, line })
      continue
    }
    next++
    if (at > 0) cuts.push({ block, start: 0, end: lead + at, line })
    const tail = lead + at + keptText.length
    if (tail < lead + text.length) cuts.push({ block, start: tail, end: line.length, line })
  }
  return cuts
}
