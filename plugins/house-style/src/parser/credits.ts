/**
 * Reading Chinese credit lines: `记者 王丽 李平 通讯员 赵一`, `记者张三`, `丁宪民 报道`, `文/图 张三`,
 * `作者：张三`, `张三 李四 摄`, `本报驻京记者 张三、李四`.
 *
 * Two modes:
 * - bounded: the range is known to be a credit (inside brackets, or a whole line); every character
 *   must be a role word, a name or a separator, otherwise it is not a credit at all.
 * - lead: credits without brackets right after a dateline (`晚报讯 记者 张三 李四 近日，…`); names
 *   are read strictly (surname first, 2–4 characters, delimited) and reading stops where the lede starts.
 *
 * Works on simplified text (LineView.match); spans are offsets the caller slices from the original script.
 */
import type { CreditRole } from '../types'
import { HAN_RANGES } from '../text/han'
import { CHINESE_DATE } from './dates'
import { isPlace, leadingPlaceLength } from './gazetteer'
import { isNotName, looksLikeName, splitGluedNames } from './names'
import { isOutlet, OUTLET, outletPrefix, outletPrefixLength } from './outlets'
import { EDITOR_PREFIX, REPORTER_PREFIX, ROLE_WORDS, type RoleWord } from './roles'

export interface CreditSpan {
  start: number
  end: number
  role: CreditRole
}

export interface CreditScan {
  credits: CreditSpan[]
  /** Where the credit text ends (lead mode: where the lede starts, before any separators). */
  end: number
  /** How many role words were read. */
  roleWords: number
  /**
   * Where the reporter filed from, when the credit says it (`記者王小明／台北報導`, `北京报道联合报`,
   * `（腾讯体育 张三 2月8日东莞报道）`): the dateline parts in order (outlet, date, place + 报道, outlet).
   * Only set when one of them is a place.
   */
  filed: { start: number; end: number }[] | null
}

export interface ScanOptions {
  mode: 'bounded' | 'lead'
  /** Role for names no role word applies to (a bare `（王丽）` after a dateline); null rejects them. */
  defaultRole: CreditRole | null
}

type Token = { kind: 'role'; word: RoleWord; start: number; end: number } | { kind: 'name'; start: number; end: number; bare: boolean }

/** □ stands in for a character the page could not show (鄭□): part of the name it sits in. */
const RUN_CHAR = new RegExp(`[${HAN_RANGES}·•・‧□]`)
const SEPARATOR = /[\s、，,；;：:|｜/／\\]/
/** In lead mode a comma or semicolon ends the credit: the lede follows. */
const LEAD_END = /[，,；;]/
/** Words a lede starts with, for names glued to it: 记者 张三近日… */
const LEDE_OPENER = /^(?:近日|日前|昨日|今日|近期|目前|今天|昨天|当天|今年|去年|本周|上周|连日|获悉|从|在|于|对|到|赴|与|和|随)/

/** Roles whose titles may carry a desk or an outlet before them (南都见习记者, 职工通讯员, 观察者网专栏作者). */
const TITLED = new Set<CreditRole>(['reporter', 'correspondent', 'intern', 'contributor', 'photographer'])
/** What may follow an outlet inside a title: 南都见习记者, 观察者网专栏作者. */
const TITLE_TAIL = /^(?:首席|特派|特约|实习|见习|驻站|专栏|资深|全媒体|融媒体?|新媒体|记者站)*$/

/**
 * Words glued before a role word that belong to it rather than being a name: 本报记者, 新华社记者,
 * 本报驻京记者, 本期编辑, and the place in `张三 北京报道`. `bounded`: the range is known to be a credit,
 * so anything before a title that cannot be read as names is part of the title (职工通讯员, 总监制).
 */
function absorbsPrefix(word: RoleWord, prefix: string, bounded: boolean): boolean {
  if (word.role === 'reporter' && word.use === 'post') return isPlace(prefix) || (prefix.length <= 5 && !splitGluedNames(prefix))
  if (word.use !== 'pre') return false
  // 新华社记者, 光明日报通讯员: an outlet before any role word; 南都见习记者: an outlet and a title.
  if (isOutlet(prefix)) return true
  const outlet = outletPrefixLength(prefix)
  if (outlet && TITLE_TAIL.test(prefix.slice(outlet))) return true
  if ((word.word.endsWith('记者') || word.word === '特派员') && REPORTER_PREFIX.test(prefix)) return true
  if (word.word.endsWith('编辑') && EDITOR_PREFIX.test(prefix)) return true
  if (bounded && (TITLED.has(word.role) || word.role === 'editor')) return prefix.length <= 12 && !splitGluedNames(prefix)
  return false
}

/** Endings of organisation names (offices, bureaux, committees, centres, societies). */
const ORGANISATION_SUFFIX = /(?:办|局|委|部|厅|中心|协会|学会|公司|集团|医院|学校|大学|学院|支部|党委|科|处|所|站|队|馆)$/

/** `（记者 张三 发自北京）`: where the reporter filed from is not a name. */
const FILED_FROM = /^发自.{1,8}$/

const DATE_AT = new RegExp(CHINESE_DATE, 'y')
/** Role words by first character (longest first), so reading a run does not try every word at every place. */
const ROLES_BY_FIRST = new Map<string, RoleWord[]>()
for (const word of ROLE_WORDS) ROLES_BY_FIRST.set(word.word[0], [...(ROLES_BY_FIRST.get(word.word[0]) ?? []), word])

class Tokenizer {
  readonly tokens: Token[] = []
  /** Dateline parts met in a bounded credit (outlet, date, place + 报道), and whether one was a place. */
  readonly filed: { start: number; end: number }[] = []
  filedPlace = false
  /** An outlet after a slash (`石佳/中国青年报`): it vouches that the names before it are its reporters. */
  outletAfterSlash = false
  constructor(
    private readonly s: string,
    private readonly lead: boolean,
  ) {}

  /** Tokenizes s[from, to); returns where reading stopped (to when all was read), or -1 (bounded failure). */
  run(from: number, to: number): number {
    const { s } = this
    let i = from
    while (i < to) {
      const ch = s[i]
      if (SEPARATOR.test(ch)) {
        if (this.lead && LEAD_END.test(ch)) return i
        i++
        continue
      }
      if (!this.lead) {
        DATE_AT.lastIndex = i
        const date = DATE_AT.exec(s)
        if (date && date.index === i && i + date[0].length <= to) {
          // （腾讯体育 张三 2月8日东莞报道）: the date belongs to the dateline written inside the credit.
          this.filed.push({ start: i, end: i + date[0].length })
          i += date[0].length
          continue
        }
      }
      if (!RUN_CHAR.test(ch)) return this.lead ? i : -1
      let j = i
      while (j < to && RUN_CHAR.test(s[j])) j++
      const stopped = this.readRun(i, j, j === to || SEPARATOR.test(s[j]))
      if (stopped < j) return this.lead ? stopped : -1
      i = j
    }
    return to
  }

  /**
   * Bounded only: an outlet (聯合報 after 台北報導, 腾讯体育 before the names) or a place glued to an
   * outlet (台北聯合報) is part of the dateline the credit carries, not a name.
   */
  private outletOrPlace(start: number, end: number): boolean {
    const chunk = this.s.slice(start, end)
    // 中国青年报 could be cut into names; an outlet with a media word of two characters or more is not one.
    const outlet = outletPrefix(chunk)
    const strong = outlet?.length === chunk.length && outlet.strength >= 2
    if (!strong && splitGluedNames(chunk)) return false
    const place = outlet?.strength === 3 && strong ? 0 : leadingPlaceLength(chunk)
    if (/[/／]\s*$/.test(this.s.slice(Math.max(0, start - 2), start)) && this.tokens.some((t) => t.kind === 'name'))
      this.outletAfterSlash = true
    if (place && isOutlet(chunk.slice(place))) {
      this.filed.push({ start, end })
      this.filedPlace = true
      return true
    }
    if (!isOutlet(chunk)) return false
    this.filed.push({ start, end })
    return true
  }

  /** A role word allowed at i in the run [a, b): single characters (文, 图, 摄) only stand alone, or 摄 right after a name. */
  private roleAt(i: number, a: number, b: number): RoleWord | undefined {
    for (const word of ROLES_BY_FIRST.get(this.s[i]) ?? []) {
      if (!this.s.startsWith(word.word, i)) continue
      if (word.glued) return word
      const alone = i === a && i + word.word.length === b
      const trailingShe = word.word === '摄' && i + 1 === b && i - a >= 2
      if (alone || trailingShe) return word
    }
    return undefined
  }

  /** Splits a run into role words and names; returns where it stopped (b when fully read). */
  private readRun(a: number, b: number, delimited: boolean): number {
    // 城市摄影队 周斌 摄: a team or office standing before its people, even with a role word inside its name.
    const run = this.s.slice(a, b)
    if (
      !this.lead &&
      run.length >= 3 &&
      ORGANISATION_SUFFIX.test(run) &&
      !splitGluedNames(run) &&
      !ROLE_WORDS.some((w) => run.endsWith(w.word))
    )
      return b
    let nameStart = a
    let i = a
    while (i < b) {
      const word = this.roleAt(i, a, b)
      if (!word) {
        i++
        continue
      }
      const prefix = this.s.slice(nameStart, i)
      const start = i > nameStart && absorbsPrefix(word, prefix, !this.lead) ? nameStart : i
      if (start < i && isPlace(prefix) && (word.role === 'reporter' || word.role === 'correspondent')) {
        // 台北報導, 北京报道, 华盛顿记者: the place the story was filed from.
        this.filed.push({ start: nameStart, end: word.use === 'post' ? i + word.word.length : i })
        this.filedPlace = true
      }
      const stopped = this.names(nameStart, start, true, a, b)
      if (stopped < start) return stopped
      this.pushRole(word, start, i + word.word.length)
      i += word.word.length
      nameStart = i
    }
    return this.names(nameStart, b, delimited, a, b)
  }

  /** `文/图`, `图/文`: two role words joined by a slash are one credit for writing and pictures. */
  private pushRole(word: RoleWord, start: number, end: number): void {
    const prev = this.tokens[this.tokens.length - 1]
    if (prev?.kind === 'role' && /^[/／]$/.test(this.s.slice(prev.end, start))) {
      const writing = prev.word.role === 'contributor' || word.role === 'contributor'
      prev.word = { ...word, role: writing ? 'contributor' : 'photographer', post: writing ? 'fill' : 'override' }
      prev.end = end
      return
    }
    this.tokens.push({ kind: 'role', word, start, end })
  }

  /** Reads names in [start, end); returns end when all were read, otherwise where reading stopped. */
  private names(start: number, end: number, delimited: boolean, runStart: number, runEnd: number): number {
    if (start >= end) return end
    const chunk = this.s.slice(start, end)
    if (!this.lead && FILED_FROM.test(chunk)) return end
    if (!this.lead && this.outletOrPlace(start, end)) return end
    // 县外事侨务办 张月亭, 医技药剂党支部: an organisation credited beside its person, not a name.
    if (!this.lead && chunk.length >= 3 && ORGANISATION_SUFFIX.test(chunk) && !splitGluedNames(chunk)) return end
    const cut = delimited ? splitGluedNames(chunk) : null
    if (cut && this.lead && chunk.length > 6) {
      // More than two names' worth glued together (记者梁爽通讯员易笑园相对于我国…): one name, then the lede.
      this.tokens.push({ kind: 'name', start, end: start + cut[0], bare: false })
      return start + cut[0]
    }
    if (cut) {
      let at = start
      for (const len of cut) {
        this.tokens.push({ kind: 'name', start: at, end: at + len, bare: false })
        at += len
      }
      return end
    }
    if (this.lead) {
      // A name glued to the lede: take it if what follows is how ledes open.
      for (const len of [3, 2]) {
        if (looksLikeName(chunk.slice(0, len)) && LEDE_OPENER.test(chunk.slice(len))) {
          this.tokens.push({ kind: 'name', start, end: start + len, bare: false })
          return start + len
        }
      }
      return start
    }
    // Bounded and written as its own token (王乐乐, 买买提): trust the brackets, if a role word applies.
    const alone = start === runStart && end === runEnd
    if (alone && chunk.length >= 2 && chunk.length <= 4 && !isNotName(chunk)) {
      this.tokens.push({ kind: 'name', start, end, bare: true })
      return end
    }
    return start
  }
}

/** Gives each name its role: pre words apply forward, post words back over their group. */
function assignRoles(tokens: Token[], defaultRole: CreditRole | null): CreditSpan[] | null {
  const credits: { start: number; end: number; role: CreditRole | null; explicit: boolean; bare: boolean }[] = []
  let group = 0
  let current: RoleWord | null = null
  tokens.forEach((token, index) => {
    if (token.kind === 'name') {
      credits.push({ start: token.start, end: token.end, role: current?.role ?? null, explicit: current !== null, bare: token.bare })
      return
    }
    const { word } = token
    let use = word.use
    if (use === 'either') {
      // 张三 摄 (names waiting for a role) vs 摄影 张三 (a name follows).
      const waiting = credits.slice(group).some((c) => !c.explicit)
      use = waiting ? 'post' : tokens[index + 1]?.kind === 'name' ? 'pre' : 'post'
    }
    if (use === 'pre') {
      current = word
      group = credits.length
      return
    }
    // 报道 fills every name still without a role (路前进、记者张占辉报道); 摄 overrides only its own group.
    for (const credit of credits.slice(word.post === 'fill' ? 0 : group)) {
      if (word.post === 'override' || credit.role === null) {
        credit.role = word.role
        credit.explicit = true
      }
    }
    current = null
    group = credits.length
  })
  const out: CreditSpan[] = []
  for (const c of credits) {
    const role = c.role ?? defaultRole
    // A bare token that no role word vouches for is not trusted as a name.
    if (!role || (c.bare && !c.explicit)) return null
    out.push({ start: c.start, end: c.end, role })
  }
  return out
}

/** Reads credits in s[from, to). Null when there is no credit there (bounded: when the range is not all credit). */
export function scanCredits(s: string, from: number, to: number, options: ScanOptions): CreditScan | null {
  const lead = options.mode === 'lead'
  const tokenizer = new Tokenizer(lead ? s : maskNonPersons(s, from, to), lead)
  const stopped = tokenizer.run(from, to)
  if (stopped < 0) return null
  let { tokens } = tokenizer
  if (lead) {
    // Keep up to the last name or post word; a trailing pre word (记者 followed by the lede) is the lede's.
    let last = tokens.length - 1
    while (last >= 0 && tokens[last].kind === 'role' && (tokens[last] as { word: RoleWord }).word.use === 'pre') last--
    tokens = tokens.slice(0, last + 1)
  }
  const roleWords = tokens.filter((t) => t.kind === 'role').length
  if (!tokens.some((t) => t.kind === 'name') || (lead && roleWords === 0)) return null
  const credits = assignRoles(tokens, options.defaultRole ?? (tokenizer.outletAfterSlash ? 'reporter' : null))
  if (!credits) return null
  const filed = tokenizer.filedPlace ? tokenizer.filed.sort((a, b) => a.start - b.start) : null
  return { credits, end: lead ? tokens[tokens.length - 1].end : to, roleWords, filed }
}

/** `《棱镜》作者`, `医技药剂党支部、药剂科供稿`, `受访者供图`: publications and organisations, not people. */
const PUBLICATION = /《[^《》]{1,16}》/g
/** Page-layout codes papers leave before a photo credit: `③2 王俊祥 摄`. */
const LAYOUT_CODE = /[\u2460-\u2473]\d{0,3}/g
const ORGANISATION = /([^\s/／|｜:：（）()]{2,40}?)(?:供稿|供图)(?=[\s/／|｜]|$)/g
/** `中新社发 李胜利 摄`: the agency distributing the photo, not a person. */
const DISTRIBUTED = new RegExp(`^(?:${OUTLET})发(?=[\\s\\u3000])`)

/** Blanks out (same length, so offsets hold) what a bounded credit may contain besides people and roles. */
function maskNonPersons(s: string, from: number, to: number): string {
  const part = s.slice(from, to)
  const masked = part
    .replace(DISTRIBUTED, (m) => ' '.repeat(m.length))
    .replace(PUBLICATION, (m) => ' '.repeat(m.length))
    .replace(LAYOUT_CODE, (m) => ' '.repeat(m.length))
    .replace(ORGANISATION, (m, who: string) => {
      // 沙坪坝区公安分局供图: an office, even if its characters could be cut into names.
      const people = who.split(/[、，,]/).every((n) => splitGluedNames(n) && !(n.length > 4 && ORGANISATION_SUFFIX.test(n)))
      return people ? m : ' '.repeat(m.length)
    })
  return masked === part ? s : s.slice(0, from) + masked + s.slice(to)
}
