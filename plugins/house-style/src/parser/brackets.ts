/**
 * The brackets credits and datelines are written in: full- and half-width parentheses, 【】, [] and
 * the 〔〕 Taiwanese papers use (〔記者張三／台北報導〕). Regex sources are for character classes.
 */
export const OPEN = '（(【[〔'
export const CLOSE = '）)】]〕'
export const OPEN_CLASS = '[（(【\\[〔]'
export const CLOSE_CLASS = '[）)】\\]〕]'
/** Anything but a bracket, for a bracket's content. */
export const INSIDE_CLASS = '[^（()）【】\\[\\]〔〕]'

/** Index of the bracket closing the one at `open` (no nesting in credits), or -1. */
export function closingBracket(s: string, open: number): number {
  const kind = OPEN.indexOf(s[open])
  return kind < 0 ? -1 : s.indexOf(CLOSE[kind], open + 1)
}
