/**
 * Crash repair: makes a story's row, its latest version and its history agree again after a process died in
 * the middle of a save (on databases without transactions — SQLite here — nothing else undoes half a save).
 *
 * A transition writes in this order: its history entries (the claim), the story's main row, a new version,
 * then the afterChange work (schedule job, other plugins' deliveries). So, for one story:
 *   • main row behind its history → the save never happened: the claimed entries are removed (rolled back);
 *   • main row ahead of its latest version → the row was written, its version not: the version is written
 *     from the row (rolled forward — the public may already have seen the row);
 *   • main row ahead of its history → a create whose history was not written yet: its creation is recorded;
 *   • stage `scheduled` without a pending schedulePublish job → queued again from the schedule entry; a
 *     pending job for a story no longer scheduled → cancelled.
 * Every step looks at what is stored and does nothing when it already agrees, so a repair interrupted by
 * another crash is simply run again.
 *
 * Which stories: at start-up, those behind the newest history entries and the newest and most recently
 * updated stories — a crash can only interrupt the saves in flight at that moment, and nothing was written
 * after them. The host runs it before it takes requests or runs jobs (src/repair-after-crash.ts): run while
 * saves are in flight, it would take their claims for half-done ones. During work, the next action on a story
 * whose claim is older than any save takes (`staleClaimMs`) repairs that story first (a writer in another
 * process died).
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { actorOf, type Id } from './desk-roles'
import { storyWhere } from './events-collection'
import { creationEntries } from './history-entries'
import type { ResolvedWorkflowOptions } from './options'
import { recordHistory, type HistoryEntry } from './record-events'
import { cancelScheduledPublish, queueScheduledPublish, scheduleJobsWhere } from './scheduled-publish'
import { isStage, type Stage } from './stages'

const JOBS = 'payload-jobs'

interface StoredEntry {
  id: Id
  key: string
  sequence: number
  action: string
  toStage: Stage
  actor?: Id | { id: Id } | null
  publishAt?: string | null
  at?: string
}

export interface StoryRepair {
  collection: CollectionSlug
  id: Id
  fixes: string[]
}

export interface RepairReport {
  checked: number
  repaired: StoryRepair[]
}

const sequenceOf = (doc: Record<string, unknown> | null | undefined) =>
  typeof doc?.workflowSequence === 'number' ? doc.workflowSequence : 0

async function historyOf(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
): Promise<StoredEntry[]> {
  const { docs } = await req.payload.db.find({
    collection: options.eventsCollection,
    where: storyWhere(options, collection, [id]),
    sort: 'sequence',
    limit: 0,
    pagination: false,
    req,
  })
  return docs as unknown as StoredEntry[]
}

async function actorById(req: PayloadRequest, options: ResolvedWorkflowOptions, value: unknown) {
  const id = value && typeof value === 'object' ? (value as { id?: Id }).id : (value as Id | null | undefined)
  if (id == null) return null
  const user = await req.payload.db.findOne({ collection: options.usersCollection, where: { id: { equals: id } }, req })
  return user ? actorOf({ ...user, collection: options.usersCollection }, options) : null
}

async function pendingScheduleJobs(req: PayloadRequest, collection: CollectionSlug, id: Id) {
  const { docs } = await req.payload.db.find({
    collection: JOBS,
    where: scheduleJobsWhere(collection, id, { hasError: { not_equals: true } }),
    limit: 0,
    pagination: false,
    req,
  })
  return docs as { id: Id; processing?: boolean }[]
}

/** Brings one story's row, latest version, history and schedule job into agreement; returns what it fixed. */
export async function repairStory(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
): Promise<string[]> {
  const fixes: string[] = []
  const main = (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, joins: false, req })) as Record<
    string,
    unknown
  > | null
  if (!main) return fixes
  const latest = (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Record<string, unknown> | null
  const rowSequence = sequenceOf(main)
  const now = new Date().toISOString()

  if (sequenceOf(latest) < rowSequence) {
    await req.payload.db.createVersion({
      collectionSlug: collection,
      parent: id,
      versionData: main,
      autosave: false,
      createdAt: now,
      updatedAt: now,
      returning: false,
      req,
    })
    fixes.push(`wrote the missing version of sequence ${rowSequence}`)
  }

  const history = await historyOf(req, options, collection, id)
  const recorded = history.at(-1)?.sequence ?? 0
  if (recorded > rowSequence) {
    const orphans = history.filter((entry) => entry.sequence > rowSequence)
    await req.payload.db.deleteMany({ collection: options.eventsCollection, where: { key: { in: orphans.map((e) => e.key) } }, req })
    fixes.push(`rolled back ${orphans.map((e) => `${e.sequence}:${e.action}`).join(', ')} (the save never happened)`)
  } else if (recorded < rowSequence) {
    const stage: Stage = isStage(main.stage) ? main.stage : 'draft'
    const actor = await actorById(req, options, main.createdBy)
    const creation = creationEntries(actor, main._status === 'published')
    const missing: HistoryEntry[] =
      creation.length === rowSequence
        ? creation.slice(recorded)
        : Array.from({ length: rowSequence - recorded }, () => ({
            action: 'update' as const,
            from: history.at(-1)?.toStage ?? null,
            to: stage,
          }))
    await recordHistory(req, options, collection, id, recorded + 1, missing, recorded === 0 ? actor : null, String(main.createdAt ?? now))
    fixes.push(`recorded the missing ${missing.map((e) => e.action).join(', ')}`)
  }

  const stage = isStage(main.stage) ? main.stage : 'draft'
  const jobs = await pendingScheduleJobs(req, collection, id)
  if (stage === 'scheduled' && jobs.length === 0) {
    const schedule = (await historyOf(req, options, collection, id)).filter((e) => e.action === 'schedule' && e.publishAt).at(-1)
    if (schedule?.publishAt) {
      await queueScheduledPublish(
        req,
        collection,
        id,
        new Date(schedule.publishAt).toISOString(),
        await actorById(req, options, schedule.actor),
      )
      fixes.push(`queued the scheduled publish for ${new Date(schedule.publishAt).toISOString()}`)
    }
  } else if (stage !== 'scheduled' && jobs.some((job) => !job.processing)) {
    await cancelScheduledPublish(req, collection, id)
    fixes.push('cancelled the scheduled publish of a story no longer scheduled')
  }
  return fixes
}

/** Ids of the stories most recently touched, by the newest history entries and the newest/most recently saved rows. */
async function recentStories(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  window: number,
): Promise<Id[]> {
  const ids = new Set<string>()
  const found: Id[] = []
  const add = (id: unknown) => {
    if (id == null || ids.has(String(id))) return
    ids.add(String(id))
    found.push(id as Id)
  }
  const events = await req.payload.db.find({
    collection: options.eventsCollection,
    where: options.collections.length === 1 ? {} : { 'article.relationTo': { equals: collection } },
    sort: '-id',
    limit: window,
    pagination: false,
    req,
  })
  for (const entry of events.docs as { article?: unknown }[]) {
    const article = entry.article as { value?: unknown; id?: unknown } | Id | null | undefined
    add(article && typeof article === 'object' ? (article.value ?? article.id) : article)
  }
  for (const sort of ['-id', '-updatedAt']) {
    const rows = await req.payload.db.find({ collection, sort, limit: window, pagination: false, select: { id: true }, req })
    for (const row of rows.docs) add(row.id)
  }
  return found
}

/** Checks and repairs the stories a crash may have left half-saved (see the top of this file). */
export async function repairRecentStories(payload: Payload, options: ResolvedWorkflowOptions): Promise<RepairReport> {
  const report: RepairReport = { checked: 0, repaired: [] }
  if (options.disabled) return report
  const window = options.repairWindow
  const req = await createLocalReq({}, payload)
  for (const collection of options.collections) {
    for (const id of await recentStories(req, options, collection, window)) {
      report.checked++
      try {
        const fixes = await repairStory(req, options, collection, id)
        if (fixes.length) report.repaired.push({ collection, id, fixes })
      } catch (err) {
        payload.logger.error({ err, msg: `Workflow repair of ${collection} ${String(id)} failed` })
      }
    }
  }
  for (const { collection, id, fixes } of report.repaired) {
    payload.logger.warn(`Workflow repair: ${collection} ${String(id)}: ${fixes.join('; ')}`)
  }
  return report
}

/**
 * A claim this old with the row still behind it belongs to a writer that died (a save takes seconds): repair
 * the story so the action can go ahead. Returns whether anything was repaired.
 */
export async function repairStaleClaim(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
  staleClaimMs: number,
): Promise<boolean> {
  const main = await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    select: { workflowSequence: true },
    joins: false,
    req,
  })
  const ahead = (await historyOf(req, options, collection, id)).filter(
    (entry) => entry.sequence > sequenceOf(main as Record<string, unknown> | null),
  )
  if (!ahead.length || ahead.some((entry) => !entry.at || Date.now() - Date.parse(entry.at) < staleClaimMs)) return false
  const fixes = await repairStory(req, options, collection, id)
  if (fixes.length) req.payload.logger.warn(`Workflow repair: ${collection} ${String(id)}: ${fixes.join('; ')}`)
  return fixes.length > 0
}
