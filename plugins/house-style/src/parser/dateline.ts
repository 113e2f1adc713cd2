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
import { isOutlet, OUTLET, outletPrefix } from './outlets'
import { scanCredits, type CreditSpan } from './credits'

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

/** A date (optional) and a kind, anywhere in the head of the line; candidates are weighed one by one. */
const CANDIDATE = new RegExp(`(${CHINESE_DATE})?(专电|专讯|电|讯|消息)`, 'g')
/** Outlet and place: Han, Latin letters, digits, interpuncts and dashes. */
const PRE = new RegExp(`^[${HAN_RANGES}A-Za-z0-9·\\-－]{2,20}$`)
/**
 * Characters common in sentences. They never reject an outlet name (成都商报, 南都, 东方在线 have them);
 * they only weigh against a name that has nothing else going for it (no media word, no date, no place).
 */
const SENTENCE_CHARS = /[的了是在和与从向对把被将就也都而说称我你他她它这那有]|记者|通讯员/
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
/**
 * A second, nested dateline right after the first: `新浪科技讯 北京时间9月11日凌晨消息`,
 * `XX体育讯　北京时间2月8日消息`, `拉萨讯`: part of the dateline, not of the lede.
 */
const NESTED = new RegExp(
  `^[\\s\\u3000]*(?:(?:北京|当地|台北|香港)时间)?(?:${CHINESE_DATE})(?:凌晨|清晨|早间|上午|中午|下午|傍晚|晚间|晚上|深夜)?(?:消息|电)`,
)
/** A syndication source right after the dateline, `台海网10月17日讯 据厦门晚报报道`: part of it, as 据新华社电 is. */
const NESTED_SOURCE = new RegExp(`^[\\s\\u3000]*据(${OUTLET})(?:${CHINESE_DATE})?(?:报道|消息|电)(?=[\\s\\u3000，,：:]|$)`)
/** `中国台湾网10月17日成都消息`: outlet, date, then the place. */
const OUTLET_DATE_PLACE = new RegExp(`^(.+?)(${CHINESE_DATE})(.+)$`)

function outletDatePlace(pre: string): { outlet: number; date: string; placeStart: number } | null {
  const m = OUTLET_DATE_PLACE.exec(pre)
  if (!m || !isOutlet(m[1]) || !isPlace(m[3])) return null
  return { outlet: m[1].length, date: m[2], placeStart: m[1].length + m[2].length }
}

/** How sure a candidate is: an outlet, a place, a date, a clean break after the kind. */
function weigh(pre: string, dated: boolean, kind: string, after: string): { outlet: number; place: boolean } | null {
  // `12月28日消息，…`: a date and a kind alone, standing apart from the lede.
  if (!pre) return dated && kind !== '讯' && /^[，,：:\s\u3000]/.test(after) ? { outlet: 0, place: false } : null
  if (!PRE.test(pre) || KIND_INSIDE_WORD[kind].test(after)) return null
  const glued = !AFTER_KIND.test(after)
  const outlet = outletPrefix(pre)
  const rest = outlet ? pre.slice(outlet.length) : pre
  const place = isPlace(pre)
  // An outlet followed by a place: 新华社贵阳, 东方在线上海, 本报兴义. A long unknown tail means it was a sentence.
  // 新京报快讯, 央视简讯: 快/简 make the kind, not a place.
  if (!dated && outletDatePlace(pre)) return { outlet: outletDatePlace(pre)!.outlet, place: false }
  const restOk =
    !rest || isPlace(rest) || (kind === '讯' && /^[快简]$/.test(rest)) || (dated && rest.length <= 6 && !SENTENCE_CHARS.test(rest))
  if (outlet && restOk && (outlet.strength > 1 || !SENTENCE_CHARS.test(pre.slice(0, outlet.length)))) {
    return { outlet: rest && !isPlace(rest) && !dated ? pre.length : outlet.length, place: false }
  }
  if (place) return dated || !glued ? { outlet: 0, place: true } : null
  // No outlet word, no place: the house's own masthead (亮点黔西南讯), short and standing apart.
  if (SENTENCE_CHARS.test(pre) || glued) return null
  if (!dated && kind !== '讯' && kind !== '专讯') return null
  if (!dated && (pre.length > 8 || NOT_XUN_AFTER.test(pre))) return null
  return { outlet: pre.length, place: false }
}

/**
 * `东方网特派记者姚莉莉6月17日消息`: the outlet, its reporter, then the date and kind. The dateline is the
 * outlet with the date and kind (东方网6月17日消息); the reporter is a credit.
 */
function creditInDateline(
  view: LineView,
  offset: number,
  from: number,
  preEnd: number,
  end: number,
  dateText: string,
  kind: string,
): DatelineMatch | null {
  const { match, clean } = view
  const outlet = outletPrefix(match.slice(from, preEnd))
  if (!outlet || AFTER_KIND.test(match.slice(end, end + 1)) === false) return null
  const scan = scanCredits(match, from + outlet.length, preEnd, { mode: 'bounded', defaultRole: null })
  if (!scan?.roleWords || scan.filed) return null
  return {
    text: clean.slice(offset, from + outlet.length).trim() + clean.slice(preEnd, end),
    outlet: clean.slice(from, from + outlet.length),
    place: null,
    date: parseChineseDate(dateText),
    kind: normaliseKind(kind),
    end,
    credits: scan.credits,
  }
}

/** `据中新网9月9日报道，…`: a dated report credited to an outlet, which is as good as 据中新网电. */
const REPORTED = new RegExp(`^据(${OUTLET})(${CHINESE_DATE})报道(?=[，,：:\\s\\u3000])`)

function reportedDateline(view: LineView, offset: number): DatelineMatch | null {
  const m = REPORTED.exec(view.match.slice(offset))
  if (!m) return null
  return {
    text: view.clean.slice(offset, offset + m[0].length),
    outlet: view.clean.slice(offset + 1, offset + 1 + m[1].length),
    place: null,
    date: parseChineseDate(m[2]),
    kind: '消息',
    end: offset + m[0].length,
    credits: [],
  }
}

function chineseDateline(view: LineView, offset = 0): DatelineMatch | null {
  const { match, clean } = view
  const ju = offset + (match.startsWith('据', offset) ? 1 : 0)
  const head = match.slice(0, offset + 48)
  CANDIDATE.lastIndex = ju
  for (let m = CANDIDATE.exec(head); m; m = CANDIDATE.exec(head)) {
    const [whole, dateText, kind] = m
    const preEnd = m.index
    const kindStart = preEnd + (dateText?.length ?? 0)
    let end = preEnd + whole.length
    const pre = match.slice(ju, preEnd)
    const weighed = weigh(pre, Boolean(dateText), kind, match.slice(end, end + 2))
    if (!weighed) {
      const fused = dateText ? creditInDateline(view, offset, ju, preEnd, end, dateText, kind) : null
      if (fused) return fused
      continue
    }
    let split = weighed.place ? 0 : weighed.outlet
    let placeEnd = pre.length
    let date = dateText ? parseChineseDate(dateText) : null
    const datePlace = dateText ? null : outletDatePlace(pre)
    if (datePlace) {
      date = parseChineseDate(datePlace.date)
      split = datePlace.outlet
      placeEnd = datePlace.placeStart
    }
    const slice = (a: number, b: number) => (b > a ? clean.slice(ju + a, ju + b) : null)
    let finalKind = normaliseKind(match.slice(kindStart, end))
    const nested = NESTED.exec(match.slice(end))
    if (nested) {
      date ??= parseChineseDate(
        /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日/.exec(nested[0])?.[0] ?? '',
      )
      finalKind = nested[0].endsWith('电') ? '电' : '消息'
      end += nested[0].length
    }
    const source = NESTED_SOURCE.exec(match.slice(end))
    if (source) end += source[0].length
    return {
      text: clean.slice(offset, end).trim(),
      outlet: slice(0, split),
      place: datePlace ? slice(placeEnd, pre.length) : slice(split, placeEnd),
      date,
      kind: finalKind,
      end,
      credits: [],
    }
  }
  return null
}

/** 专讯 (明報專訊) is a 讯; 电 and its 電 fold to 电; a bracketed 报道 (【Yahoo 新聞報道】) is a 讯. */
function normaliseKind(kind: string): DatelineKind {
  if (kind === '专电' || kind === '讯' || kind === '消息') return kind
  return kind === '专讯' || kind === '报道' ? '讯' : '电'
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

/**
 * What may stand before the dateline on its line: bullets (□ ■), a photo credit or syndication tag
 * (`受访者供图`, `视觉中国供图`, `新华社专供`, `张三 摄`) followed by a space.
 */
const LEADING = /^(?:[□■●○◆◇▲△★☆◎※▶►•·\s\u3000]+|[^\s\u3000，。,]{1,14}?(?:供图|专供|摄|图)[\s\u3000]+)+/

/** `综合消息，…`: a wire round-up with no outlet, place or date. */
const ROUND_UP = /^(综合消息|综述)(?=[，,：:\s\u3000])/

/** `(澳門電台消息)`, `（本报讯）`, `【Yahoo 新聞報道】`: the whole dateline in brackets. */
const BRACKETED = new RegExp(`^[（(【[]([${HAN_RANGES}A-Za-z0-9·\\-－ ]{2,30}?)(${CHINESE_DATE})?(专电|专讯|电|讯|消息|报道)[）)】\\]]`)

function bracketedDateline(view: LineView, offset: number): DatelineMatch | null {
  const m = BRACKETED.exec(view.match.slice(offset))
  if (!m) return null
  const [whole, name, dateText, kind] = m
  // 【本報綜合報道】: a round-up by the house.
  const compact = name.replace(/ /g, '').replace(/综合$/, '')
  const outlet = outletPrefix(compact)
  // The brackets hold an outlet (and maybe a place), never a sentence.
  if (!outlet || (outlet.length < compact.length && !isPlace(compact.slice(outlet.length)))) return null
  const inner = view.clean.slice(offset + 1, offset + whole.length - 1)
  const outletEnd = name.length - (compact.length - outlet.length)
  return {
    text: inner,
    outlet: view.clean.slice(offset + 1, offset + 1 + outletEnd).trim(),
    place: outlet.length < compact.length ? view.clean.slice(offset + 1 + outletEnd, offset + 1 + name.length) : null,
    date: dateText ? parseChineseDate(dateText) : null,
    kind: normaliseKind(kind),
    end: offset + whole.length,
    credits: [],
  }
}

function datelineAt(view: LineView, offset: number): DatelineMatch | null {
  const first = view.match[offset]
  if (first === '（' || first === '(') return (offset === 0 ? cnaDateline(view) : null) ?? bracketedDateline(view, offset)
  if (/[A-Z]/.test(first ?? '') && offset === 0) {
    const english = englishDateline(view)
    if (english) return english
  }
  if (first === '【' || first === '[') {
    // 【明報專訊】, 【新华社北京11月26日电】: the dateline fills the brackets.
    const found = chineseDateline(view, offset + 1)
    if (found && view.match[found.end] === (first === '【' ? '】' : ']')) return { ...found, end: found.end + 1 }
    return bracketedDateline(view, offset)
  }
  const roundUp = ROUND_UP.exec(view.match.slice(offset))
  if (roundUp) {
    return {
      text: view.clean.slice(offset, offset + roundUp[1].length),
      outlet: null,
      place: null,
      date: null,
      kind: '消息',
      end: offset + roundUp[1].length,
      credits: [],
    }
  }
  return reportedDateline(view, offset) ?? chineseDateline(view, offset)
}

/** The dateline at the start of this line (after bullets, a photo credit or a syndication tag), if any. */
export function findDateline(view: LineView): DatelineMatch | null {
  const found = datelineAt(view, 0)
  if (found) return found
  const lead = LEADING.exec(view.match)?.[0].length ?? 0
  return lead && lead < view.match.length ? datelineAt(view, lead) : null
}
