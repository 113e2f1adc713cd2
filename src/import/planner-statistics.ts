/**
 * After a bulk import on PostgreSQL, the planner's statistics of the story tables are refreshed (ANALYZE), so the
 * first readers do not meet plans made for the tables as they were: measured on a freshly filled database, the
 * public list of the newest 20 stories joined every story's credits before its LIMIT — 19 ms instead of 0.45 ms —
 * until autovacuum came round (README, "PostgreSQL plans from statistics"). SQLite and MongoDB: nothing to do.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

/** ANALYZE the story collection's tables (main, arrays, versions); the time it took in ms, or null if not PostgreSQL. */
export async function refreshStoryStatistics(payload: Payload, collection = 'articles'): Promise<number | null> {
  const db = payload.db as unknown as {
    name?: string
    drizzle?: { execute(q: unknown): Promise<unknown> }
    tables?: Record<string, unknown>
  }
  if (db.name !== 'postgres' || !db.drizzle || !db.tables) return null
  const tables = Object.keys(db.tables).filter(
    (t) => t === collection || t.startsWith(`${collection}_`) || t.startsWith(`_${collection}_v`),
  )
  if (!tables.length) return null
  const started = performance.now()
  await db.drizzle.execute(sql.raw(`analyze ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')}`))
  return performance.now() - started
}
