/**
 * The ids of some sections (or regions) and everything beneath them: they nest through `parent`. A section's
 * feed carries its sub-sections' stories; the public GraphQL story queries use the same walk so a frontend's
 * section page and the section's feed agree.
 */
import type { CollectionSlug, Payload } from 'payload'

import type { Id } from '../ids'

/** Deep enough for province → prefecture → county → township → village and any section tree. */
const MAX_DEPTH = 6

export async function withDescendants(payload: Payload, collection: CollectionSlug, ids: Id[]): Promise<Id[]> {
  const all = new Map(ids.map((id) => [String(id), id]))
  let frontier = ids
  for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
    const { docs } = await payload.find({
      collection,
      where: { parent: { in: frontier } },
      limit: 0,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { parent: true },
    })
    frontier = (docs as { id: Id }[]).map((doc) => doc.id).filter((id) => !all.has(String(id)))
    for (const id of frontier) all.set(String(id), id)
  }
  return [...all.values()]
}
