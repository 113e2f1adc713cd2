/**
 * Credits are a field, rendered in the outlet's byline pattern; typed into the body (`（丁宪民 报道）` at the
 * end, `（记者 张三）` after the dateline, a `本报记者 王五` line) they are printed twice. The fix moves them
 * into the credits, each name and role once.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { mergeCredits } from './credits'
import { finding, quoted, spanLocation, textEdit, textFields } from './support'
import { typedFurniture } from './typed-furniture'

export const noBylineInBody: Rule = {
  id: 'no-byline-in-body',
  severity: 'error',
  meta: {
    description: {
      zh: '署名不写在正文里，填入署名字段',
      en: 'Credits go in the credits field, not typed at the start or end of the body',
    },
  },
  check(story: StoryDraft): Finding[] {
    const fields = textFields(story)
    return typedFurniture(story).credits.map((typed) => {
      const field = fields.find((f) => f.block === typed.block)!
      const text = quoted(typed.text)
      return finding(
        noBylineInBody,
        spanLocation(field, typed.start, typed.end),
        {
          zh: `署名${text.zh}写在了正文里，应填入署名字段`,
          en: `The credit line ${text.en} is typed into the body; it belongs in the credits`,
        },
        {
          safe: true,
          description: { zh: '从正文移入署名字段', en: 'Move it from the body into the credits' },
          edits: [textEdit(field, typed.start, typed.end, '')],
          set: { credits: mergeCredits(story.credits, typed.credits) },
        },
      )
    })
  },
}
