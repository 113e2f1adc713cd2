/**
 * The first step of importing a story: read the source, normalise it, parse it and apply the safe house-style
 * fixes. Nothing here touches the database or Payload, so the archive importer runs it on a thread of its own
 * (story-reader.ts) while the main thread saves the batch before.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'

import {
  type Finding,
  readLegacyStory,
  recallTypedFurniture,
  type RememberedFurniture,
  type RuleContext,
  type StoryDraft,
} from '../../plugins/house-style/reading'

/** The house-style settings reading depends on (plain data: it is posted to the reader's thread). */
export type ReadingRules = Pick<RuleContext, 'houseScript' | 'datelinePreset'>

export interface SourceRead {
  /** The story with the safe fixes applied. */
  story: StoryDraft
  /** What is left for a person after the fixes. */
  findings: Finding[]
  /** Names the source: importing it again updates the story it made. */
  importKey: string
}

export const importKeyOf = (source: string): string =>
  createHash('sha256').update(source.replace(/\r\n/g, '\n').trim()).digest('hex').slice(0, 32)

export function readSource(source: string, rules: ReadingRules): SourceRead {
  const { story, findings } = readLegacyStory(source, { fix: true, context: rules })
  return { story, findings, importKey: importKeyOf(source) }
}

/**
 * A file's outcome: what was read, or why it could not be (a message a person reads beside the file's name).
 * `furniture` is the typed-furniture rule's answer for the story as the save hook will lint it (an archive's
 * pictures are not imported), handed to the thread that saves it so that it is not parsed there again.
 */
export type ReadOutcome =
  | { read: SourceRead; furniture: RememberedFurniture; error?: undefined }
  | { read?: undefined; furniture?: undefined; error: { message: string } }

/** Reads the files, in order: all requested from the disk at once, each parsed as its text arrives. */
export async function readStoryFiles(files: string[], rules: ReadingRules): Promise<ReadOutcome[]> {
  const texts = files.map((file) => readFile(file, 'utf8'))
  texts.forEach((text) => text.catch(() => undefined))
  const outcomes: ReadOutcome[] = []
  for (const text of texts) {
    try {
      const read = readSource(await text, rules)
      const saved = { ...read.story, body: read.story.body.filter((block) => block.type !== 'image') }
      outcomes.push({ read, furniture: recallTypedFurniture(saved) })
    } catch (error) {
      outcomes.push({ error: { message: error instanceof Error ? error.message : String(error) } })
    }
  }
  return outcomes
}
