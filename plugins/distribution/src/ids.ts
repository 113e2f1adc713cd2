/** Document ids are numbers on SQL databases and strings on MongoDB: keep whichever the adapter uses. */
import type { Payload } from 'payload'

export type Id = string | number

export const idOf = (value: unknown): Id | undefined => {
  if (value && typeof value === 'object') return (value as { id?: Id }).id ?? undefined
  return typeof value === 'string' || typeof value === 'number' ? value : undefined
}

/** An id that travelled as text (a job input, a URL parameter) back in the adapter's own type. */
export function toDocId(payload: Payload, value: unknown): Id {
  const text = String(value)
  return payload.db.defaultIDType === 'number' && /^\d+$/.test(text) ? Number(text) : text
}

export const sameId = (a: unknown, b: unknown) => a != null && b != null && String(idOf(a) ?? a) === String(idOf(b) ?? b)
