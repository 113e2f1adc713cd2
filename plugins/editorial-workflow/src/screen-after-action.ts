/**
 * What the admin needs to show a story after an action, answered with the action itself (POST …/workflow?screen=true)
 * instead of four more requests from the browser: the story as this user reads it now (draft, depth 0, with their
 * access) and their permissions on it — the same answers as Payload's own access endpoint gives for a draft
 * save and a publish — so the page can tell whether this user may still edit it and re-render only then.
 */
import type { CollectionSlug, PayloadRequest, SanitizedCollectionPermission } from 'payload'

import { docAccessOperation } from 'payload'

import type { Id } from './desk-roles'

export interface ScreenAfterAction {
  doc: Record<string, unknown>
  /** Payload's document permissions for saving a draft (what the edit view's fields follow). */
  docPermissions: SanitizedCollectionPermission
  /** Whether this user may publish it now. */
  hasPublishPermission: boolean
}

const granted = (permission: unknown) =>
  permission === true ||
  (typeof permission === 'object' && permission !== null && (permission as { permission?: unknown }).permission === true)

export async function screenAfterAction(req: PayloadRequest, collection: CollectionSlug, id: Id): Promise<ScreenAfterAction> {
  const config = req.payload.collections[collection]
  if (!config) throw new Error(`No collection ${collection}`)
  const doc = (await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: false, user: req.user, req })) as Record<
    string,
    unknown
  >
  const docPermissions = await docAccessOperation({ id, collection: config, data: { ...doc, _status: 'draft' }, req })
  const publish = await docAccessOperation({ id, collection: config, data: { ...doc, _status: 'published' }, req })
  return { doc, docPermissions, hasPublishPermission: granted(publish?.update) }
}
