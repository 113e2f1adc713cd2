/**
 * Second entry of the house-style plugin: reading legacy copy into house style without loading Payload — for a
 * thread that has no Payload of its own (the archive importer reads on one: src/import/story-reader.ts). The
 * plugin's main entry (index.ts) exports the same functions to everyone else.
 */
export { readLegacyStory, type LegacyStoryResult } from './src/legacy-story'
export { recallTypedFurniture, rememberTypedFurniture, type RememberedFurniture } from './src/rules/typed-furniture'
export type { Finding, RuleContext, StoryDraft } from './src/types'
