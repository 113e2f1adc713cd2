/**
 * `newsroom import FILE|DIR … [--publish]`: imports legacy stories into the configured database (DATABASE_URI,
 * or the embedded SQLite default), as drafts or published. Shows progress, reports errors per file, prints a
 * summary; importing the same file again updates the story instead of duplicating it.
 */
import { SingleBar } from 'cli-progress'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { newNameLookups } from '../../plugins/house-style'
import { importStory } from '../import/import-story'
import { resolveFromUser } from './read-file'

const STORY_EXTENSIONS = new Set(['.md', '.txt', '.markdown'])

export function collectStoryFiles(inputs: string[]): string[] {
  const files: string[] = []
  for (const input of inputs) {
    const full = resolveFromUser(input)
    const stat = statSync(full, { throwIfNoEntry: false })
    if (!stat) throw new Error(`no such file or directory: ${input}`)
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) {
        if (STORY_EXTENSIONS.has(path.extname(name).toLowerCase())) files.push(path.join(full, name))
      }
    } else {
      files.push(full)
    }
  }
  return files
}

export async function importCommand(inputs: string[], options: { publish: boolean }): Promise<number> {
  if (!inputs.length) throw new Error('name files or folders to import, e.g. `newsroom import stories/`')
  const files = collectStoryFiles(inputs)
  process.env.NEWSROOM_SEED ??= 'false'
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 })
  bar.start(files.length, 0, { file: '' })
  const started = performance.now()
  const { summary, failures } = await importFiles(payload, files, {
    publish: options.publish,
    onStart: (file) => bar.update({ file: path.basename(file) }),
    onDone: () => bar.increment(),
  })
  const seconds = (performance.now() - started) / 1000
  bar.stop()
  for (const failure of failures) console.error(`✗ ${failure}`)
  console.log(
    `Imported ${files.length} file(s): ${summary.created} created, ${summary.updated} updated (already imported), ${summary.failed} failed` +
      (summary.needsAttention ? `; ${summary.needsAttention} have style errors a person must fix before publishing.` : '.'),
  )
  console.log(`Took ${seconds.toFixed(2)} s after start-up (${(files.length / Math.max(seconds, 0.001)).toFixed(1)} stories/s).`)
  await payload.destroy()
  return summary.failed ? 1 : 0
}

export interface ImportSummary {
  created: number
  updated: number
  failed: number
  needsAttention: number
}

/** Imports the files one after another with one set of name look-ups; a failure is reported and skipped. */
export async function importFiles(
  payload: Payload,
  files: string[],
  options: { publish: boolean; onStart?: (file: string) => void; onDone?: (file: string) => void },
): Promise<{ summary: ImportSummary; failures: string[] }> {
  const summary: ImportSummary = { created: 0, updated: 0, failed: 0, needsAttention: 0 }
  const failures: string[] = []
  const lookups = newNameLookups()
  for (const file of files) {
    options.onStart?.(file)
    try {
      const result = await importStory(payload, readFileSync(file, 'utf8'), { publish: options.publish, lookups })
      summary[result.created ? 'created' : 'updated']++
      if (result.findings.some((f) => f.severity === 'error')) summary.needsAttention++
    } catch (error) {
      summary.failed++
      failures.push(`${path.basename(file)}: ${errorText(error)}`)
    }
    options.onDone?.(file)
  }
  return { summary, failures }
}

function errorText(error: unknown): string {
  const data = (error as { data?: { errors?: { path: string; message: string }[] } }).data
  if (data?.errors?.length) return data.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}
