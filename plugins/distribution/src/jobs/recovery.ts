/**
 * The recovery sweep: no delivery is lost to a crash, a restart or a lost job.
 *
 * It runs at start-up and then as a self-renewing job on the distribution queue, and looks at deliveries that
 * are due (pending/retrying) since longer than the grace period:
 *   • attempt claimed, lease still running → a worker is on it; leave it;
 *   • attempt claimed, lease expired, unfinished → the worker died mid-attempt: the attempt counts (abandoned)
 *     and the next one is queued now — the receiver dedupes by webhook-id if the dead worker's POST landed;
 *   • attempt never claimed and no job waiting for it → the job was lost (or failed to run): queue it again.
 * The page is older than the workers' latest writes: a takeover settles the attempt first, a re-queue reads the row
 * again.
 * It also frees jobs a killed worker left `processing`, so Payload's runner can pick them up again (they are
 * harmless to rerun: a job for an attempt already made does nothing, and the attempt claim lets one worker
 * through). Such a job is dead once its attempt's lease ran out, or, when it never claimed its attempt, once the
 * grace and the lease margin have passed: a live worker claims within moments of taking the job. Waiting for the
 * longest attempt any channel may take instead held a whole story's later deliveries back for over a minute
 * after a restart.
 */
import type { Payload, TaskConfig } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { AttemptDoc, AttemptPatch, DeliveryPatch, JobRow, SelectOf, WhereOf } from '../rows'
import type { DistributionRuntime } from '../runtime'
import { attemptKey } from './attempt-claim'
import { settleAttempt } from './attempt-settle'
import { readDelivery } from './delivery-store'
import type { DeliveryDoc } from './deliver-task'
import { queueDeliveryAttempt, queueTask } from './queue-delivery'
import { DELIVER_TASK, RECOVER_TASK, type DeliverInput } from './task-slugs'

const JOBS = 'payload-jobs'
const BATCH = 500
const MAX_PAGES = 40

export interface SweepReport {
  requeued: number
  abandoned: number
  failed: number
  jobsFreed: number
}

type AttemptRow = Pick<AttemptDoc, 'id' | 'key' | 'finishedAt' | 'leaseUntil'>

/** The claim of attempt N of a delivery, if a worker made one. */
async function findClaim(
  payload: Payload,
  options: ResolvedDistributionOptions,
  deliveryId: Id,
  attempt: number,
): Promise<AttemptRow | undefined> {
  const { docs } = await payload.find({
    collection: options.attemptsSlug,
    where: { key: { equals: attemptKey(deliveryId, attempt) } } satisfies WhereOf<AttemptDoc>,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0] as unknown as AttemptRow | undefined
}

const leaseRunning = (claim: AttemptRow, now: number): boolean =>
  !claim.finishedAt && Boolean(claim.leaseUntil) && Date.parse(claim.leaseUntil!) > now

/** Deliver jobs left `processing` by a worker that is gone: back to waiting, for the runner to take again. */
async function freeDeadWorkersJobs(
  payload: Payload,
  options: ResolvedDistributionOptions,
  now: number,
  report: SweepReport,
): Promise<void> {
  const { docs } = await payload.find({
    collection: JOBS,
    where: {
      and: [
        { taskSlug: { equals: DELIVER_TASK } },
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: new Date(now - options.delivery.recoveryGraceMs - options.delivery.leaseMarginMs).toISOString() } },
      ],
    } satisfies WhereOf<JobRow>,
    limit: BATCH,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  for (const job of docs as unknown as (JobRow & { input?: Partial<DeliverInput> })[]) {
    const { deliveryId, attempt } = job.input ?? {}
    const claim = deliveryId === undefined ? undefined : await findClaim(payload, options, deliveryId, Number(attempt))
    if (claim && leaseRunning(claim, now)) continue
    await payload.db.updateOne({ collection: JOBS, id: job.id, data: { processing: false } satisfies Partial<JobRow>, returning: false })
    report.jobsFreed++
  }
}

/** The attempts a deliver job is queued (or running) for, as attempt keys: one query for the whole sweep. */
async function waitingAttempts(payload: Payload): Promise<Set<string>> {
  const { docs } = await payload.find({
    collection: JOBS,
    where: {
      and: [{ taskSlug: { equals: DELIVER_TASK } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    } satisfies WhereOf<JobRow>,
    select: { input: true } satisfies SelectOf<JobRow>,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const keys = (docs as unknown as { input?: Partial<DeliverInput> }[]).map(({ input }) =>
    attemptKey(String(input?.deliveryId), Number(input?.attempt)),
  )
  return new Set(keys)
}

/** What the sweep knows of a page of due deliveries, read in two queries rather than two per delivery. */
export interface SweepContext {
  claims: Map<string, AttemptRow>
  waiting: Set<string>
}

/** The claims of the next attempts of these deliveries, and (unless given) the attempts with a job waiting. */
export async function sweepContext(
  payload: Payload,
  options: ResolvedDistributionOptions,
  deliveries: DeliveryDoc[],
  waiting?: Set<string>,
): Promise<SweepContext> {
  const keys = deliveries.map((delivery) => attemptKey(delivery.id, (delivery.attempts ?? 0) + 1))
  const { docs } = keys.length
    ? await payload.find({
        collection: options.attemptsSlug,
        where: { key: { in: keys } } satisfies WhereOf<AttemptDoc>,
        select: { key: true, finishedAt: true, leaseUntil: true } satisfies SelectOf<AttemptDoc>,
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [] }
  const claims = new Map((docs as unknown as AttemptRow[]).map((claim) => [claim.key, claim]))
  return { claims, waiting: waiting ?? (await waitingAttempts(payload)) }
}

/**
 * The dead worker's attempt counts; queue the next one (or give up when the budget is spent). Null when the
 * attempt was settled meanwhile (by its worker, alive after all): then nothing changes.
 */
async function takeOver(
  payload: Payload,
  options: ResolvedDistributionOptions,
  delivery: DeliveryDoc,
  claim: AttemptRow,
  attempt: number,
): Promise<'requeued' | 'failed' | null> {
  const limit = delivery.attemptLimit ?? options.delivery.maxAttempts
  const giveUp = attempt >= limit
  const error = 'the worker stopped during this attempt (crash or restart); the outcome is unknown'
  const req = await createLocalReq({}, payload)
  const own = await initTransaction(req)
  let settled: boolean
  try {
    settled = await settleAttempt(payload, options, delivery.id, attempt, req)
    if (settled) {
      await payload.update({
        collection: options.deliveriesSlug,
        id: delivery.id,
        data: {
          attempts: attempt,
          state: giveUp ? 'failed' : 'retrying',
          nextAttemptAt: giveUp ? null : new Date().toISOString(),
          lastError: error,
          ...(giveUp ? { note: `gave up after ${attempt} attempts` } : {}),
        } satisfies DeliveryPatch,
        overrideAccess: true,
        depth: 0,
        req,
      })
      if (!giveUp) await queueDeliveryAttempt(payload, options, { deliveryId: delivery.id, attempt: attempt + 1, req })
    }
    if (own) await commitTransaction(req)
  } catch (caught) {
    if (own) await killTransaction(req)
    throw caught
  }
  if (!settled) return null
  if (!claim.finishedAt) {
    await payload.update({
      collection: options.attemptsSlug,
      id: claim.id,
      data: { finishedAt: new Date().toISOString(), outcome: 'abandoned', error } satisfies AttemptPatch,
      overrideAccess: true,
      disableTransaction: true,
      depth: 0,
    })
  }
  return giveUp ? 'failed' : 'requeued'
}

/** Whether the delivery is, as now stored, still due at the attempt the (earlier) page showed. */
async function stillAt(payload: Payload, options: ResolvedDistributionOptions, seen: DeliveryDoc): Promise<boolean> {
  const now = await readDelivery(payload, options, seen.id)
  return Boolean(now && (now.state === 'pending' || now.state === 'retrying') && (now.attempts ?? 0) === (seen.attempts ?? 0))
}

/** One due delivery of the sweep's page (exported for the tests that hand it a stale row). */
export async function sweepDelivery(
  payload: Payload,
  options: ResolvedDistributionOptions,
  delivery: DeliveryDoc,
  now: number,
  report: SweepReport,
  context?: SweepContext,
): Promise<void> {
  const { claims, waiting } = context ?? (await sweepContext(payload, options, [delivery]))
  const attempt = (delivery.attempts ?? 0) + 1
  const claim = claims.get(attemptKey(delivery.id, attempt))
  if (claim) {
    if (leaseRunning(claim, now)) return
    // The page of due deliveries was read before this claim: its worker may since have finished the attempt and
    // written the outcome. Taking over on that stale row reset a delivered story to "retrying" and sent it again
    // (CI at ba7f7ea, PostgreSQL under load). takeOver settles the attempt first (attempt-settle.ts), which fails
    // when the count or the state moved since the page, so nothing changes then.
    const taken = await takeOver(payload, options, delivery, claim, attempt)
    if (!taken) return
    report.abandoned++
    if (taken === 'failed') report.failed++
    else report.requeued++
    return
  }
  if (waiting.has(attemptKey(delivery.id, attempt))) return
  if (!(await stillAt(payload, options, delivery))) return
  await queueDeliveryAttempt(payload, options, { deliveryId: delivery.id, attempt })
  report.requeued++
}

export async function sweepDeliveries(payload: Payload, options: ResolvedDistributionOptions, now = Date.now()): Promise<SweepReport> {
  const report: SweepReport = { requeued: 0, abandoned: 0, failed: 0, jobsFreed: 0 }

  await freeDeadWorkersJobs(payload, options, now, report)

  // Page through every stranded delivery: ones that are merely waiting must not hide the rest.
  let waiting: Set<string> | undefined
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: options.deliveriesSlug,
      where: {
        and: [
          { state: { in: ['pending', 'retrying'] } },
          { nextAttemptAt: { less_than: new Date(now - options.delivery.recoveryGraceMs).toISOString() } },
        ],
      } satisfies WhereOf<DeliveryDoc>,
      sort: 'nextAttemptAt',
      limit: BATCH,
      page,
      depth: 0,
      overrideAccess: true,
      select: { attempts: true, attemptLimit: true, nextAttemptAt: true } satisfies SelectOf<DeliveryDoc>,
    })
    const due = docs as unknown as DeliveryDoc[]
    if (!due.length) break
    const context = await sweepContext(payload, options, due, waiting)
    waiting = context.waiting
    for (const delivery of due) await sweepDelivery(payload, options, delivery, now, report, context)
    if (!hasNextPage) break
  }
  if (report.requeued || report.abandoned || report.jobsFreed) {
    payload.logger.warn({ msg: 'Distribution recovery: re-queued stranded deliveries', ...report })
  }
  return report
}

/** Keeps exactly one sweep job waiting (roughly: two racing workers may briefly keep two, which is harmless). */
export async function scheduleNextSweep(payload: Payload, options: ResolvedDistributionOptions): Promise<void> {
  const { totalDocs } = await payload.count({
    collection: JOBS,
    where: {
      and: [
        { taskSlug: { equals: RECOVER_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { equals: false } },
      ],
    } satisfies WhereOf<JobRow>,
    overrideAccess: true,
  })
  if (totalDocs > 0) return
  await queueTask(payload, options, {
    task: RECOVER_TASK,
    input: {},
    waitUntil: new Date(Date.now() + options.delivery.recoveryIntervalMs),
  })
}

export function recoverTask(runtime: DistributionRuntime): TaskConfig {
  return {
    slug: RECOVER_TASK,
    label: 'Re-queue stranded deliveries',
    inputSchema: [],
    outputSchema: [
      { name: 'requeued', type: 'number' },
      { name: 'abandoned', type: 'number' },
      { name: 'jobsFreed', type: 'number' },
    ],
    retries: 0,
    handler: async ({ req }) => {
      if (runtime.options.disabled) return { output: { requeued: 0, abandoned: 0, jobsFreed: 0 } }
      try {
        const report = await sweepDeliveries(req.payload, runtime.options)
        return { output: { requeued: report.requeued, abandoned: report.abandoned, jobsFreed: report.jobsFreed } }
      } finally {
        await scheduleNextSweep(req.payload, runtime.options)
      }
    },
  } as TaskConfig
}

/** At start-up: one sweep now (a previous process may have died mid-delivery), then the recurring job. */
export async function recoverOnStart(payload: Payload, options: ResolvedDistributionOptions): Promise<void> {
  try {
    await sweepDeliveries(payload, options)
    await scheduleNextSweep(payload, options)
  } catch (error) {
    // A database without our tables yet (a migration run) must still start.
    payload.logger.warn({ msg: `Distribution recovery at start-up skipped: ${(error as Error)?.message ?? error}` })
  }
}
