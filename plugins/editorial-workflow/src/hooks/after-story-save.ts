/**
 * afterChange on stories: writes the history of a new story (its id exists only now), and keeps Payload's
 * job queue in step with the stage — entering `scheduled` queues the schedulePublish job, leaving it cancels
 * the pending one. Both run inside the save's transaction (they pass `req`).
 */
import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, type Id } from '../desk-roles'
import { creationEntries } from '../history-entries'
import type { ResolvedWorkflowOptions } from '../options'
import { recordHistory, settleHistory } from '../record-events'
import { storyKey, workflowState } from '../request-state'
import { cancelScheduledPublish, queueScheduledPublish } from '../scheduled-publish'

export const afterStorySave =
  (options: ResolvedWorkflowOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, req, collection }) => {
    const id = (doc as { id: Id }).id
    const state = workflowState(req)
    const key = storyKey(collection.slug, id)
    const actor = actorOf(req.user, options)
    // The row is written: what the guard claimed for it is history now (see forgetUnsavedHistory).
    settleHistory(req, collection.slug, id)
    if (operation === 'create') {
      const published = (doc as { _status?: string })._status === 'published'
      const entries = creationEntries(actor, published)
      await recordHistory(req, options, collection.slug, id, 1, entries, actor, new Date().toISOString())
      settleHistory(req, collection.slug, id)
      state.applied[key] = {
        actions: entries.map((e) => e.action),
        from: null,
        to: published ? 'published' : 'draft',
        note: null,
        publishAt: null,
        actorId: actor?.id ?? null,
      }
      return doc
    }
    const applied = state.applied[key]
    if (!applied) return doc
    if (applied.from === 'scheduled') await cancelScheduledPublish(req, collection.slug, id)
    if (applied.to === 'scheduled' && applied.publishAt) await queueScheduledPublish(req, collection.slug, id, applied.publishAt, actor)
    return doc
  }
