/**
 * Takes a workflow action on a story for the user on `req`: the REST endpoint, the GraphQL mutation and the
 * admin's buttons all come here. Refusals are decided before anything is written (401, 400, 403, 409, 422);
 * the transition itself is one save, in one transaction, carrying the request to the guard — which re-checks
 * the stage and claims the next history number, so a concurrent duplicate ends as a 409.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { ValidationError, commitTransaction, initTransaction, killTransaction } from 'payload'

import { parseActionInput } from './action-input'
import { TRANSITIONS, type WorkflowAction } from './actions'
import { actorOf, type Id } from './desk-roles'
import { WorkflowError, notFound, styleBlocked, unauthenticated } from './errors'
import type { ResolvedWorkflowOptions } from './options'
import { refusalFor } from './permissions'
import { repairStaleClaim } from './repair'
import { forgetHistory } from './record-events'
import { storyKey, workflowState } from './request-state'
import type { Stage } from './stages'
import { readStoryState, type StoryPatch } from './story-state'

export interface WorkflowActionResult {
  id: Id
  action: WorkflowAction
  from: Stage
  stage: Stage
  /** Whether the public sees the story now. */
  public: boolean
  publishAt: string | null
  /** Number of history entries the story has. */
  sequence: number
}

/** House-style's own refusal to publish (a ValidationError per finding, each with its `ruleId`) becomes the 422 with findings. */
function asStyleRefusal(error: unknown, action: WorkflowAction) {
  if (!(error instanceof ValidationError) || !TRANSITIONS[action].styleBlocked) return error
  const errors = error.data.errors as { path: string; message: string; ruleId?: unknown; location?: object }[]
  if (!errors.length || !errors.every((e) => typeof e.ruleId === 'string')) return error
  return styleBlocked(
    action,
    errors.map((e) => ({ ruleId: e.ruleId, severity: 'error', location: e.location ?? { field: e.path }, message: e.message })),
  )
}

export async function performWorkflowAction(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
  input: unknown,
): Promise<WorkflowActionResult> {
  try {
    return await attemptWorkflowAction(req, options, collection, id, input)
  } catch (error) {
    // A conflict with a claim left by a writer that died mid-save: repair the story, then try once more.
    if (
      error instanceof WorkflowError &&
      error.status === 409 &&
      (await repairStaleClaim(req, options, collection, id, options.staleClaimMs))
    ) {
      return attemptWorkflowAction(req, options, collection, id, input)
    }
    throw error
  }
}

async function attemptWorkflowAction(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
  input: unknown,
): Promise<WorkflowActionResult> {
  const actor = actorOf(req.user, options)
  if (!actor) throw unauthenticated()
  const { action, note, publishAt } = parseActionInput(input)
  const story = await readStoryState(req, options, collection, id)
  if (!story) throw notFound(id)
  const refusal = await refusalFor(req, options, actor, story, action)
  if (refusal) throw refusal
  const rule = TRANSITIONS[action]
  // The findings stored by the last save; the transition's own save lints again and the guard re-checks.
  if (rule.styleBlocked && story.style.errorCount > 0) throw styleBlocked(action, story.style.errors)

  const state = workflowState(req)
  const key = storyKey(collection, story.id)
  const at = new Date().toISOString()
  state.requested[key] = { action, note, publishAt, at }
  const ownTransaction = Boolean(await initTransaction(req))
  try {
    const doc = (await req.payload.update({
      collection,
      id: story.id,
      // Corrections go in with the save so house-style renders the note at the end of the story.
      data: {
        _status: rule.status,
        ...(action === 'correct' ? { corrections: [...story.corrections, { note: note ?? '', date: at }] } : {}),
      } satisfies StoryPatch,
      draft: false,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as { stage: Stage; _status?: string; workflowSequence?: number }
    if (ownTransaction) await commitTransaction(req)
    return {
      id: story.id,
      action,
      from: story.stage,
      stage: doc.stage,
      public: doc._status === 'published',
      publishAt,
      sequence: doc.workflowSequence ?? story.sequence,
    }
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    await forgetHistory(req, options, collection, story.id)
    throw asStyleRefusal(error, action)
  } finally {
    delete state.requested[key]
  }
}
