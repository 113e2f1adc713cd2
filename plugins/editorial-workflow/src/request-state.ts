/**
 * Per-request workflow state, kept in `req.context` so it follows the request into nested Local API calls
 * (which share `req`) and so other plugins' hooks can see which transition a save carried:
 *   requested — transitions asked for by this plugin's own action code (the only way to change a stage);
 *   operations — the operation and draft flag of each save in flight (collection hooks are not told);
 *   applied — the transition a save carried, for afterChange hooks (ours and downstream plugins');
 *   recorded — the unique keys of history entries this request claimed outside a database transaction and
 *              whose save has not been written yet: removed again if the save fails (nothing rolls them back).
 */
import type { PayloadRequest } from 'payload'

import type { EventAction, WorkflowAction } from './actions'
import type { Id } from './desk-roles'
import type { Stage } from './stages'

export const CONTEXT_KEY = 'editorialWorkflow'

export interface RequestedTransition {
  action: WorkflowAction
  note: string | null
  publishAt: string | null
  at: string
}

export interface AppliedTransition {
  /** The actions recorded, in order (publishing an unapproved story records `approve`, then `publish`). */
  actions: EventAction[]
  from: Stage | null
  to: Stage
  note: string | null
  publishAt: string | null
  actorId: Id | null
}

export interface OperationInfo {
  operation: string
  draft: boolean
  /** A create that copies another story (Payload's duplicate). */
  duplicating?: boolean
}

export interface WorkflowRequestState {
  requested: Record<string, RequestedTransition>
  operations: Record<string, OperationInfo>
  applied: Record<string, AppliedTransition>
  recorded: Record<string, string[]>
  authorIds: Record<string, Id[]>
}

export const storyKey = (collection: string, id: unknown) => `${collection}:${String(id)}`

export function workflowState(req: PayloadRequest): WorkflowRequestState {
  req.context ??= {}
  const existing = req.context[CONTEXT_KEY] as WorkflowRequestState | undefined
  if (existing) return existing
  const state: WorkflowRequestState = { requested: {}, operations: {}, applied: {}, recorded: {}, authorIds: {} }
  req.context[CONTEXT_KEY] = state
  return state
}

/** The transition a save of this story carried in this request, if any (for other plugins' afterChange hooks). */
export const appliedTransition = (req: PayloadRequest, collection: string, id: unknown): AppliedTransition | undefined =>
  (req.context?.[CONTEXT_KEY] as WorkflowRequestState | undefined)?.applied[storyKey(collection, id)]
