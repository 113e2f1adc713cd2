/**
 * Han (CJK ideograph) detection shared by the pinyin, script and parser code.
 *
 * Covers the CJK Unified Ideographs block, Extension A and the Compatibility Ideographs (BMP), plus the
 * supplementary-plane extensions (B–I) and Compatibility Supplement for code-point aware callers.
 * Deliberately excludes radicals (⺀…), strokes and symbols such as 〇 and 々: they are not characters
 * a reading or a script conversion applies to.
 */

/** Body of a regex character class with the BMP Han ranges; usable with or without the `u` flag. */
export const HAN_RANGES = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF'

/** Body of a character class with the BMP and supplementary Han ranges; needs the `u` flag. */
export const HAN_RANGES_U = `${HAN_RANGES}\\u{20000}-\\u{2EBEF}\\u{30000}-\\u{323AF}\\u{2F800}-\\u{2FA1F}`

/** `[…]` matching one BMP Han character (no `u` flag needed, one UTF-16 unit). */
export const HAN_CLASS = `[${HAN_RANGES}]`

/** `[…]` matching one Han character in any plane (use with the `u` flag). */
export const HAN_CLASS_U = `[${HAN_RANGES_U}]`

/** Regex source for one Han character (BMP); the "Han regex source constant" callers compose with. */
export const HAN_SOURCE = HAN_CLASS

/** True when the first code point of `ch` is a Han ideograph. */
export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0)
  return cp !== undefined && isHanCodePoint(cp)
}

/** True when the code point is a Han ideograph (for scanning text without slicing it). */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ebef) ||
    (cp >= 0x30000 && cp <= 0x323af) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  )
}
