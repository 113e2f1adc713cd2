/**
 * Is a run of Han characters a Chinese personal name, and where do glued names split?
 *
 * Credit lines list names as 2–4 character runs (`王丽 李平`), sometimes glued (`王丽李平`,
 * `黄名玺陈家伦`). A surname list is what separates 王丽 from a lede's first words (近日, 全市),
 * and it scores the ways of cutting a glued run. Callers pass simplified text (simplifyChars).
 */
import { isMajorPlace } from './gazetteer'
import lexicon from './lexicon/surnames.json'

const SINGLE_SURNAMES = new Set(lexicon.single)
const COMPOUND_SURNAMES = new Set(lexicon.compound)
/** Two-to-four character words that start with a surname character but open ledes (全市, 高温, 明天). */
const NOT_NAMES = new Set(lexicon.notNames)

/** A word that is never a person's name, even where a role word vouches for one (作者：未知). */
export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word)
}

/** Interpuncts join the parts of transliterated names: 阿卜杜拉·艾力, 玛丽·居里. */
const INTERPUNCT = /[·•・‧]/

export function hasSurname(name: string): boolean {
  return COMPOUND_SURNAMES.has(name.slice(0, 2)) || SINGLE_SURNAMES.has(name[0])
}

/** A credit name: 2–4 Han characters starting with a surname, or a transliterated name with an interpunct. */
export function looksLikeName(name: string): boolean {
  // 鄭□: a character the page could not show, after a surname.
  if (name.includes('□')) return name.length >= 2 && name.length <= 3 && name[0] !== '□' && hasSurname(name) && !/□.*□/.test(name)
  if (INTERPUNCT.test(name))
    return name.length >= 3 && name.length <= 20 && !INTERPUNCT.test(name[0]) && !INTERPUNCT.test(name[name.length - 1])
  if (name.length < 2 || name.length > 4) return false
  if (NOT_NAMES.has(name) || isMajorPlace(name)) return false
  if (name.length === 4 && !COMPOUND_SURNAMES.has(name.slice(0, 2))) return false
  return hasSurname(name)
}

/** Score of one cut piece: a surname start is what matters; three-character names are the most common. */
function pieceScore(piece: string): number {
  if (!looksLikeName(piece)) return -Infinity
  return piece.length === 3 ? 3 : piece.length === 2 ? 2.5 : 2
}

/**
 * Lengths to cut a glued run of names into (`王丽李平` → [2, 2], `黄名玺陈家伦` → [3, 3]),
 * or null when no cut makes every piece a plausible name. A run that is one name stays whole.
 */
export function splitGluedNames(run: string): number[] | null {
  if (INTERPUNCT.test(run)) return looksLikeName(run) ? [run.length] : null
  if (run.length <= 3) return looksLikeName(run) ? [run.length] : null
  if (run.length === 4 && COMPOUND_SURNAMES.has(run.slice(0, 2))) return [4]
  // best[i]: best score for run.slice(0, i) and the cut that achieves it.
  const best: { score: number; cut: number[] }[] = [{ score: 0, cut: [] }]
  for (let i = 1; i <= run.length; i++) {
    best[i] = { score: -Infinity, cut: [] }
    for (let len = 2; len <= 4 && len <= i; len++) {
      const prev = best[i - len]
      const score = prev.score + pieceScore(run.slice(i - len, i))
      if (score > best[i].score) best[i] = { score, cut: [...prev.cut, len] }
    }
  }
  const result = best[run.length]
  return Number.isFinite(result.score) ? result.cut : null
}
