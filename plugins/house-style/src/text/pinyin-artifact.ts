/**
 * The `字(pīnyīn)` artifact: a <ruby> annotation flattened into the text (強(qiáng), 點(diǎn)).
 *
 * Only removed when provably an artifact: one Han character immediately followed by a parenthesised,
 * lowercase, single syllable carrying a tone mark (or ü) that pinyin-pro lists among that character's
 * readings (polyphones included). Glosses such as `兴仁 (Xīngrén)`, `北京(Běijīng)`, `(AP)`, `(2012)`
 * and corrupted leftovers (`兼?zhèn)`) are left alone.
 */
import { pinyin } from 'pinyin-pro'
import { isHan } from './han'
import { simplifyChar } from './script'

export interface PinyinArtifact {
  /** Offset of the opening parenthesis; [start, end) covers only the parenthesised part. */
  start: number
  end: number
  /** The annotated Han character (kept when stripping). */
  char: string
  /** The syllable as written (without parentheses). */
  syllable: string
}

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/
const STARTS_LOWER = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/
/** Longest syllable as written (zhuàng is 6; decomposed tone marks add a unit each). */
const MAX_SYLLABLE = 8

/**
 * Letters a written syllable can have: a-z, Latin-1/Extended (ā ǎ ǘ ǹ ḿ) and combining marks, because
 * decomposed text (a + U+0301) is normalised to NFC before comparing.
 */
const isSyllableLetter = (unit: number) =>
  (unit >= 0x61 && unit <= 0x7a) ||
  (unit >= 0xc0 && unit <= 0x24f) ||
  (unit >= 0x1e00 && unit <= 0x1eff) ||
  (unit >= 0x300 && unit <= 0x36f)
const isClosing = (unit: number) => unit === 0x29 || unit === 0xff09 // ) ）

const readingCache = new Map<string, Set<string>>()

/** All readings pinyin-pro knows for a character, with tone marks, NFC. Cached: the same characters recur. */
function readings(char: string): Set<string> {
  let set = readingCache.get(char)
  if (!set) {
    const list = pinyin(char, { multiple: true, type: 'array' }) as string[]
    set = new Set(list.map((r) => r.normalize('NFC').toLowerCase()).filter((r) => r !== char))
    readingCache.set(char, set)
  }
  return set
}

/** Is `syllable` a reading of `char`? Traditional characters pinyin-pro lacks are looked up in simplified form. */
export function isReadingOf(char: string, syllable: string): boolean {
  const s = syllable.normalize('NFC').toLowerCase()
  if (readings(char).has(s)) return true
  const simplified = simplifyChar(char)
  return simplified !== char && readings(simplified).has(s)
}

/** Verdicts by `char(syllable`: a story repeats the same few hundred annotated characters. */
const verdicts = new Map<string, boolean>()
const MAX_VERDICTS = 20_000

function isArtifact(char: string, raw: string): boolean {
  const key = `${char}(${raw}`
  let verdict = verdicts.get(key)
  if (verdict === undefined) {
    const syllable = raw.normalize('NFC')
    verdict = STARTS_LOWER.test(syllable) && TONED.test(syllable) && isReadingOf(char, syllable)
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
    verdicts.set(key, verdict)
  }
  return verdict
}

/**
 * Every `字(pīnyīn)` artifact in `text`. A plain scan from parenthesis to parenthesis (half- or full-width in
 * any pairing), not a regex over the whole text: most text has few parentheses, and stories with artifacts
 * have thousands of them.
 */
export function findPinyinArtifacts(text: string): PinyinArtifact[] {
  const found: PinyinArtifact[] = []
  let half = text.indexOf('(')
  let full = text.indexOf('（')
  while (half !== -1 || full !== -1) {
    const open = half === -1 ? full : full === -1 ? half : Math.min(half, full)
    if (open === half) half = text.indexOf('(', open + 1)
    else full = text.indexOf('（', open + 1)
    if (open === 0) continue
    // The annotated character: one BMP unit or a surrogate pair.
    const before = text.charCodeAt(open - 1)
    const charStart = before >= 0xdc00 && before <= 0xdfff && open >= 2 ? open - 2 : open - 1
    const char = text.slice(charStart, open)
    if (!isHan(char)) continue
    let close = open + 1
    while (close < text.length && close - open - 1 <= MAX_SYLLABLE && isSyllableLetter(text.charCodeAt(close))) close++
    const length = close - open - 1
    if (length < 1 || length > MAX_SYLLABLE || close >= text.length || !isClosing(text.charCodeAt(close))) continue
    const raw = text.slice(open + 1, close)
    if (isArtifact(char, raw)) found.push({ start: open, end: close + 1, char, syllable: raw })
  }
  return found
}

/** The text without its artifacts, and a map from offsets in the stripped text back to the original. */
export function stripPinyinArtifactsMapped(text: string): { text: string; toOriginal(index: number): number } {
  const artifacts = findPinyinArtifacts(text)
  if (!artifacts.length) return { text, toOriginal: (i) => i }
  let out = ''
  let last = 0
  // strippedStarts[k] is where the k-th removed span would sit in the stripped text.
  const strippedStarts: number[] = []
  const removedBefore: number[] = []
  let removed = 0
  for (const a of artifacts) {
    out += text.slice(last, a.start)
    strippedStarts.push(out.length)
    removed += a.end - a.start
    removedBefore.push(removed)
    last = a.end
  }
  out += text.slice(last)
  return {
    text: out,
    toOriginal(index: number) {
      // An index at a removed span's position maps past it (the span belongs to the preceding char).
      let shift = 0
      for (let k = 0; k < strippedStarts.length && strippedStarts[k] <= index; k++) shift = removedBefore[k]
      return index + shift
    },
  }
}

export function stripPinyinArtifacts(text: string): string {
  return stripPinyinArtifactsMapped(text).text
}
