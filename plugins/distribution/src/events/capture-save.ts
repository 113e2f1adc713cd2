/**
 * beforeOperation + beforeChange on stories: remember whether a save is a draft, and what the public saw
 * before a real (non-draft) save, for the afterChange hook that turns saves into delivery events.
 */
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { publicStateOf } from './detect-event'
import { saveKey, saveState } from './save-state'

export const captureDraftFlag: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'update' && operation !== 'create' && operation !== 'restoreVersion') return args
  const { id, draft, data } = args as { id?: unknown; draft?: boolean; data?: { _status?: string } }
  // Payload saves a draft when asked for one unless the data itself publishes.
  const isDraft = Boolean(draft) && data?._status !== 'published'
  const key = saveKey(collection.slug, operation === 'update' && id != null ? id : operation)
  saveState(req).draft[key] = isDraft
  return args
}

export const captureBeforeState: CollectionBeforeChangeHook = async ({ collection, operation, originalDoc, req, data }) => {
  if (operation !== 'update' || originalDoc?.id == null) return data
  const state = saveState(req)
  const key = saveKey(collection.slug, originalDoc.id)
  if (state.draft[key] ?? state.draft[saveKey(collection.slug, 'update')]) return data
  // The main document is what the public sees; originalDoc may be a newer draft.
  // Only the fields publicStateOf reads: a narrow read skips the wide columns and the join subqueries.
  const main = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    select: { _status: true, stage: true, corrections: true },
    joins: false,
    req,
  })) as Record<string, unknown> | null
  state.before[key] = publicStateOf(main)
  return data
}
