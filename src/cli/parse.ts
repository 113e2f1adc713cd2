/** `newsroom parse FILE [--body-only] [--fix]`: the parsed story as JSON, with its house-style findings. */
import { readLegacyStory } from '../../plugins/house-style'
import { readStoryFile } from './read-file'

export function parseCommand(files: string[], options: { bodyOnly: boolean; fix: boolean }): number {
  const { parsed, findings } = readLegacyStory(readStoryFile(files[0]), { fix: options.fix, bodyOnly: options.bodyOnly })
  const output = {
    title: parsed.title,
    dateline: parsed.dateline,
    credits: parsed.credits,
    bylinePosition: parsed.bylinePosition,
    script: parsed.script,
    findings,
    body: parsed.body,
  }
  console.log(JSON.stringify(output, null, 2))
  return 0
}
