/**
 * Simplified/traditional script: detection, conversion with OpenCC, and a cheap character-level
 * simplification that keeps UTF-16 offsets (for matching patterns on traditional text).
 *
 * Why two layers: OpenCC converters are phrase-aware and right for output, but building one costs
 * tens of milliseconds and each call segments the text. Detection and pattern matching only need
 * character facts, so they read OpenCC's own character tables (TSCharacters / STCharacters and the
 * regional variant tables) once and then run on plain Map/Set lookups.
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
const AMBIGUOUS_SIMPLIFIED = new Set('斗干里丑万征尸辟熏游夸采准划占凶云腊涌丰么愿于杰仆台后岩岳价几伙余佣范确霉党蜡适筑郁厂厘朴胜吃叶吁咸广恒虫据杠柜咨皂淀涂苹跖种腌膻荐虱帘')
const AMBIGUOUS_TRADITIONAL = new Set('計麽乾祕濛蒐剋氾昇吒徵釐扞於脩陞劄薹袷谿')

interface CharTables {
  /** UTF-16 unit → simplified unit (0: unchanged). One unit to one unit only, so offsets survive. */
  toSimplified: Uint16Array
  /** UTF-16 unit → 1 traditional-only, 2 simplified-only, 0 no evidence. Typed arrays: these run over whole stories. */
  evidence: Uint8Array
}

const TRADITIONAL = 1
const SIMPLIFIED = 2

let tables: CharTables | null = null

/** OpenCC dictionaries are `"a b|c d"` strings (or pair arrays); the first candidate is the conversion. */
function pairs(dict: DictLike): (readonly [string, string])[] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v.split(' ')[0]] as const)
  return dict.split('|').map((entry) => {
    const [k, v] = entry.split(' ')
    return [k, v] as const
  })
}

/** The character table of a locale's dictionary group (the last dict of the first group; phrases come first). */
function charDict(groups: readonly (readonly DictLike[])[] | undefined): (readonly [string, string])[] {
  const group = groups?.[0]
  return group && group.length ? pairs(group[group.length - 1]) : []
}

function buildTables(): CharTables {
  const ts = new Map(charDict(OpenCC.Locale.to.cn))
  const st = new Map(charDict(OpenCC.Locale.from.cn))
  const toSimplified = new Uint16Array(0x10000)
  const evidence = new Uint8Array(0x10000)
  const single = (s: string) => s.length === 1
  for (const [t, s] of ts) if (t !== s && single(t) && single(s)) toSimplified[t.charCodeAt(0)] = s.charCodeAt(0)
  // Regional variants (衞 HK, 裡 TW) map to the OpenCC standard form first, then to simplified.
  for (const region of ['hk', 'tw'] as const) {
    for (const [variant, standard] of charDict(OpenCC.Locale.from[region])) {
      const simplified = ts.get(standard) ?? standard
      if (variant === simplified || !single(variant) || !single(simplified) || st.has(variant)) continue
      const code = variant.charCodeAt(0)
      if (!toSimplified[code]) toSimplified[code] = simplified.charCodeAt(0)
    }
  }
  for (const [t, s] of ts) if (t !== s && single(t) && !st.has(t) && !AMBIGUOUS_TRADITIONAL.has(t)) evidence[t.charCodeAt(0)] = TRADITIONAL
  for (const [s, t] of st) if (s !== t && single(s) && !ts.has(s) && !AMBIGUOUS_SIMPLIFIED.has(s)) evidence[s.charCodeAt(0)] = SIMPLIFIED
  // Taiwan and Hong Kong write some characters as the mainland does (群, 峰, 床, HK 温): not simplified evidence.
  for (const region of ['hk', 'tw'] as const) {
    for (const [variant] of charDict(OpenCC.Locale.from[region])) {
      if (single(variant) && evidence[variant.charCodeAt(0)] === SIMPLIFIED) evidence[variant.charCodeAt(0)] = 0
    }
  }
  return { toSimplified, evidence }
}

function charTables(): CharTables {
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
 * Not for output: it ignores phrases (use toSimplified for text a reader sees).
 */
export function simplifyChars(text: string): string {
  const { toSimplified } = charTables()
  let out = ''
  let last = 0
  for (let i = 0; i < text.length; i++) {
    const code = toSimplified[text.charCodeAt(i)]
    if (!code) continue
    out += text.slice(last, i) + String.fromCharCode(code)
    last = i + 1
  }
  return last ? out + text.slice(last) : text
}

/** One simplified form of a single character (itself when none), e.g. for pinyin look-ups. */
export function simplifyChar(ch: string): string {
  const code = ch.length === 1 ? charTables().toSimplified[ch.charCodeAt(0)] : 0
  return code ? String.fromCharCode(code) : ch
}

const converters = new Map<string, ConverterFunction>()

/** Building an OpenCC converter loads its dictionaries (tens of ms): build each one once, on first use. */
function converter(key: string, make: () => ConverterFunction): ConverterFunction {
  let fn = converters.get(key)
  if (!fn) {
    fn = make()
    converters.set(key, fn)
  }
  return fn
}

/**
 * Traditional text from any region to simplified (phrase-aware OpenCC).
 * Hong Kong variants (衞, 綫) are first normalised to OpenCC's standard forms, then the Taiwan
 * converter (which also knows TW variants such as 裡 and TW 著 → 着) finishes the job.
 * Simplified input passes through unchanged.
 */
export function toSimplified(text: string): string {
  const hkVariants = converter('hk-variants', () => OpenCC.ConverterFactory(OpenCC.Locale.from.hk))
  const tw2s = converter('tw2s', () => OpenCC.Converter({ from: 'tw', to: 'cn' }))
  return tw2s(hkVariants(text))
}

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
  return converter(`cn2${target}`, () => OpenCC.Converter({ from: 'cn', to: target }))(text)
}
