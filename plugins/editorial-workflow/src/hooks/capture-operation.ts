/**
 * beforeOperation: remembers each save's operation and draft flag. Collection beforeChange hooks are not told
 * whether a save is a draft, and `_status: 'draft'` means "save a draft" with ?draft=true but "unpublish"
 * without it — the guard must know which.
 */
import type { CollectionBeforeOperationHook } from 'payload'

import { storyKey, workflowState } from '../request-state'

export const captureOperation: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') return args
  const { id, draft, duplicateFromID } = args as { id?: unknown; draft?: boolean; duplicateFromID?: unknown }
  // restoreVersion's id is the version's, not the story's; bulk updates have none.
  const target = operation === 'update' && id !== undefined && id !== null ? id : operation
  workflowState(req).operations[storyKey(collection.slug, target)] = {
    operation,
    draft: Boolean(draft),
    duplicating: duplicateFromID !== undefined && duplicateFromID !== null,
  }
  return args
}
