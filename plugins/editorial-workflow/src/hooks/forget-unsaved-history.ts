/**
 * afterError on stories (REST and the admin): a save that failed after the guard claimed its history entries
 * (a field's validation, a later hook) leaves no row behind, so without a database transaction its claims must
 * go too — or the story's next transition would find its number taken. The Local API and GraphQL have no such
 * hook: there, performWorkflowAction forgets its own claims, and a claim left by a failed direct write is
 * repaired by the next action once it is stale (src/repair.ts).
 */
import type { CollectionAfterErrorHook } from 'payload'

import type { ResolvedWorkflowOptions } from '../options'
import { forgetUnsavedHistory } from '../record-events'

export const forgetUnsavedHistoryAfterError =
  (options: ResolvedWorkflowOptions): CollectionAfterErrorHook =>
  async ({ req, collection }) => {
    await forgetUnsavedHistory(req, options, collection.slug)
  }
