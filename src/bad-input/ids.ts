/**
 * Document ids as the database stores them: integers on SQLite and PostgreSQL (PostgreSQL's `serial` stops at
 * 2^31−1, and a larger number is a SQL error, not "not found"), strings on MongoDB.
 */
import type { Payload } from 'payload'

import { MAX_INT4 } from './limits'

export function idIsNumber(payload: Payload, collection: string): boolean {
  const custom = (payload.collections[collection] as { customIDType?: string } | undefined)?.customIDType
  return (custom ?? payload.db.defaultIDType) === 'number'
}

/** Whether `value` can be an id of `collection` (a number or a string of digits in range, or any text). */
export function isValidId(payload: Payload, collection: string, value: unknown): boolean {
  if (!idIsNumber(payload, collection))
    return (typeof value === 'string' && value.length > 0 && value.length <= 200) || typeof value === 'number'
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d{1,16}$/.test(text)) return false
  const id = Number(text)
  return payload.db.name === 'postgres' ? id <= MAX_INT4 : Number.isSafeInteger(id)
}
