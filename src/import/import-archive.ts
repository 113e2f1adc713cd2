/**
 * `newsroom import` of an archive: stories in batches, one database transaction per batch.
 *
 * Each story is read and fixed (read-source.ts, on a thread of its own while the batch before is saved:
 * story-reader.ts), matched to names as importStory does (prepareRead), then saved through Payload's
 * own create or update operation — so every field validation and every hook (house-style render and lint,
 * the workflow's stage and history, slugs) runs on it exactly as on any save. What changes is the writing: a new
 * story's rows, its version and its history are held back and written for the whole batch with one insert per
 * table (deferred-writes.ts), and the batch commits once. Re-importing a file updates its story (import key).
 *
 * A story that is refused (a validation or house-style error) is reported by file and the rest of its batch
 * still lands: it never reached the database. Should the batch itself fail (a database error), it is rolled
 * back whole and its stories are saved one at a time instead, each reported on its own — nothing half-written,
 * no good story lost. A killed import leaves only whole batches behind; running it again updates those and
 * creates the rest.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import path from 'node:path'
import { createLocalReq } from 'payload'

import { newNameLookups, resolveHouseStyleOptions, type NameLookups } from '../../plugins/house-style'
import { preloadSlugs, SLUG_RUN } from '../../collections/fields/slug'
import { beginBatch } from './batch-transaction'
import { isDrizzleAdapter } from './bulk-insert'
import { DeferredStoryWrites, NeedsFlush } from './deferred-writes'
import { prepareRead, saveStory, type PreparedStory } from './import-story'
import { type ReadingThread, StoryReader, type ReadOutcome } from './story-reader'

const STORIES = 'articles'
export const DEFAULT_BATCH_SIZE = 200
/**
 * The first batch is this small, and each next one twice the one before, up to the batch size. Nothing can be saved
 * until the first batch is read: a first batch of 200 kept the saving thread waiting 0.4–0.5 s, one of 25 about
 * 0.2 s. Saving a batch takes longer than reading one twice its size, so the next is read while one is saved.
 */
const FIRST_BATCH_SIZE = 25

export interface ImportSummary {
  created: number
  updated: number
  failed: number
  needsAttention: number
}

export type ImportOutcome = 'created' | 'updated' | 'failed'

export interface ArchiveImportOptions {
  publish: boolean
  batchSize?: number
  onDone?: (file: string, outcome: ImportOutcome) => void
  /** After each batch, once what it wrote is committed (`newsroom import` tells the running site then). */
  onBatch?: () => Promise<void>
  /** Extra fields of every story (`--section`, `--region`). */
  extra?: Record<string, unknown>
  /** A reading thread started before Payload booted (startReadingThread), loaded by the time the import begins. */
  readingThread?: ReadingThread
}

interface Entry {
  file: string
  story: PreparedStory
  existing?: string | number
}

class Run {
  readonly summary: ImportSummary = { created: 0, updated: 0, failed: 0, needsAttention: 0 }
  readonly failures: string[] = []
  readonly lookups: NameLookups = newNameLookups()
  /** Shared by the run's batches: the slugs they gave out and looked up (collections/fields/slug.ts). */
  readonly slugRun = {}

  constructor(private readonly options: ArchiveImportOptions) {}

  fail(file: string, error: unknown) {
    this.summary.failed++
    this.failures.push(`${path.basename(file)}: ${errorText(error)}`)
    this.options.onDone?.(file, 'failed')
  }

  done(entry: Entry, outcome: 'created' | 'updated') {
    this.summary[outcome]++
    if (entry.story.findings.some((f) => f.severity === 'error')) this.summary.needsAttention++
    this.options.onDone?.(entry.file, outcome)
  }
}

/** Imports the files (a list or a stream of paths) in batches; see the module comment for what lands when. */
export async function importArchive(
  payload: Payload,
  files: AsyncIterable<string> | Iterable<string>,
  options: ArchiveImportOptions,
): Promise<{ summary: ImportSummary; failures: string[] }> {
  const run = new Run(options)
  const fullSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE)
  let size = Math.min(fullSize, FIRST_BATCH_SIZE)
  // Deliveries of a published story read it back from the database while it is saved, and MongoDB has no
  // drizzle tables: those imports save each story on its own (the same operation, written at once).
  const bulk = !options.publish && isDrizzleAdapter(payload)
  const houseStyle = resolveHouseStyleOptions(payload.config.custom?.houseStyle)
  const rules = { houseScript: houseStyle.houseScript, datelinePreset: houseStyle.datelinePreset }
  const reader = new StoryReader(rules, payload.logger, options.readingThread)
  // One batch ahead: the next batch is being read on the reader's thread while this one is saved.
  let ahead: { files: string[]; reads: Promise<ReadOutcome[]> } | undefined
  const save = async (batch: typeof ahead) => {
    if (!batch) return
    await importBatch(payload, batch.files, await batch.reads, run, options, bulk)
    await options.onBatch?.()
  }
  const readNext = async (files: string[]) => {
    const next = { files, reads: reader.read(files) }
    await save(ahead)
    ahead = next
  }
  try {
    let batch: string[] = []
    for await (const file of files) {
      batch.push(file)
      if (batch.length >= size) {
        await readNext(batch)
        batch = []
        size = Math.min(fullSize, size * 2)
      }
    }
    if (batch.length) await readNext(batch)
    await save(ahead)
  } finally {
    await reader.close()
  }
  return { summary: run.summary, failures: run.failures }
}

async function importBatch(
  payload: Payload,
  files: string[],
  reads: ReadOutcome[],
  run: Run,
  options: ArchiveImportOptions,
  bulk: boolean,
) {
  // Match names to ids first, outside the batch's transaction: a reporter created here stays created (and
  // cached in run.lookups) even if the batch has to be written again.
  const req = await createLocalReq({}, payload)
  const entries: Entry[] = []
  for (const [index, file] of files.entries()) {
    const { read, error } = reads[index]!
    try {
      if (!read) throw new Error(error.message)
      entries.push({
        file,
        story: await prepareRead(payload, read, { publish: options.publish, lookups: run.lookups, extra: options.extra }, req),
      })
    } catch (failure) {
      run.fail(file, failure)
    }
  }
  // Which files were imported before: one query for the batch.
  const keys = [...new Set(entries.map((e) => e.story.importKey))]
  const { docs } = keys.length
    ? await payload.db.find({
        collection: STORIES,
        where: { importKey: { in: keys } },
        limit: keys.length,
        pagination: false,
        select: { id: true, importKey: true },
        joins: false,
        req,
      })
    : { docs: [] }
  const byKey = new Map(docs.map((d) => [String((d as { importKey?: unknown }).importKey), d.id as string | number]))
  for (const entry of entries) entry.existing = byKey.get(entry.story.importKey)

  if (bulk) {
    try {
      await writeBatch(payload, entries, run, options)
      return
    } catch (error) {
      payload.logger.warn({
        err: error,
        msg: `import: a batch of ${entries.length} stories failed as a whole and was rolled back; saving them one at a time`,
      })
    }
  }
  await writeOneByOne(payload, entries, run, options)
}

/** A refusal of the story itself (validation, house style, workflow): raised before it wrote anything. */
const isRefusal = (error: unknown) => {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 500
}

async function writeBatch(payload: Payload, entries: Entry[], run: Run, options: ArchiveImportOptions) {
  const req = await createLocalReq({ context: { [SLUG_RUN]: run.slugRun } }, payload)
  const transaction = await beginBatch(payload, req)
  const deferred = new DeferredStoryWrites(payload, req, STORIES, eventsCollectionOf(payload))
  const outcomes: [Entry, 'created' | 'updated'][] = []
  const refused: [Entry, unknown][] = []
  const seen = new Set<string>()
  try {
    // Updates first, written as they go: their new versions take ids before the batch reserves its own.
    for (const entry of entries.filter((e) => e.existing !== undefined)) {
      try {
        await payload.update({ collection: STORIES, id: entry.existing!, data: entry.story.data, draft: !options.publish, depth: 0, req })
        outcomes.push([entry, 'updated'])
      } catch (error) {
        if (!isRefusal(error)) throw error
        refused.push([entry, error])
      }
    }
    const creates = entries.filter((e) => e.existing === undefined)
    await deferred.reserve(creates.length)
    // The slug each new story asks for first, in one query rather than one per story.
    await preloadSlugs(
      req,
      STORIES,
      creates.map((e) => e.story.title),
    )
    for (const entry of creates) {
      // The same file twice in one batch: the second is the story the first just created.
      if (seen.has(entry.story.importKey)) {
        outcomes.push([entry, 'updated'])
        continue
      }
      await createDeferred(payload, deferred, entry, req, options)
        .then(() => {
          seen.add(entry.story.importKey)
          outcomes.push([entry, 'created'])
        })
        .catch((error: unknown) => {
          if (!isRefusal(error)) throw error
          refused.push([entry, error])
        })
    }
    await deferred.flush()
    await transaction.commit()
  } catch (error) {
    await transaction.rollback().catch(() => undefined)
    throw error
  } finally {
    deferred.end()
  }
  for (const [entry, error] of refused) run.fail(entry.file, error)
  for (const [entry, outcome] of outcomes) run.done(entry, outcome)
}

async function createDeferred(
  payload: Payload,
  deferred: DeferredStoryWrites,
  entry: Entry,
  req: PayloadRequest,
  options: ArchiveImportOptions,
) {
  for (let attempt = 0; ; attempt++) {
    deferred.begin()
    try {
      await payload.create({ collection: STORIES, data: structuredClone(entry.story.data), draft: !options.publish, depth: 0, req })
      deferred.keep()
      return
    } catch (error) {
      deferred.drop()
      // A story of this batch holds what this one needs (its slug): write the batch so far, then save it again.
      if (error instanceof NeedsFlush && attempt === 0) {
        await deferred.flush()
        continue
      }
      throw error
    }
  }
}

/** Each story through Payload's operation on its own, as importStory saves it. */
async function writeOneByOne(payload: Payload, entries: Entry[], run: Run, options: ArchiveImportOptions) {
  for (const entry of entries) {
    try {
      const { created } = await saveStory(payload, entry.story, { publish: options.publish }, await createLocalReq({}, payload))
      run.done(entry, created ? 'created' : 'updated')
    } catch (error) {
      run.fail(entry.file, error)
    }
  }
}

const eventsCollectionOf = (payload: Payload): CollectionSlug =>
  (payload.config.custom?.editorialWorkflow as { eventsCollection?: CollectionSlug } | undefined)?.eventsCollection ?? 'workflow-events'

export function errorText(error: unknown): string {
  const data = (error as { data?: { errors?: { path: string; message: string }[] } }).data
  if (data?.errors?.length) return data.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}
