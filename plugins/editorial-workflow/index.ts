/** Public entry of the editorial-workflow plugin: the app and other plugins import from here only. */
import type { Payload, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import type { Id } from './src/desk-roles'
import { resolveOptions, type ResolvedWorkflowOptions } from './src/options'
import { performWorkflowAction, type WorkflowActionResult } from './src/perform-action'
import { readWorkflow, type WorkflowView } from './src/read-workflow'
import { repairRecentStories, type RepairReport } from './src/repair'

export { editorialWorkflowPlugin } from './src/plugin'
export type { EditorialWorkflowPluginConfig, ResolvedWorkflowOptions } from './src/options'
export { STAGES, LIVE_STAGES, stageLabels, type Stage } from './src/stages'
export { WORKFLOW_ACTIONS, TRANSITIONS, actionLabels, type WorkflowAction, type EventAction } from './src/actions'
export { WorkflowError } from './src/errors'
export { workflowSchedulePublish, type SchedulePublishArgs } from './src/schedule-guard'
export { appliedTransition, type AppliedTransition } from './src/request-state'
export type { WorkflowActionResult } from './src/perform-action'
export type { RepairReport, StoryRepair } from './src/repair'
export type { WorkflowView, WorkflowHistoryEntry } from './src/read-workflow'
/** The desk's pre-filtered story lists for a user (my stories, sent back, review queue …): filters and counts. */
export { workflowLinks, type WorkflowLink } from './src/admin/workflow-links'

const optionsOf = (payload: Payload): ResolvedWorkflowOptions => resolveOptions(payload.config.custom?.editorialWorkflow)

type Caller = { user: NonNullable<PayloadRequest['user']>; req?: undefined } | { req: PayloadRequest; user?: undefined }

/**
 * Local API: take a workflow action as `user` (or as the user on `req`), with the same rules, results and
 * refusals (WorkflowError with status 400/401/403/404/409/422) as REST and GraphQL.
 */
export async function takeWorkflowAction(
  payload: Payload,
  /** `collection` defaults to the first story collection. */
  args: Caller & { collection?: string; id: Id; action: string; note?: string | null; publishAt?: string | null },
): Promise<WorkflowActionResult> {
  const req = args.req ?? (await createLocalReq({ user: args.user }, payload))
  const { action, note, publishAt } = args
  const options = optionsOf(payload)
  return performWorkflowAction(req, options, args.collection ?? options.collections[0]!, args.id, { action, note, publishAt })
}

/**
 * Checks the most recently touched stories and repairs what a crash left half-saved (history ahead of the row,
 * a row without its version, a create without its history, a schedule without its job). Runs at start-up by
 * itself; idempotent, so it may be run again at any time.
 */
export async function repairWorkflow(payload: Payload): Promise<RepairReport> {
  return repairRecentStories(payload, optionsOf(payload))
}

/** Local API: a story's stage, the caller's possible actions and its history (editors and its own reporters). */
export async function getWorkflow(payload: Payload, args: Caller & { collection?: string; id: Id }): Promise<WorkflowView> {
  const req = args.req ?? (await createLocalReq({ user: args.user }, payload))
  const options = optionsOf(payload)
  return readWorkflow(req, options, args.collection ?? options.collections[0]!, args.id)
}
