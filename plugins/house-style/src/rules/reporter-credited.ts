/**
 * Every story names at least one reporter (记者). Correspondents, photographers and editors are credited
 * too, but they do not stand in for the reporter who answers for the story.
 */
import type { Finding, Rule, StoryDraft } from '../types'
import { finding } from './support'

export const reporterCredited: Rule = {
  id: 'reporter-credited',
  severity: 'error',
  meta: {
    description: { zh: '稿件须署名至少一位记者', en: 'The story credits at least one reporter' },
  },
  check(story: StoryDraft): Finding[] {
    if (story.credits.some((credit) => credit.role === 'reporter' && credit.name.trim())) return []
    const others = story.credits.filter((credit) => credit.name.trim()).length
    return [
      finding(
        reporterCredited,
        { field: 'credits' },
        others
          ? {
              zh: '稿件未署名记者：通讯员、摄影、编辑等署名不能代替记者署名，请添加角色为“记者”的署名',
              en: 'No reporter is credited: correspondent, photographer or editor credits do not count; add a credit with the role "reporter"',
            }
          : { zh: '稿件没有署名，须至少署名一位记者', en: 'The story has no credits; it must credit at least one reporter' },
      ),
    ]
  },
}
