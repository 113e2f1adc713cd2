/**
 * The dateline is a field, rendered by the renderer; typed into the body (`亮点黔西南讯 按照…`) it is
 * printed twice or in the wrong form. The fix moves it into the dateline field: parts the field already
 * has win, the typed ones fill the gaps.
 */
import type { Credit, Dateline, Finding, Rule, StoryDraft } from '../types'
import { mergeCredits } from './credits'
import { finding, quoted, spanLocation, textEdit, textFields } from './support'
import { typedFurniture } from './typed-furniture'

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim() !== ''

/** `11-26` → `11月26日`: the parser reads a date without a year as month and day only. */
const monthDay = (date: string) => date.replace(/^(\d{2})-(\d{2})$/, (_, m: string, d: string) => `${Number(m)}月${Number(d)}日`)

export const noDatelineInBody: Rule = {
  id: 'no-dateline-in-body',
  severity: 'error',
  meta: {
    description: {
      zh: '电头不写在正文里，填入电头字段',
      en: 'The dateline goes in the dateline field, not typed at the start of the body',
    },
  },
  check(story: StoryDraft): Finding[] {
    const typed = typedFurniture(story).dateline
    if (!typed) return []
    const existing: Dateline = story.dateline ?? {}
    const dateline: Dateline = { ...existing }
    const { outlet, place, kind } = typed.dateline
    if (!filled(existing.outlet) && outlet) dateline.outlet = outlet
    if (!filled(existing.place) && place) dateline.place = place
    if (!existing.kind) dateline.kind = kind
    // A date without a year (11月26日) cannot be stored until a person confirms the year.
    const partialDate = !filled(existing.date) && typed.dateline.date !== null && !/^\d{4}-/.test(typed.dateline.date)
    if (!filled(existing.date) && typed.dateline.date && !partialDate) dateline.date = typed.dateline.date

    const field = textFields(story).find((f) => f.block === typed.block)!
    const set: { dateline: Dateline; credits?: Credit[] } = { dateline }
    if (typed.credits.length) set.credits = mergeCredits(story.credits, typed.credits)
    const text = quoted(typed.text)
    const year = partialDate
      ? {
          zh: `；日期“${monthDay(typed.dateline.date!)}”缺少年份，请人工填写`,
          en: `; its date (${typed.dateline.date}) has no year, fill it in by hand`,
        }
      : { zh: '', en: '' }
    return [
      finding(
        noDatelineInBody,
        spanLocation(field, typed.start, typed.end),
        {
          zh: `电头${text.zh}写在了正文里，应填入电头字段${year.zh}`,
          en: `The dateline ${text.en} is typed into the body; it belongs in the dateline field${year.en}`,
        },
        {
          safe: !partialDate,
          description: { zh: '从正文移入电头字段', en: 'Move it from the body into the dateline field' },
          edits: [textEdit(field, typed.start, typed.end, '')],
          set,
        },
      ),
    ]
  },
}
