/**
 * Settling attempt N of a delivery: moving its attempt count from N-1 to N, in the transaction that records the
 * outcome. Two may want to: the worker with its result, and the recovery sweep taking over from a worker it
 * presumes dead (its lease ran out). Both settle before they write, and only one can; the other finds the count
 * moved and writes nothing to the delivery.
 *
 * On PostgreSQL and SQLite this is one conditional UPDATE through the adapter's drizzle tables (PostgreSQL's row
 * lock and SQLite's single writer make it atomic): Payload's own `updateMany` selects the ids first and updates
 * them after, which is not. On any other adapter (MongoDB) it is a read of the row, which leaves a window of
 * milliseconds between the read and the write.
 */
import type { Payload, PayloadRequest } from 'payload'

import { and, eq, inArray, isNull, or } from 'drizzle-orm'

import type { Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import { readDelivery } from './delivery-store'

const DUE_STATES = ['pending', 'retrying']

/* eslint-disable @typescript-eslint/no-explicit-any -- drizzle's tables are typed by the schema Payload builds at run time */
interface DrizzleAdapter {
  name: string
  drizzle?: any
  tables?: Record<string, any>
  tableNameMap?: Map<string, string>
  sessions?: Record<string, { db: any }>
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The adapter's table name for a collection slug (Payload keys its map by the slug in snake case). */
const snakeCase = (slug: string) =>
  slug
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase()

/** Whether this caller settled attempt `attempt` (true), or someone else had (false). */
export async function settleAttempt(
  payload: Payload,
  options: ResolvedDistributionOptions,
  deliveryId: Id,
  attempt: number,
  req?: PayloadRequest,
): Promise<boolean> {
  const adapter = payload.db as unknown as DrizzleAdapter
  const tableName = adapter.tableNameMap?.get(snakeCase(options.deliveriesSlug))
  const table = tableName ? adapter.tables?.[tableName] : undefined
  if ((adapter.name === 'postgres' || adapter.name === 'sqlite') && adapter.drizzle && table) {
    // Inside the caller's transaction when it has one (on SQLite a second connection would wait for it).
    const transaction = req?.transactionID ? await req.transactionID : undefined
    const db =
      (transaction !== undefined && transaction !== null ? adapter.sessions?.[String(transaction)]?.db : undefined) ?? adapter.drizzle
    const before = attempt - 1
    const rows: unknown[] = await db
      .update(table)
      .set({ attempts: attempt })
      .where(
        and(
          eq(table.id, deliveryId),
          before === 0 ? or(eq(table.attempts, 0), isNull(table.attempts)) : eq(table.attempts, before),
          inArray(table.state, DUE_STATES),
        ),
      )
      .returning({ id: table.id })
    return rows.length === 1
  }
  const row = await readDelivery(payload, options, deliveryId)
  return Boolean(row && DUE_STATES.includes(row.state) && (row.attempts ?? 0) === attempt - 1)
}
