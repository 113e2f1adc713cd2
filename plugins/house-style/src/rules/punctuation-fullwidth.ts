/**
 * GB/T 15834-2011: Chinese running text uses full-width punctuation. Only marks that touch Chinese are
 * changed, so numbers (2,000), times (10:30), URLs, English sentences and Latin glosses like
 * `兴仁 (Xīngrén)` are left alone.
 */
import type { Finding, LocalizedMessage, Rule, StoryDraft } from '../types'
import {
  chineseAt,
  chineseBefore,
  finding,
  hanAt,
  lostCharacterAt,
  quoted,
  replacementFinding,
  sentenceBefore,
  spacesAfter,
  spacesBefore,
  spanLocation,
  textEdit,
  textFields,
  type TextField,
} from './support'

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' }

/** Ellipsis runs first so their dots never reach the single-mark branch. */
const MARKS = /\.{2,}|。{3,}|…+|[,;:?!.]/g
const PARENTHESES = /[()]/g
const STRAIGHT_QUOTE = /"/g

/** `一.` opening a list item: the desk writes `一、`, and `。` would be wrong, so a person decides. */
const LIST_NUMBER_BEFORE = /(?:^|[\s，。；：！？])[一二三四五六七八九十]+$/

const GBT = { zh: '（GB/T 15834—2011）', en: ' (GB/T 15834-2011)' }

export const punctuationFullwidth: Rule = {
  id: 'punctuation-fullwidth',
  severity: 'error',
  meta: {
    description: {
      zh: '中文语句中的标点使用全角：，；：？！（）“”……',
      en: 'Chinese text uses full-width punctuation: ，；：？！（）“” and ……',
    },
  },
  check(story: StoryDraft): Finding[] {
    const findings: Finding[] = []
    for (const field of textFields(story)) {
      checkMarks(field, findings)
      checkPairs(field, PARENTHESES, '(', '（', '）', findings)
      checkPairs(field, STRAIGHT_QUOTE, '"', '“', '”', findings)
    }
    return findings
  },
}

type Wording = { message: LocalizedMessage; description: LocalizedMessage }

/** Messages by mark, built once: a pasted story can have hundreds of the same half-width comma. */
const markWordings = new Map<string, Wording>()
const MAX_WORDINGS = 1_000

function markWording(from: string, to: string): Wording {
  const key = `${from}\u0000${to}`
  let wording = markWordings.get(key)
  if (!wording) {
    const a = quoted(from)
    const b = quoted(to)
    wording = {
      message: {
        zh: `中文语句中的半角标点${a.zh}应改为全角${b.zh}${GBT.zh}`,
        en: `Half-width ${a.en} in Chinese text should be the full-width ${b.en}${GBT.en}`,
      },
      description: { zh: `改为${b.zh}`, en: `Replace with ${b.en}` },
    }
    if (markWordings.size >= MAX_WORDINGS) markWordings.clear()
    markWordings.set(key, wording)
  }
  return wording
}

function markFinding(field: TextField, start: number, end: number, to: string, editEnd: number): Finding {
  const { message, description } = markWording(field.text.slice(start, end), to)
  return replacementFinding(punctuationFullwidth, field, start, end, to, message, description, { start, end: editEnd })
}

/** Whether text[from, to) has a Han character, without copying it out. */
function hanBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (hanAt(text, i)) return true
  return false
}

function checkMarks(field: TextField, findings: Finding[]): void {
  const { text } = field
  MARKS.lastIndex = 0
  for (let match = MARKS.exec(text); match; match = MARKS.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    const mark = match[0]
    const chinese = chineseBefore(text, start) || chineseAt(text, end)

    if (mark[0] === '…') {
      // …… (and ………… for a paragraph) are right; a lone … or an odd run is a half-typed ellipsis.
      if (mark.length % 2 === 1 && chinese) findings.push(markFinding(field, start, end, '……', end))
    } else if (mark[0] === '。') {
      findings.push(markFinding(field, start, end, '……', end))
    } else if (mark.length > 1) {
      // "..": not an ellipsis, leave it to a person; "..." next to Chinese is a typed ellipsis.
      if (mark.length >= 3 && chinese) findings.push(markFinding(field, start, end, '……', end))
    } else if (mark === '.') {
      // A period that ends a Chinese sentence: after Han, before the end, a space or more Chinese.
      const next = text[end]
      const sentenceEnd = next === undefined || next === ' ' || next === '\t' || chineseAt(text, end)
      const listNumber = LIST_NUMBER_BEFORE.test(text.slice(Math.max(0, start - 4), start))
      if (sentenceBefore(text, start) && sentenceEnd && !listNumber)
        findings.push(markFinding(field, start, end, '。', spacesAfter(text, end)))
    } else if (chinese && !(mark === '?' && lostCharacterAt(text, start))) {
      // Full-width marks carry their own spacing, so spaces typed after them go too.
      findings.push(markFinding(field, start, end, FULL_WIDTH[mark], spacesAfter(text, end)))
    }
  }
}

/**
 * Parentheses and straight double quotes around Chinese become full-width. Parentheses pair by nesting
 * (so `(居、社区(qū))` pairs the outer ones), quotes in order of appearance (an odd count is ambiguous: skipped).
 * Pairs around Latin only (`(Xīngrén)`, `(AP)`) and pairs inside English sentences stay as they are.
 */
function checkPairs(field: TextField, pattern: RegExp, open: string, fullOpen: string, fullClose: string, findings: Finding[]): void {
  const { text } = field
  const pairs: [number, number][] = []
  const openings: number[] = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (open === '"') {
      if (openings.length) pairs.push([openings.pop()!, match.index])
      else openings.push(match.index)
    } else if (match[0] === open) openings.push(match.index)
    else if (openings.length) pairs.push([openings.pop()!, match.index])
  }
  if (open === '"' && openings.length) return

  for (const [start, close] of pairs) {
    if (!hanBetween(text, start + 1, close)) continue
    const before = spacesBefore(text, start)
    const after = spacesAfter(text, close + 1)
    const outsideChinese = before === 0 || chineseBefore(text, before) || after === text.length || chineseAt(text, after)
    if (!outsideChinese) continue
    const a = quoted(`${text[start]}…${text[close]}`)
    const b = quoted(`${fullOpen}…${fullClose}`)
    findings.push(
      finding(
        punctuationFullwidth,
        spanLocation(field, start, close + 1),
        {
          zh: `中文内容外的半角${a.zh}应改为全角${b.zh}${GBT.zh}`,
          en: `Half-width ${a.en} around Chinese text should be the full-width ${b.en}${GBT.en}`,
        },
        {
          safe: true,
          description: { zh: `改为${b.zh}`, en: `Replace with ${b.en}` },
          edits: [
            // Spaces between Han and a full-width bracket are dropped: the bracket carries its own spacing.
            textEdit(field, before > 0 && chineseBefore(text, before) ? before : start, start + 1, fullOpen),
            textEdit(field, close, after < text.length && chineseAt(text, after) ? after : close + 1, fullClose),
          ],
        },
      ),
    )
  }
}
