/**
 * Writes history entries. Each entry claims the next sequence number of its story; the unique key makes the
 * claim atomic across requests and processes sharing a database, so a second, concurrent transition from the
 * same state fails here — before its save — and becomes a 409.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { EventAction } from './actions'
import type { Actor, Id } from './desk-roles'
import { conflict } from './errors'
import { storyRelation } from './events-collection'
import type { ResolvedWorkflowOptions } from './options'
import { storyKey, workflowState } from './request-state'
import type { Stage } from './stages'

export interface HistoryEntry {
  action: EventAction
  from: Stage | null
  to: Stage
  note?: string | null
  publishAt?: string | null
}

/**
 * Whether the request writes inside a database transaction. Without transactions (SQLite here) Payload still
 * leaves a settled Promise of `null` in req.transactionID; a real transaction replaces it with its id.
 */
const inTransaction = (req: PayloadRequest) => typeof req.transactionID === 'string' || typeof req.transactionID === 'number'

function isDuplicateKey(error: unknown): boolean {
  if (error instanceof ValidationError) return error.data.errors.some((e) => e.path === 'key')
  const code = (error as { code?: unknown; cause?: { code?: unknown } })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 11000
}

export async function recordHistory(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  collection: CollectionSlug,
  storyId: Id,
  firstSequence: number,
  entries: HistoryEntry[],
  actor: Actor | null,
  at: string,
): Promise<void> {
  // Inside a database transaction a failed save takes its entries with it; outside one they must be removed.
  const recorded = inTransaction(req) ? [] : (workflowState(req).recorded[storyKey(collection, storyId)] ??= [])
  for (const [index, entry] of entries.entries()) {
    const sequence = firstSequence + index
    try {
      // Through the adapter: the plugin alone writes these rows, so the create operation's access checks,
      // hooks and read-back are cost without purpose on every transition (measured in tests/bench).
      const key = `${collection}:${String(storyId)}:${sequence}`
      await req.payload.db.create({
        collection: options.eventsCollection,
        data: {
          createdAt: at,
          updatedAt: at,
          article: storyRelation(options, collection, storyId),
          sequence,
          key,
          action: entry.action,
          fromStage: entry.from,
          toStage: entry.to,
          actor: actor?.id ?? null,
          actorName: actor?.name ?? '系统 / system',
          note: entry.note ?? null,
          publishAt: entry.publishAt ?? null,
          at,
        },
        // Nothing to read back: the key alone identifies the entry (forgetHistory).
        returning: false,
        req,
      })
      recorded.push(key)
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw conflict(
          'Someone else changed this story at the same moment; reload and try again. / 稿件刚被他人处理，请刷新后重试。',
          entry.from ?? entry.to,
          entry.action,
        )
      }
      throw error
    }
  }
}

/** The story's save was written: the entries it claimed are part of its history now, whatever happens next. */
export function settleHistory(req: PayloadRequest, collection: CollectionSlug, storyId: Id) {
  delete workflowState(req).recorded[storyKey(collection, storyId)]
}

/** Without a database transaction nothing rolls back a failed save: remove the entries it claimed. */
export async function forgetHistory(req: PayloadRequest, options: ResolvedWorkflowOptions, collection: CollectionSlug, storyId: Id) {
  const key = storyKey(collection, storyId)
  const keys = workflowState(req).recorded[key] ?? []
  delete workflowState(req).recorded[key]
  if (!keys.length) return
  await req.payload.db.deleteMany({ collection: options.eventsCollection, where: { key: { in: keys } }, req })
}

/** Forgets the unsaved claims of every story of `collection` this request touched (a save that failed). */
export async function forgetUnsavedHistory(req: PayloadRequest, options: ResolvedWorkflowOptions, collection: CollectionSlug) {
  const prefix = storyKey(collection, '')
  for (const key of Object.keys(workflowState(req).recorded)) {
    if (key.startsWith(prefix)) await forgetHistory(req, options, collection, key.slice(prefix.length))
  }
}
