/**
 * Headlines have to fit the page and the list views. Chinese desks count a Han character (or any
 * full-width character) as one and two half-width characters (letters, digits, spaces) as one.
 */
import type { Finding, Rule, RuleContext, StoryDraft } from '../types'
import { finding } from './support'

/** Length of a headline as the desk counts it. */
export function headlineCharacters(title: string): number {
  let halves = 0
  for (const ch of title.trim()) halves += ch.charCodeAt(0) < 0x7f ? 1 : 2
  return Math.ceil(halves / 2)
}

export const headlineLength: Rule = {
  id: 'headline-length',
  severity: 'warning',
  meta: {
    description: {
      zh: '标题不超过规定字数（汉字计 1 字，两个半角字符计 1 字）',
      en: 'The headline stays within the configured length (a Han character counts 1, two half-width characters count 1)',
    },
  },
  check(story: StoryDraft, context: RuleContext): Finding[] {
    const length = headlineCharacters(story.title ?? '')
    const max = context.headlineMaxLength
    if (length <= max) return []
    return [
      finding(
        headlineLength,
        { field: 'title', start: 0, end: story.title.length },
        {
          zh: `标题共 ${length} 字，超过 ${max} 字的上限，请压缩`,
          en: `The headline is ${length} characters long, over the limit of ${max}; shorten it`,
        },
      ),
    ]
  },
}
