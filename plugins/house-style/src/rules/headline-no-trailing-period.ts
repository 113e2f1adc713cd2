/**
 * A headline is not a sentence: it takes no closing period (。 or .). Question and exclamation marks and
 * an ellipsis can be part of a headline and are kept.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { replacementFinding, textFields } from './support'

/** A final 。 or a single final . (not the last dot of "..."), with any spaces after it. */
const TRAILING_PERIOD = /(?:。|(?<!\.)\.)\s*$/

export const headlineNoTrailingPeriod: Rule = {
  id: 'headline-no-trailing-period',
  severity: 'error',
  meta: {
    description: { zh: '标题末尾不加句号', en: 'No period at the end of the headline' },
  },
  check(story: StoryDraft): Finding[] {
    const [title] = textFields(story)
    const match = TRAILING_PERIOD.exec(title.text)
    if (!match) return []
    return [
      replacementFinding(
        headlineNoTrailingPeriod,
        title,
        match.index,
        match.index + 1,
        '',
        { zh: '标题末尾不加句号', en: 'A headline takes no closing period' },
        { zh: '删除句号', en: 'Remove the period' },
        { start: match.index, end: title.text.length },
      ),
    ]
  },
}
