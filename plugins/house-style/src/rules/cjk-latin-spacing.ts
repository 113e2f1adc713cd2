/**
 * Opt-in (W3C clreq leaves it to the outlet; zhlint's default): a space between Han characters and Latin
 * letters or digits, as in `使用 iPhone 拍摄`, `2012 年`.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { hanAt, hanBefore, replacementFinding, scanText, type TextField } from './support'

const LATIN_RUN = /[A-Za-z0-9]+/g

const message = { zh: '汉字与西文字母、数字之间应加空格', en: 'Put a space between Han characters and Latin letters or digits' }
const description = { zh: '插入空格', en: 'Insert a space' }

function missingSpace(field: TextField, at: number): ReturnType<typeof replacementFinding> {
  return replacementFinding(cjkLatinSpacing, field, at - 1, at + 1, ' ', message, description, { start: at, end: at })
}

export const cjkLatinSpacing: Rule = {
  id: 'cjk-latin-spacing',
  severity: 'info',
  optIn: true,
  meta: {
    description: {
      zh: '汉字与西文字母、数字之间加空格（可选规则）',
      en: 'A space between Han characters and Latin letters or digits (opt-in)',
    },
  },
  check(story: StoryDraft): Finding[] {
    return scanText(story, LATIN_RUN, (match, field, findings) => {
      const start = match.index
      const end = start + match[0].length
      if (hanBefore(field.text, start)) findings.push(missingSpace(field, start))
      if (hanAt(field.text, end)) findings.push(missingSpace(field, end))
    })
  },
}
