/**
 * One source line seen three ways, with offsets that line up.
 *
 * Patterns run on `match` (pinyin artifacts removed, traditional folded to simplified one character
 * for one, so 記者/记者 and 亮點(diǎn)/亮点 match alike); what the parser reports is sliced from
 * `clean` at the same offsets (script as written), and what it cuts from the body is mapped back
 * to `original` with `toOriginal`.
 */
import { stripPinyinArtifactsMapped } from '../text/pinyin-artifact'
import { simplifyChars } from '../text/script'

export interface LineView {
  original: string
  /** Pinyin artifacts removed, script as written. */
  clean: string
  /** `clean` simplified character by character; same length as `clean`. */
  match: string
  /** Offset in `clean`/`match` → offset in `original`. */
  toOriginal(index: number): number
}

export function viewLine(original: string): LineView {
  const { text: clean, toOriginal } = stripPinyinArtifactsMapped(original)
  return { original, clean, match: simplifyChars(clean), toOriginal }
}
