/**
 * What GET …/workflow answers: the story's stage, whether it is public, when it is scheduled to go out, the
 * actions the caller may take now, and its history, oldest first. For editors and the story's own reporters.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import type { EventAction, WorkflowAction } from './actions'
import { actorOf, idOf, type Id } from './desk-roles'
import { forbidden, notFound, unauthenticated } from './errors'
import { storyWhere } from './events-collection'
import type { ResolvedWorkflowOptions } from './options'
import { allowedActions, mayReadWorkflow } from './permissions'
import { scheduledPublishAt } from './scheduled-publish'
import type { Stage } from './stages'
import { readStoryState } from './story-state'

export interface WorkflowHistoryEntry {
  sequence: number
  action: EventAction
  from: Stage | null
  to: Stage
  actor: { id: Id; name: string } | null
  note: string | null
  publishAt: string | null
  at: string
}

export interface WorkflowView {
  id: Id
  stage: Stage
  public: boolean
  scheduledFor: string | null
  allowedActions: WorkflowAction[]
  styleErrorCount: number
  history: WorkflowHistoryEntry[]
}

export async function readWorkflow(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  id: Id,
): Promise<WorkflowView> {
  const actor = actorOf(req.user, options)
  if (!actor) throw unauthenticated()
  const story = await readStoryState(req, options, collection, id)
  if (!story) throw notFound(id)
  if (!(await mayReadWorkflow(req, options, actor, story))) {
    throw forbidden("Only editors and the story's own reporters may read its history. / 仅编辑和本稿记者可查看流程记录。")
  }
  const { docs } = await req.payload.find({
    collection: options.eventsCollection,
    where: storyWhere(options, collection, [story.id]),
    sort: 'sequence',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return {
    id: story.id,
    stage: story.stage,
    public: story.isPublic,
    scheduledFor: story.stage === 'scheduled' ? await scheduledPublishAt(req, collection, story.id) : null,
    allowedActions: await allowedActions(req, options, actor, story),
    styleErrorCount: story.style.errorCount,
    history: docs.map((raw) => {
      const doc = raw as Record<string, unknown>
      const actorId = idOf(doc.actor)
      return {
        sequence: Number(doc.sequence),
        action: doc.action as EventAction,
        from: (doc.fromStage as Stage | null) ?? null,
        to: doc.toStage as Stage,
        actor: actorId !== undefined ? { id: actorId, name: String(doc.actorName ?? actorId) } : null,
        note: (doc.note as string | null) ?? null,
        publishAt: (doc.publishAt as string | null) ?? null,
        at: String(doc.at),
      }
    }),
  }
}
