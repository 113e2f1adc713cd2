/**
 * Text damaged by a bad re-encoding (content-farm reposts): a `?` or � where a character was lost,
 * often still followed by the remains of its `(pīnyīn)` reading, as in `德才兼?zhèn)`. The lost
 * character cannot be recovered from the text, so a person has to restore it from the source.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { LOST_CHARACTER, finding, quoted, scanText, spanLocation } from './support'

export const encodingDamage: Rule = {
  id: 'encoding-damage',
  severity: 'error',
  meta: {
    description: {
      zh: '文本没有因编码错误丢失的字符（“?”或“�”代替了原字）',
      en: 'No characters lost to an encoding error (a "?" or "�" in place of a character)',
    },
  },
  check(story: StoryDraft): Finding[] {
    return scanText(story, LOST_CHARACTER, (match, field, findings) => {
      const snippet = quoted(match[0])
      findings.push(
        finding(encodingDamage, spanLocation(field, match.index, match.index + match[0].length), {
          zh: `${snippet.zh}处有字符因编码错误丢失，请对照原稿补正`,
          en: `A character was lost to an encoding error at ${snippet.en}; restore it from the source`,
        }),
      )
    })
  },
}
