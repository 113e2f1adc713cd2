/** Document ids are numbers on SQL databases and strings on MongoDB: keep whichever the adapter uses. */
import type { Payload } from 'payload'

import { extractID } from 'payload/shared'

export type Id = string | number

/** A relationship value (an id, or the related document when populated) → the id; anything else → undefined. */
export const idOf = (value: unknown): Id | undefined => {
  const id = value && typeof value === 'object' ? extractID(value as { id: Id }) : value
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/** An id that travelled as text (a job input, a URL parameter) back in the adapter's own type. */
export function toDocId(payload: Payload, value: unknown): Id {
  const text = String(value)
  return payload.db.defaultIDType === 'number' && /^\d+$/.test(text) ? Number(text) : text
}

export const sameId = (a: unknown, b: unknown) => a != null && b != null && String(idOf(a) ?? a) === String(idOf(b) ?? b)
