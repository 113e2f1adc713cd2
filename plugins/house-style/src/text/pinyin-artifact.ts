/**
 * The `字(pīnyīn)` artifact: a <ruby> annotation flattened into the text (強(qiáng), 點(diǎn)).
 *
 * Only removed when provably an artifact: one Han character immediately followed by a parenthesised,
 * lowercase, single syllable carrying a tone mark (or ü) that pinyin-pro lists among that character's
 * readings (polyphones included). Glosses such as `兴仁 (Xīngrén)`, `北京(Běijīng)`, `(AP)`, `(2012)`
 * and corrupted leftovers (`兼?zhèn)`) are left alone.
 */
import { pinyin } from 'pinyin-pro'
import { HAN_CLASS_U } from './han'
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

// Half- or full-width parentheses in any pairing; letters include Latin-1/Extended (ā ǎ ǘ ǹ ḿ) and
// combining marks, because decomposed text (a + U+0301) is normalised to NFC before comparing.
const ARTIFACT = new RegExp(`(${HAN_CLASS_U})[(（]([a-z\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F]{1,8})[)）]`, 'gu')
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]/
const STARTS_LOWER = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/

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

export function findPinyinArtifacts(text: string): PinyinArtifact[] {
  const found: PinyinArtifact[] = []
  // Fast exit: most paragraphs have no parenthesis followed by a letter at all.
  if (!/[(（][a-z\u00C0-\u024F\u1E00-\u1EFF]/.test(text)) return found
  for (const m of text.matchAll(ARTIFACT)) {
    const [, char, raw] = m
    const syllable = raw.normalize('NFC')
    if (!STARTS_LOWER.test(syllable) || !TONED.test(syllable)) continue
    if (!isReadingOf(char, syllable)) continue
    const start = m.index + char.length
    found.push({ start, end: m.index + m[0].length, char, syllable: raw })
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
