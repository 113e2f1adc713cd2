/**
 * Ids from URLs and GraphQL arrive as strings; SQL databases number their rows, MongoDB uses ObjectId strings.
 * Convert once, the way the collection stores them, and refuse what cannot be an id.
 */
import type { Payload } from 'payload'

import type { Id } from './desk-roles'
import { invalid } from './errors'

export function storyIdFrom(payload: Payload, collection: string, raw: unknown): Id {
  const type = payload.collections[collection]?.customIDType ?? payload.db.defaultIDType
  if (typeof raw === 'number' && Number.isFinite(raw)) return type === 'number' ? raw : String(raw)
  if (typeof raw !== 'string' || !raw.trim()) throw invalid('id', 'is missing')
  if (type !== 'number') return raw
  if (!/^\d+$/.test(raw)) throw invalid('id', 'must be a number')
  return Number(raw)
}
