/**
 * A doubled Chinese mark (，， 。。 、、) is a typing slip; GB/T 15834 has no such forms. Three or more 。 are a
 * typed ellipsis, which punctuation-fullwidth turns into ……; doubled ！ and ？ are left alone (emphasis).
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { quoted, replacementFinding, scanText } from './support'

/** Runs of one mark; the 。 branch only takes exactly two (three or more are an ellipsis). */
const REPEATED = /([，、；：])\1+|(?<!。)。。(?!。)/g

export const repeatedPunctuation: Rule = {
  id: 'repeated-punctuation',
  severity: 'error',
  meta: {
    description: { zh: '标点不重复使用（如“，，”“。。”）', en: 'No doubled punctuation (，， or 。。)' },
  },
  check(story: StoryDraft): Finding[] {
    return scanText(story, REPEATED, (match, field, findings) => {
      const mark = match[0][0]
      const from = quoted(match[0])
      const to = quoted(mark)
      findings.push(
        replacementFinding(
          repeatedPunctuation,
          field,
          match.index,
          match.index + match[0].length,
          mark,
          { zh: `标点重复：${from.zh}应为${to.zh}`, en: `Repeated punctuation: ${from.en} should be ${to.en}` },
          { zh: `只保留一个${to.zh}`, en: `Keep a single ${to.en}` },
        ),
      )
    })
  },
}
