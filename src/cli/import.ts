/**
 * `newsroom import FILE|DIR … [--publish] [--batch N] [--section SLUG] [--region SLUG]`: imports legacy stories
 * into the configured database (DATABASE_URI, or the embedded SQLite default), as drafts or published, N stories
 * per transaction, optionally all in one section and region. Shows progress, reports errors per file, prints a
 * summary with stories/s and peak memory; importing the same file again updates the story instead of
 * duplicating it. After each batch it tells the running app what readers now see differently
 * (src/import/tell-running-site.ts) and says whether one was told.
 */
import { SingleBar } from 'cli-progress'
import { statSync } from 'node:fs'
import { opendir } from 'node:fs/promises'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { importArchive, type ArchiveImportOptions, type ImportSummary } from '../import/import-archive'
import { type ReadingThread, startReadingThread } from '../import/story-reader'
import { refreshStoryStatistics } from '../import/planner-statistics'
import { tellRunningSite } from '../import/tell-running-site'
import { resolveFromUser } from './read-file'

export type { ImportSummary }

const STORY_EXTENSIONS = new Set(['.md', '.txt', '.markdown'])

/**
 * The story files named on the command line, a folder's read entry by entry as the import goes (an archive of a
 * hundred thousand files is never listed in memory). Missing inputs are refused before anything is imported.
 */
export function storyFiles(inputs: string[]): AsyncIterable<string> {
  const resolved = inputs.map((input) => {
    const full = resolveFromUser(input)
    const stat = statSync(full, { throwIfNoEntry: false })
    if (!stat) throw new Error(`no such file or directory: ${input}`)
    return { full, directory: stat.isDirectory() }
  })
  return {
    async *[Symbol.asyncIterator]() {
      for (const { full, directory } of resolved) {
        if (!directory) {
          yield full
          continue
        }
        for await (const entry of await opendir(full)) {
          if (entry.isFile() && STORY_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) yield path.join(full, entry.name)
        }
      }
    },
  }
}

async function countOf(files: AsyncIterable<string>): Promise<number> {
  let n = 0
  for await (const _ of files) n++
  return n
}

/** Peak resident memory of this process so far, in MB (getrusage's maxrss is in kB on Linux). */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024

/** The id of the section or region with this slug; an unknown slug stops the import before anything is written. */
async function placeId(payload: Payload, collection: 'sections' | 'regions', slug: string): Promise<string | number> {
  const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0, pagination: false })
  if (!docs[0]) throw new Error(`no ${collection === 'sections' ? 'section' : 'region'} with the slug "${slug}"`)
  return docs[0].id
}

export interface ImportCommandOptions {
  publish: boolean
  batchSize?: number
  /** Slugs of the section and region every imported story is put in. */
  section?: string
  region?: string
}

export async function importCommand(inputs: string[], options: ImportCommandOptions): Promise<number> {
  if (!inputs.length) throw new Error('name files or folders to import, e.g. `newsroom import stories/`')
  const files = storyFiles(inputs)
  const total = await countOf(files)
  process.env.NEWSROOM_SEED ??= 'false'
  // The thread that reads and fixes the stories loads while Payload boots.
  const readingThread = startReadingThread()
  try {
    return await importWith(files, options, total, readingThread)
  } finally {
    await readingThread.worker?.terminate()
  }
}

async function importWith(files: AsyncIterable<string>, options: ImportCommandOptions, total: number, readingThread: ReadingThread) {
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const extra: Record<string, unknown> = {}
  try {
    if (options.section) extra.section = await placeId(payload, 'sections', options.section)
    if (options.region) extra.region = await placeId(payload, 'regions', options.region)
  } catch (error) {
    await payload.destroy()
    throw error
  }
  const site = tellRunningSite()
  const bar = new SingleBar({
    format: 'Importing [{bar}] {value}/{total} {file}',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  })
  bar.start(total, 0, { file: '' })
  const started = performance.now()
  const { summary, failures } = await importFiles(payload, files, {
    publish: options.publish,
    batchSize: options.batchSize,
    extra,
    onDone: (file) => bar.increment({ file: path.basename(file) }),
    onBatch: () => site.flush(),
    readingThread,
  })
  const seconds = (performance.now() - started) / 1000
  bar.stop()
  for (const failure of failures) console.error(`✗ ${failure}`)
  const count = summary.created + summary.updated + summary.failed
  console.log(
    `Imported ${count} file(s): ${summary.created} created, ${summary.updated} updated (already imported), ${summary.failed} failed` +
      (summary.needsAttention ? `; ${summary.needsAttention} have style errors a person must fix before publishing.` : '.'),
  )
  console.log(
    `Took ${seconds.toFixed(2)} s after start-up (${(count / Math.max(seconds, 0.001)).toFixed(1)} stories/s); peak memory ${peakRssMb().toFixed(0)} MB.`,
  )
  if (summary.created + summary.updated) {
    const analysed = await refreshStoryStatistics(payload)
    if (analysed !== null) console.log(`Refreshed PostgreSQL's statistics of the story tables (${analysed.toFixed(0)} ms).`)
  }
  const told = site.stop()
  if (told) console.log(told)
  await payload.destroy()
  return summary.failed ? 1 : 0
}

/** What `newsroom import` runs once Payload is up: the archive importer (src/import/import-archive.ts). */
export async function importFiles(
  payload: Payload,
  files: AsyncIterable<string> | Iterable<string>,
  options: ArchiveImportOptions,
): Promise<{ summary: ImportSummary; failures: string[] }> {
  return importArchive(payload, files, options)
}
