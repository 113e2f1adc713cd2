/**
 * Scheduled publishing rides on Payload's own `schedulePublish` job (versions.drafts.schedulePublish): queued
 * with the scheduling editor as its user, it later saves `_status: 'published'` as that editor, and the guard
 * records that save as the publish transition. Leaving the `scheduled` stage cancels the pending job.
 */
import type { CollectionSlug, PayloadRequest, SchedulePublishTaskInput, Where } from 'payload'

import type { Actor, Id } from './desk-roles'

const JOBS = 'payload-jobs'

export async function queueScheduledPublish(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: Id,
  publishAt: string,
  actor: Actor | null,
) {
  await req.payload.jobs.queue({
    task: 'schedulePublish',
    // doc.value is a string in Payload's own schedule drawer too (payload#10481); the task converts it back.
    input: {
      type: 'publish',
      doc: { relationTo: collection, value: String(id) },
      ...(actor ? { user: { relationTo: actor.collection, value: actor.id } } : {}),
    } satisfies SchedulePublishTaskInput,
    waitUntil: new Date(publishAt),
    req,
  })
}

/** The story's schedulePublish jobs that have not completed (`extra` narrows further). */
export const scheduleJobsWhere = (collection: string, id: Id, ...extra: Where[]): Where => ({
  and: [
    { taskSlug: { equals: 'schedulePublish' } },
    { completedAt: { exists: false } },
    { 'input.doc.relationTo': { equals: collection } },
    { 'input.doc.value': { equals: String(id) } },
    ...extra,
  ],
})

/** Removes scheduled publishes of this story that have not started; a running one finishes (and is refused if stale). */
export async function cancelScheduledPublish(req: PayloadRequest, collection: string, id: Id) {
  await req.payload.db.deleteMany({
    collection: JOBS,
    req,
    where: scheduleJobsWhere(collection, id, { processing: { equals: false } }),
  })
}

/** The pending scheduled publish time of a story, for the history view. */
export async function scheduledPublishAt(req: PayloadRequest, collection: string, id: Id): Promise<string | null> {
  const { docs } = await req.payload.db.find({
    collection: JOBS,
    req,
    limit: 1,
    pagination: false,
    sort: 'waitUntil',
    where: scheduleJobsWhere(collection, id),
  })
  const waitUntil = (docs[0] as { waitUntil?: string } | undefined)?.waitUntil
  return waitUntil ? new Date(waitUntil).toISOString() : null
}
