/**
 * Scheduled publishing belongs to the workflow: a story is scheduled by the `schedule` action (stage
 * `scheduled`, one schedulePublish job), and the job goes away only when the story leaves that stage. Payload
 * offers two other doors, both closed here for governed stories:
 *   • the admin's `schedule-publish` server function — it deletes any job by `deleteID` and queues any
 *     publish, with access overridden, for whoever is logged in to the admin;
 *   • Local API writes to `payload-jobs` made for a user (REST and GraphQL are already closed: the jobs
 *     collection's access is false for everyone).
 * The workflow's own job writes go through the adapter and Payload's queue, which run no collection hooks.
 */
import type { BaseJob, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, Payload, PayloadRequest, ServerFunction } from 'payload'

import type { Id } from './desk-roles'
import { forbidden } from './errors'
import { resolveOptions, type ResolvedWorkflowOptions } from './options'
import { performWorkflowAction } from './perform-action'

const JOBS = 'payload-jobs'
const TASK = 'schedulePublish'

type ScheduleTarget = { relationTo?: unknown; value?: unknown } | undefined

const governedStory = (options: ResolvedWorkflowOptions, job: { taskSlug?: unknown; input?: unknown } | null | undefined) => {
  const doc = (job?.input as { doc?: ScheduleTarget } | undefined)?.doc
  return job?.taskSlug === TASK && typeof doc?.relationTo === 'string' && options.collections.includes(doc.relationTo)
}

const CLOSED =
  'Scheduled publishing is a workflow action: schedule, publish or send the story back from its workflow bar. / 定时发布须通过流程操作（定时发布、立即发布或退回修改）。'

/** beforeChange/beforeDelete on payload-jobs: a user may not write or remove a governed story's scheduled publish. */
function jobHooks(options: ResolvedWorkflowOptions) {
  const beforeChange: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
    if (req.user && (governedStory(options, data) || governedStory(options, originalDoc))) throw forbidden(CLOSED, 'schedule')
    return data
  }
  const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
    if (!req.user) return
    const job = await req.payload.db.findOne<BaseJob>({ collection: JOBS, where: { id: { equals: id } }, req })
    if (governedStory(options, job)) throw forbidden(CLOSED, 'schedule')
  }
  return { beforeChange, beforeDelete }
}

/**
 * Appends the hooks to the jobs collection once Payload has built it. (Through jobsCollectionOverrides Payload
 * would warn at every start that the hooks do not run for its own runner's writes — true, and meant: the
 * runner is the workflow's, and only writes made for a user are checked.)
 */
export function guardScheduleJobs(payload: Payload, options: ResolvedWorkflowOptions) {
  const jobs = payload.collections[JOBS]?.config
  if (!jobs) return
  const { beforeChange, beforeDelete } = jobHooks(options)
  jobs.hooks.beforeChange = [...(jobs.hooks.beforeChange ?? []), beforeChange]
  jobs.hooks.beforeDelete = [...(jobs.hooks.beforeDelete ?? []), beforeDelete]
}

export interface SchedulePublishArgs {
  type?: string
  date?: Date | string
  deleteID?: number | string
  doc?: { relationTo: string; value: number | string }
  global?: unknown
  localeToPublish?: string
  timezone?: string
}

type Answer = { error: string } | { message: string }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The admin's `schedule-publish` server function, for the app's layout to pass to handleServerFunctions:
 * for governed stories, scheduling a publish is the workflow's `schedule` action (same roles, stages and
 * house-style checks) and removing or adding any other scheduled event is refused; anything else goes to
 * Payload's own handler, `fallback`.
 */
export const workflowSchedulePublish =
  <Args extends SchedulePublishArgs>(fallback: ServerFunction<Args, unknown>): ServerFunction<Args, Promise<unknown>> =>
  async (args) => {
    const req = args.req as PayloadRequest
    const options = resolveOptions(req.payload.config.custom?.editorialWorkflow)
    if (options.disabled) return fallback(args)
    const job =
      args.deleteID !== undefined && args.deleteID !== null
        ? await req.payload.db.findOne<BaseJob>({ collection: JOBS, where: { id: { equals: args.deleteID } }, req })
        : { taskSlug: TASK, input: { doc: args.doc } }
    if (!governedStory(options, job)) return fallback(args)
    if (args.deleteID != null || args.type !== 'publish' || !args.doc || !args.date) return { error: CLOSED } satisfies Answer
    try {
      await performWorkflowAction(req, options, args.doc.relationTo, args.doc.value as Id, {
        action: 'schedule',
        publishAt: new Date(args.date).toISOString(),
      })
      return { message: req.i18n.t('general:success') } satisfies Answer
    } catch (error) {
      return { error: messageOf(error) } satisfies Answer
    }
  }
