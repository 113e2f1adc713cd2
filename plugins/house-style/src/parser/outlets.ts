/**
 * What an outlet name looks like: a known masthead or short name from lexicon/outlets.json (新华社, 南都,
 * 澎湃, 中央社), the house's own 本报/本网/本台, or any name ending in a media word (黔西南日报, 成都商报,
 * 东方在线, 县融媒体中心, 华龙网-新重庆客户端, 经济日报-中国经济网). Used to split a dateline's outlet from its place
 * (新华社|贵阳) and to accept 新华社记者 as a role word. Simplified text only.
 *
 * Outlet names are made of everyday characters (成都, 都市, 在线, 之家), so nothing here rejects a name
 * for a character in it; how sure a match is comes back as a strength the dateline grammar weighs.
 */
import { HAN_RANGES } from '../text/han'
import lexicon from './lexicon/outlets.json'
import { simplifyChars } from '../text/script'

const byLength = (a: string, b: string) => b.length - a.length
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Longer words first: at a given start the first alternative that fits wins (新闻网 before 新闻). */
const MEDIA = [...new Set(lexicon.mediaWords.map(simplifyChars))].sort(byLength)
const NAMES = [...new Set([...lexicon.names, ...lexicon.ownOutlet].map(simplifyChars))].sort(byLength)
const MEDIA_WORDS = MEDIA.map(escape).join('|')
const NAME_WORDS = NAMES.map(escape).join('|')

const ONE_OUTLET = `(?:${NAME_WORDS}|本[报台网刊站]|[${HAN_RANGES}A-Za-z0-9·]{1,10}?(?:${MEDIA_WORDS}))`
/** Two outlets joined by a dash, slash or interpunct are one credit (新华日报·交汇点). */
export const OUTLET = `${ONE_OUTLET}(?:[-－—/·]${ONE_OUTLET})*`

const OUTLET_AT_START = new RegExp(`^${OUTLET}`)
const OUTLET_WHOLE = new RegExp(`^${OUTLET}$`)
const KNOWN_AT_START = new RegExp(`^(?:${NAME_WORDS})`)
const LONG_MEDIA_END = new RegExp(
  `(?:${MEDIA.filter((w) => w.length >= 2)
    .map(escape)
    .join('|')})$`,
)

export interface OutletMatch {
  length: number
  /** 3: a known outlet; 2: ends in a media word of two or more characters (日报, 在线); 1: in 网/报/社/台 only. */
  strength: 1 | 2 | 3
}

/** The outlet that starts `simplified` (新华社贵阳 → 新华社), or null. */
export function outletPrefix(simplified: string): OutletMatch | null {
  const known = KNOWN_AT_START.exec(simplified)?.[0].length ?? 0
  const pattern = OUTLET_AT_START.exec(simplified)?.[0].length ?? 0
  const length = Math.max(known, pattern)
  if (!length) return null
  const name = simplified.slice(0, length)
  const strength = known === length || /^本[报台网刊站]$/.test(name) ? 3 : LONG_MEDIA_END.test(name) ? 2 : 1
  return { length, strength }
}

/** Length of the outlet that starts `simplified` (新华社贵阳 → 3), or 0. */
export function outletPrefixLength(simplified: string): number {
  return outletPrefix(simplified)?.length ?? 0
}

export function isOutlet(simplified: string): boolean {
  return OUTLET_WHOLE.test(simplified)
}
