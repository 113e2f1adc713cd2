/** The founding story exactly as it reached the desk, read from where the seed reads it (src/seed/founding-story.ts). */
import { readFileSync } from 'node:fs'

import { foundingStoryPath } from '../../src/seed/founding-story'

export const foundingStorySource = (): string => readFileSync(foundingStoryPath(), 'utf8')
