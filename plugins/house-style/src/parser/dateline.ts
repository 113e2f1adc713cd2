/**
 * Finding the dateline (电头) at the start of a story's first paragraph.
 *
 * Forms: `新华社贵阳11月26日电`, `新华社北京11月26日专电`, `本报讯`, `本报兴义讯`, `黔西南日报6月3日讯`,
 * `亮点黔西南讯`, `新华网北京11月26日消息`, `据新华社电`; CNA's bracketed `（中央社記者黃名璽台北5日電）`;
 * English `WASHINGTON (AP) —` and `LONDON, Nov 26 (Reuters) -`.
 *
 * Only the start of a line is tried: a dateline quoted mid-story is not the story's dateline.
 * The kinds (电/讯/消息) are common words too (电视, 通讯员, 喜讯, 好消息), so a candidate without a date
 * must start with an outlet name; without a date or an outlet name, only `X讯` standing apart is taken.
 */
import type { DatelineKind } from '../types'
import { HAN_RANGES } from '../text/han'
import { CHINESE_DATE, ENGLISH_DATE, parseChineseDate, parseEnglishDate } from './dates'
import { isPlace, trailingPlaceLength } from './gazetteer'
import type { LineView } from './line-view'
import { looksLikeName } from './names'
import { OUTLET, isOutlet, outletPrefixLength } from './outlets'
import type { CreditSpan } from './credits'

export interface DatelineMatch {
  /** The dateline as written (pinyin artifacts removed, script unchanged), without credits. */
  text: string
  outlet: string | null
  place: string | null
  date: string | null
  kind: DatelineKind
  /** Offset in the line's clean/match text where the dateline (and anything consumed with it) ends. */
  end: number
  /** Reporters written inside the dateline (CNA). */
  credits: CreditSpan[]
}

/** A date (optional) and a kind, anywhere in the head of the line; candidates are validated one by one. */
const CANDIDATE = new RegExp(`(${CHINESE_DATE})?(专电|专讯|电|讯|消息)`, 'g')
/** Outlet and place: Han, Latin letters, digits, interpuncts and dashes, nothing sentence-like. */
const PRE = new RegExp(`^[${HAN_RANGES}A-Za-z0-9·\\-－]{2,20}$`)
/** Characters of sentences, not of outlet or place names. */
const SENTENCE_CHARS = /[的了是在和与从向对把被将就也都而说称我你他她它这那有记者]|通讯员/
/** What may follow the kind: a break, brackets, the credit or the lede's punctuation. */
const AFTER_KIND = /^(?:$|[\s（(【[\]】〔：:，,—\-|｜·])/
/** 通讯员, 通讯社, 讯息; 电视, 电话, 电台…; 消息人士: the kind word is part of a longer word. */
const KIND_INSIDE_WORD: Record<string, RegExp> = {
  讯: /^[员社息录号问]/,
  电: /^[视话脑影力网台子器站报邮商池梯源动气流压车机厂费量价线缆竞信]/,
  专电: /^[视话脑影力网台子器站]/,
  专讯: /^[员社息]/,
  消息: /^[人源]/,
}
/** 喜讯, 快讯, 资讯, 通讯…: a character that makes 讯 an ordinary word rather than a dateline. */
const NOT_XUN_AFTER = /[喜快简资通音短电传闻死审提问质视警要来凶噩]$/

function chineseDateline(view: LineView, offset = 0): DatelineMatch | null {
  const { match, clean } = view
  const ju = offset + (match.startsWith('据', offset) ? 1 : 0)
  const head = match.slice(0, offset + 48)
  CANDIDATE.lastIndex = ju
  for (let m = CANDIDATE.exec(head); m; m = CANDIDATE.exec(head)) {
    const [whole, dateText, kind] = m
    const preEnd = m.index
    const kindStart = preEnd + (dateText?.length ?? 0)
    const end = preEnd + whole.length
    const pre = match.slice(ju, preEnd)
    const after = match.slice(end, end + 2)
    if (!PRE.test(pre) || SENTENCE_CHARS.test(pre) || KIND_INSIDE_WORD[kind].test(after)) continue
    const outletLength = outletPrefixLength(pre)
    const glued = !AFTER_KIND.test(after)
    if (!dateText) {
      if (kind === '讯' || kind === '专讯') {
        if (!outletLength && (glued || pre.length > 12 || NOT_XUN_AFTER.test(pre))) continue
      } else if (!outletLength) continue
    } else if (glued && !outletLength && !isOutlet(pre)) {
      // `北京11月26日电近日…` without an outlet is fine; glued text after a non-outlet, non-place is not.
      if (!isPlace(pre)) continue
    }
    const split = splitOutletPlace(pre, outletLength)
    if (!split) continue
    const slice = (a: number, b: number) => (b > a ? clean.slice(ju + a, ju + b) : null)
    return {
      text: clean.slice(offset, end),
      outlet: slice(0, split.outlet),
      place: slice(split.outlet, pre.length),
      date: dateText ? parseChineseDate(dateText) : null,
      kind: normaliseKind(match.slice(kindStart, end)),
      end,
      credits: [],
    }
  }
  return null
}

/** Where the outlet ends in `pre` (the rest is the place), or null when the rest cannot be a place. */
function splitOutletPlace(pre: string, outletLength: number): { outlet: number } | null {
  if (outletLength) {
    const place = pre.slice(outletLength)
    // 新华社贵阳 → place 贵阳; a long remainder means the outlet guess was wrong: keep it all as outlet.
    return { outlet: place.length > 10 ? pre.length : outletLength }
  }
  // 北京11月26日电: a known place without an outlet. Otherwise the name is the outlet (亮点黔西南讯).
  return { outlet: isPlace(pre) ? 0 : pre.length }
}

/** 专讯 (明報專訊) is a 讯; 电 and its 電 fold to 电. */
function normaliseKind(kind: string): DatelineKind {
  if (kind === '专电' || kind === '讯' || kind === '消息') return kind
  return kind === '专讯' ? '讯' : '电'
}

/**
 * CNA: `（中央社記者黃名璽台北5日電）`, `（中央社記者黃名璽、陳家倫華盛頓4日專電）`, `（中央社台北5日電）`,
 * `（中央社華府4日綜合外電報導）`. The reporter's name is glued to the place: the gazetteer finds the place.
 */
const CNA = new RegExp(
  `^[（(](${OUTLET})(记者|特派员|特约记者|驻[${HAN_RANGES}]{1,6}?(?:特派员|记者))?([^（()）0-9０-９]{0,24}?)(${CHINESE_DATE})?(综合外电报导|综合外电报道|综合报导|综合报道|专电|电|讯)[）)]`,
)

function cnaDateline(view: LineView): DatelineMatch | null {
  const { match, clean } = view
  const m = CNA.exec(match)
  if (!m) return null
  const [whole, outlet, role, middle, dateText, kind] = m
  const middleStart = 1 + outlet.length + (role?.length ?? 0)
  let placeStart = middleStart
  const credits: CreditSpan[] = []
  if (role) {
    const split = splitNamesAndPlace(middle)
    if (!split) return null
    for (const [a, b] of split.names) credits.push({ start: middleStart + a, end: middleStart + b, role: 'reporter' })
    placeStart = middleStart + split.placeStart
  } else if (middle.length > 10) return null
  const placeEnd = middleStart + middle.length
  const kindStart = placeEnd + (dateText?.length ?? 0)
  const kindEnd = kindStart + kind.length
  return {
    text: clean.slice(1, 1 + outlet.length) + clean.slice(placeStart, kindEnd),
    outlet: clean.slice(1, 1 + outlet.length),
    place: placeEnd > placeStart ? clean.slice(placeStart, placeEnd) : null,
    date: dateText ? parseChineseDate(dateText) : null,
    kind: kind.startsWith('综合') ? '电' : normaliseKind(kind),
    end: whole.length,
    credits,
  }
}

/** `黄名玺台北` → names [[0,3]], place from 3; `黄名玺、陈家伦华盛顿` → two names. */
function splitNamesAndPlace(middle: string): { names: [number, number][]; placeStart: number } | null {
  const lastSep = Math.max(middle.lastIndexOf('、'), middle.lastIndexOf('，'))
  const tail = middle.slice(lastSep + 1)
  let placeLength = trailingPlaceLength(tail)
  // Unknown place: Chinese names are mostly three characters.
  if (!placeLength && tail.length >= 5) placeLength = tail.length - 3
  const placeStart = middle.length - placeLength
  const names: [number, number][] = []
  let at = 0
  for (const part of middle.slice(0, placeStart).split(/[、，]/)) {
    if (part && !looksLikeName(part) && part.length > 4) return null
    if (part) names.push([at, at + part.length])
    at += part.length + 1
  }
  return names.length ? { names, placeStart } : null
}

/** `WASHINGTON (AP) —`, `SAN JUAN, Puerto Rico (AP) —`, `LONDON, Nov 26 (Reuters) -`. */
const ENGLISH = /^([A-Z][^()]{0,60}?)\s*\(([A-Z][A-Za-z.&' -]{0,30})\)\s*(?:—|–|―|--|-)/
const CAPS_PLACE = /^[A-Z][A-Z.'’\-/ ]*[A-Z.]$/
const REGION = /^[A-Z][A-Za-z.'’ -]*$/

function englishDateline(view: LineView): DatelineMatch | null {
  const m = ENGLISH.exec(view.clean)
  if (!m) return null
  const [whole, head, outlet] = m
  const parts = head.split(/\s*,\s*/)
  if (!CAPS_PLACE.test(parts[0])) return null
  let date: string | null = null
  const place: string[] = [parts[0]]
  for (const part of parts.slice(1)) {
    if (ENGLISH_DATE.test(part)) date = parseEnglishDate(part)
    else if (/^\d{4}$/.test(part) && date) date = `${part}-${date}`
    else if (REGION.test(part) && !date) place.push(part)
    else return null
  }
  return { text: whole, outlet, place: place.join(', '), date, kind: '电', end: whole.length, credits: [] }
}

/** The dateline at the start of this line, if any. */
export function findDateline(view: LineView): DatelineMatch | null {
  const first = view.match[0]
  if (first === '（' || first === '(') return cnaDateline(view)
  if (/[A-Z]/.test(first ?? '')) return englishDateline(view)
  if (first === '【' || first === '[') {
    // 【明報專訊】, 【新华社北京11月26日电】: the dateline fills the brackets.
    const found = chineseDateline(view, 1)
    return found && view.match[found.end] === (first === '【' ? '】' : ']') ? { ...found, end: found.end + 1 } : null
  }
  return chineseDateline(view)
}
