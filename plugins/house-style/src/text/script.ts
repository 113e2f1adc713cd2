/**
 * Simplified/traditional script: detection, conversion with OpenCC, and a cheap character-level
 * simplification that keeps UTF-16 offsets (for matching patterns on traditional text).
 *
 * Why tables: OpenCC converters are phrase-aware and right for output, but building one costs tens of
 * milliseconds and each call walks the text through its tries. Most characters convert the same way whatever
 * their neighbours (國 → 国), so OpenCC's own dictionaries are also read once into per-character tables,
 * together with the characters some phrase entry converts differently (乾隆 keeps 乾, 乾燥 → 干燥). A clause
 * without such a character converts by table look-up; only a clause with one goes through OpenCC.
 */
import OpenCC from 'opencc-js'
import type { ConverterFunction, DictLike } from 'opencc-js'
import type { HouseScript, Script } from '../types'

/**
 * Characters the OpenCC tables change but that its phrase tables also keep unchanged in some words
 * (皇后, 公里, 台风; 乾隆, 於姓), i.e. characters legitimately written in both scripts.
 * They prove nothing about the script, so detection ignores them.
 * Derived from opencc-js 1.4.2: a changed character c such that some phrase entry keeps c at the same position.
 */
const AMBIGUOUS_SIMPLIFIED = new Set(
  '斗干里丑万征尸辟熏游夸采准划占凶云腊涌丰么愿于杰仆台后岩岳价几伙余佣范确霉党蜡适筑郁厂厘朴胜吃叶吁咸广恒虫据杠柜咨皂淀涂苹跖种腌膻荐虱帘',
)
const AMBIGUOUS_TRADITIONAL = new Set('計麽乾祕濛蒐剋氾昇吒徵釐扞於脩陞劄薹袷谿')

type DictGroup = readonly DictLike[]
interface OpenCCConfig {
  normalizationChain?: readonly DictGroup[]
  conversionChain: readonly DictGroup[]
}
/** The OpenCC configurations (t2s, tw2s, …) opencc-js ships; its type declarations omit normalizationChain. */
const configs = (OpenCC.Locale as unknown as { configs: Record<string, OpenCCConfig> }).configs

/**
 * One way of converting to simplified, as tables: `map` (UTF-16 unit → converted unit; 0 unchanged) is right
 * for every character not marked in `phrasal`. A clause with a `phrasal` character (one a phrase entry converts
 * differently, one that does not convert to a single unit, or a supplementary-plane character) goes through
 * `convert`, the phrase-aware OpenCC converter, built on first use.
 */
interface Conversion {
  map: Uint16Array
  phrasal: Uint8Array
  convert: () => ConverterFunction
}

interface Tables {
  /** UTF-16 unit → 1 traditional-only, 2 simplified-only, 0 no evidence. Typed arrays: these run over whole stories. */
  evidence: Uint8Array
  /** For wholly traditional clauses: Hong Kong and Taiwan variants (衞, 裡, Taiwan 著 → 着), then OpenCC t2s. */
  regional: Conversion
  /** For clauses with simplified characters: OpenCC t2s and only the variants simplified text never uses. */
  mainland: Conversion
  /** Units that can appear in a dictionary key (Han, ideographic description, surrogates): what clauses are made of. */
  inClause: Uint8Array
  /** Units either conversion could change: text with none of them is already simplified. */
  touched: Uint8Array
}

const TRADITIONAL = 1
const SIMPLIFIED = 2

let tables: Tables | null = null

/** OpenCC dictionaries are `"a b c|d e"` strings (or pair arrays); the first candidate is the conversion. */
function pairs(dict: DictLike): (readonly [string, string])[] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v.split(' ')[0]] as const)
  return dict.split('|').map((entry) => {
    const [k, v] = entry.split(' ')
    return [k, v] as const
  })
}

/** A dictionary group the way OpenCC's trie loads it: within a dictionary the last entry wins, across them the first dictionary. */
function merged(group: DictGroup): Map<string, string> {
  const result = new Map<string, string>()
  for (const dict of group) {
    for (const [key, value] of new Map(pairs(dict))) if (!result.has(key)) result.set(key, value)
  }
  return result
}

/** The character table of a locale's dictionary group (the last dict of the first group; phrases come first). */
function charDict(groups: readonly (readonly DictLike[])[] | undefined): (readonly [string, string])[] {
  const group = groups?.[0]
  return group && group.length ? pairs(group[group.length - 1]) : []
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff
const isIdeographicDescription = (unit: number) => unit >= 0x2ff0 && unit <= 0x2fff

/**
 * Reads a chain of dictionary groups (applied in order, as OpenCC does) into a Conversion. A character is
 * phrasal when, at some step, what it has become so far sits at a position where a phrase entry's result
 * differs from converting the phrase character by character (or the phrase changes length).
 */
function tabulate(groups: readonly DictGroup[], inClause: Uint8Array, convert: () => ConverterFunction): Conversion {
  const current = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) current[unit] = unit
  const phrasal = new Uint8Array(0x10000)
  for (const group of groups) {
    const entries = merged(group)
    const chars = new Map<number, string>()
    for (const [key, value] of entries) if (key.length === 1) chars.set(key.charCodeAt(0), value)
    const stepPhrasal = new Set<number>()
    for (const [key, value] of entries) {
      for (let i = 0; i < key.length; i++) inClause[key.charCodeAt(i)] = 1
      if (key.length === 1) {
        if (value.length !== 1) stepPhrasal.add(key.charCodeAt(0))
        continue
      }
      let charWise = ''
      for (let i = 0; i < key.length; i++) charWise += chars.get(key.charCodeAt(i)) ?? key[i]
      for (let i = 0; i < key.length; i++) {
        if (charWise.length !== value.length || charWise[i] !== value[i]) stepPhrasal.add(key.charCodeAt(i))
      }
    }
    for (let unit = 0; unit < 0x10000; unit++) {
      const now = current[unit]
      if (stepPhrasal.has(now)) phrasal[unit] = 1
      const next = chars.get(now)
      if (next === undefined) continue
      if (next.length === 1) current[unit] = next.charCodeAt(0)
      else phrasal[unit] = 1
    }
  }
  const map = new Uint16Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    if (current[unit] !== unit) map[unit] = current[unit]
    if (isSurrogate(unit) || isIdeographicDescription(unit)) phrasal[unit] = 1
  }
  return { map, phrasal, convert }
}

/** Build each OpenCC converter once, on first use: loading its dictionaries takes tens of milliseconds. */
function once(make: () => ConverterFunction): () => ConverterFunction {
  let fn: ConverterFunction | null = null
  return () => (fn ??= make())
}

const conversionChain = (name: string): DictGroup[] => [...(configs[name].normalizationChain ?? []), ...configs[name].conversionChain]

function buildTables(): Tables {
  const ts = new Map(charDict(OpenCC.Locale.to.cn))
  const st = new Map(charDict(OpenCC.Locale.from.cn))
  const evidence = new Uint8Array(0x10000)
  const single = (s: string) => s.length === 1
  for (const [t, s] of ts) if (t !== s && single(t) && !st.has(t) && !AMBIGUOUS_TRADITIONAL.has(t)) evidence[t.charCodeAt(0)] = TRADITIONAL
  for (const [s, t] of st) if (s !== t && single(s) && !ts.has(s) && !AMBIGUOUS_SIMPLIFIED.has(s)) evidence[s.charCodeAt(0)] = SIMPLIFIED
  // Taiwan and Hong Kong write some characters as the mainland does (群, 峰, 床, HK 温): not simplified evidence.
  for (const region of ['hk', 'tw'] as const) {
    for (const [variant] of charDict(OpenCC.Locale.from[region])) {
      if (single(variant) && evidence[variant.charCodeAt(0)] === SIMPLIFIED) evidence[variant.charCodeAt(0)] = 0
    }
  }

  // Regional variants simplified text never uses (衞, 綫, 裡), as OpenCC's variant tables map them. Taiwan's 著
  // (for both 着 and 著), 痺 and 睪 appear in OpenCC's own simplified phrases (显著, 麻痺), so they stay.
  const simplifiedPhrases = [...merged(OpenCC.Locale.from.cn[0]).keys()].join('|')
  const mainlandVariants: [string, string][] = []
  for (const region of ['hk', 'tw'] as const) {
    for (const [variant, standard] of merged(OpenCC.Locale.from[region][0])) {
      if (!single(variant) || variant === standard || st.has(variant) || simplifiedPhrases.includes(variant)) continue
      if (!mainlandVariants.some(([v]) => v === variant)) mainlandVariants.push([variant, standard])
    }
  }

  const inClause = new Uint8Array(0x10000)
  for (const [from, to] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
    [0x2ff0, 0x2fff],
    [0xd800, 0xdfff],
  ])
    inClause.fill(1, from, to + 1)

  const hkVariants = once(() => OpenCC.ConverterFactory(OpenCC.Locale.from.hk))
  const tw2s = once(() => OpenCC.Converter({ from: 'tw', to: 'cn' }))
  const regional = tabulate(
    [...OpenCC.Locale.from.hk, ...conversionChain('tw2s')],
    inClause,
    once(() => {
      const [hk, tw] = [hkVariants(), tw2s()]
      return (text) => tw(hk(text))
    }),
  )
  const variants = once(() => OpenCC.CustomConverter(mainlandVariants))
  const t2s = once(() => OpenCC.Converter({ from: 't', to: 'cn' }))
  const mainland = tabulate(
    [[mainlandVariants], ...conversionChain('t2s')],
    inClause,
    once(() => {
      const [v, t] = [variants(), t2s()]
      return (text) => t(v(text))
    }),
  )

  const touched = new Uint8Array(0x10000)
  for (let unit = 0; unit < 0x10000; unit++) {
    if (regional.map[unit] || regional.phrasal[unit] || mainland.map[unit] || mainland.phrasal[unit]) touched[unit] = 1
  }
  return { evidence, regional, mainland, inClause, touched }
}

function charTables(): Tables {
  return (tables ??= buildTables())
}

/** Counts of script-proving characters in `text` (BMP characters; the supplementary planes prove little). */
export function scriptEvidence(text: string): { traditional: number; simplified: number } {
  const { evidence } = charTables()
  let traditional = 0
  let simplified = 0
  for (let i = 0; i < text.length; i++) {
    const kind = evidence[text.charCodeAt(i)]
    if (kind === TRADITIONAL) traditional++
    else if (kind === SIMPLIFIED) simplified++
  }
  return { traditional, simplified }
}

/**
 * 'traditional' when characters only traditional text uses outnumber those only simplified text uses;
 * otherwise (including a tie and text with no evidence, e.g. `中文`) the house script, 'simplified'.
 * Characters valid in both scripts (后, 里, 台, 於) are ignored, so `台北5日電` is traditional.
 */
export function detectScript(text: string): Script {
  const { traditional, simplified } = scriptEvidence(text)
  return traditional > simplified ? 'traditional' : 'simplified'
}

/**
 * Character-by-character simplification that keeps every UTF-16 offset: for matching patterns
 * (記者 → 记者, 電 → 电) on traditional text and reporting spans from the original.
 * Not for output: it ignores phrases (use toSimplified for text a reader sees). Simplified characters stay
 * as they are (the mainland table: no Taiwan 著 → 着).
 */
export function simplifyChars(text: string): string {
  const { map } = charTables().mainland
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const code = map[text.charCodeAt(i)]
    if (!code) continue
    out += text.slice(last, i) + String.fromCharCode(code)
    last = i + 1
  }
  return last ? out + text.slice(last) : text
}

/** One simplified form of a single character (itself when none), e.g. for pinyin look-ups. */
export function simplifyChar(ch: string): string {
  const code = ch.length === 1 ? charTables().mainland.map[ch.charCodeAt(0)] : 0
  return code ? String.fromCharCode(code) : ch
}

/** Output buffer for toSimplified, reused between calls (grown when a text needs more). */
let buffer = new Uint16Array(4096)

function reserve(length: number, needed: number): void {
  if (needed <= buffer.length) return
  const grown = new Uint16Array(Math.max(needed, buffer.length * 2))
  grown.set(buffer.subarray(0, length))
  buffer = grown
}

function decode(length: number): string {
  let text = ''
  for (let i = 0; i < length; i += 4096) {
    text += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(length, i + 4096)) as unknown as number[])
  }
  return text
}

/**
 * Text in any script to simplified; simplified text comes back unchanged.
 *
 * Each clause (a run of Han characters) is converted on its own. A clause written wholly in traditional
 * characters gets OpenCC's regional conversion: Hong Kong variants (衞, 綫), then Taiwan's (裡, and 著 used
 * for 着: 接著 → 接着), then t2s. A clause with any simplified character is simplified text with stray
 * traditional characters: it gets plain OpenCC t2s, which never touches a correct simplified word — the
 * Taiwan rule 著 → 着 would turn the mainland 显著 into 显着. A clause with no evidence either way (接著)
 * follows the text as a whole.
 *
 * Clauses convert by table look-up unless one of their characters depends on its phrase; those go through
 * OpenCC. Either way the result is OpenCC's for that clause (no dictionary phrase spans a non-Han character).
 */
export function toSimplified(text: string): string {
  const { evidence, touched, inClause, regional, mainland } = charTables()
  const n = text.length
  let first = 0
  while (first < n && !touched[text.charCodeAt(first)]) first++
  if (first === n) return text

  let textConversion: Conversion | null = null
  const wholeText = (): Conversion => (textConversion ??= detectScript(text) === 'traditional' ? regional : mainland)

  reserve(0, n)
  let length = 0
  let changed = false
  for (let i = 0; i < n;) {
    const unit = text.charCodeAt(i)
    if (!inClause[unit]) {
      buffer[length++] = unit
      i++
      continue
    }
    let end = i
    let clauseTouched = false
    let traditional = 0
    let simplified = 0
    for (; end < n; end++) {
      const u = text.charCodeAt(end)
      if (!inClause[u]) break
      if (touched[u]) clauseTouched = true
      const kind = evidence[u]
      if (kind === TRADITIONAL) traditional++
      else if (kind === SIMPLIFIED) simplified++
    }
    const conversion = !clauseTouched ? null : simplified ? mainland : traditional ? regional : wholeText()
    let phrasal = false
    if (conversion) for (let k = i; k < end && !phrasal; k++) phrasal = conversion.phrasal[text.charCodeAt(k)] === 1
    if (conversion && phrasal) {
      const clause = text.slice(i, end)
      const converted = conversion.convert()(clause)
      if (converted !== clause) changed = true
      reserve(length, length + converted.length + (n - end))
      for (let k = 0; k < converted.length; k++) buffer[length++] = converted.charCodeAt(k)
    } else if (conversion) {
      const { map } = conversion
      for (let k = i; k < end; k++) {
        const u = text.charCodeAt(k)
        const to = map[u]
        if (to) changed = true
        buffer[length++] = to || u
      }
    } else {
      for (let k = i; k < end; k++) buffer[length++] = text.charCodeAt(k)
    }
    i = end
  }
  return changed ? decode(length) : text
}

const converters = new Map<string, ConverterFunction>()

export interface ConvertOptions {
  /**
   * Also replace mainland vocabulary with the region's (软件 → 軟體, 信息 → 資訊; OpenCC 'twp'/'hkp').
   * Off by default: it rewrites the reporter's words, which a desk should choose to do.
   */
  phrases?: boolean
}

/**
 * Converts house-script (zh-Hans) text for a channel: zh-Hans → simplified from any script,
 * zh-Hant-TW → OpenCC 'tw' (or 'twp'), zh-Hant-HK → OpenCC 'hk' (or 'hkp').
 * Convert from the master each time; conversions do not round-trip.
 */
export function convertScript(text: string, to: HouseScript, options: ConvertOptions = {}): string {
  if (to === 'zh-Hans') return toSimplified(text)
  const region = to === 'zh-Hant-TW' ? 'tw' : 'hk'
  const target = options.phrases ? `${region}p` : region
  let convert = converters.get(target)
  if (!convert) {
    convert = OpenCC.Converter({ from: 'cn', to: target })
    converters.set(target, convert)
  }
  return convert(text)
}
