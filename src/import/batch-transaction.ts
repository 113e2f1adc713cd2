/**
 * One database transaction around a batch of imported stories: every write of the batch lands, or none does.
 *   PostgreSQL and an SQLite file (Payload's transactions on): payload.db.beginTransaction / commitTransaction. The
 *     request carries the id as a settled Promise: Payload's operations then join the batch's transaction
 *     (initTransaction waits for it and leaves the commit to us) and a failing story does not roll the whole
 *     batch back behind our back (killTransaction leaves a Promise alone) — the batch decides.
 *   SQLite in memory (Payload's transactions off there, src/database.ts): the adapter holds one connection, so
 *     BEGIN IMMEDIATE … COMMIT on it wraps every statement the batch issues.
 */
import type { Payload, PayloadRequest } from 'payload'

export interface BatchTransaction {
  commit(): Promise<void>
  rollback(): Promise<void>
}

interface SqliteClient {
  execute(sql: string): Promise<unknown>
}

export async function beginBatch(payload: Payload, req: PayloadRequest): Promise<BatchTransaction> {
  const id = await payload.db.beginTransaction()
  if (id !== null && id !== undefined) {
    req.transactionID = Promise.resolve(id)
    const end = async (how: 'commit' | 'rollback') => {
      delete req.transactionID
      await (how === 'commit' ? payload.db.commitTransaction(id) : payload.db.rollbackTransaction(id))
    }
    return { commit: () => end('commit'), rollback: () => end('rollback') }
  }
  const client = (payload.db as unknown as { client?: SqliteClient }).client
  if (!client) throw new Error(`the ${payload.db.name} adapter offers no transaction for a batch`)
  // IMMEDIATE: take the write lock now (waiting up to the adapter's busy timeout), not halfway through the batch.
  await client.execute('BEGIN IMMEDIATE')
  return {
    commit: async () => void (await client.execute('COMMIT')),
    rollback: async () => void (await client.execute('ROLLBACK')),
  }
}
