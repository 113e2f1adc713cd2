/** Where the founding story is read from: NEWSROOM_FOUNDING_STORY, else shared/ beside the repository (CI and developers' machines). */
import path from 'node:path'

import { projectRoot } from '../env'

export const foundingStoryPath = (): string =>
  process.env.NEWSROOM_FOUNDING_STORY || path.resolve(projectRoot, '..', 'shared', 'fixtures', 'founding-article.md')
