/**
 * W3C clreq / house style: Latin letters and digits are stored half-width. Full-width ones (Ａ１) come from
 * IME slips and break search, sorting and the CJK/Latin spacing of every channel.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { quoted, replacementFinding, scanText } from './support'

const FULL_WIDTH_ALPHANUMERICS = /[Ａ-Ｚａ-ｚ０-９]+/g
/** Full-width forms sit at a fixed distance above ASCII (Ａ U+FF21 − A U+0041). */
const FULL_WIDTH_OFFSET = 0xfee0

const toHalfWidth = (run: string) => String.fromCharCode(...Array.from(run, (ch) => ch.charCodeAt(0) - FULL_WIDTH_OFFSET))

export const noFullwidthAlphanumerics: Rule = {
  id: 'no-fullwidth-alphanumerics',
  severity: 'error',
  meta: {
    description: {
      zh: '不使用全角字母和数字（如“２０１２”“ＡＩ”），一律用半角',
      en: 'No full-width Latin letters or digits (２０１２, ＡＩ); store them half-width',
    },
  },
  check(story: StoryDraft): Finding[] {
    return scanText(story, FULL_WIDTH_ALPHANUMERICS, (match, field, findings) => {
      const half = toHalfWidth(match[0])
      const from = quoted(match[0])
      const to = quoted(half)
      findings.push(
        replacementFinding(
          noFullwidthAlphanumerics,
          field,
          match.index,
          match.index + match[0].length,
          half,
          { zh: `全角字母或数字${from.zh}应改为半角${to.zh}`, en: `Full-width ${from.en} should be half-width ${to.en}` },
          { zh: `改为${to.zh}`, en: `Replace with ${to.en}` },
        ),
      )
    })
  },
}
