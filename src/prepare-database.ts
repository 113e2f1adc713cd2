/**
 * Start-up work on the database: apply the committed migrations, then seed the demo desk on an empty
 * database. Runs once per process: the Next bundle carries its own Payload instance, which must not race
 * the server's.
 */
import type { Payload } from 'payload'

import { migrationsFor, type DatabaseKind } from './database'
import { seedEnabled } from './env'

const ONCE = Symbol.for('newsroom.prepareDatabase')
type GlobalWithOnce = typeof globalThis & { [ONCE]?: Map<string, Promise<void>> }

export function prepareDatabase(payload: Payload, kind: DatabaseKind): Promise<void> {
  const global = globalThis as GlobalWithOnce
  const done = (global[ONCE] ??= new Map())
  const key = `${kind}:${process.env.DATABASE_URI ?? ''}`
  if (!done.has(key) || (kind === 'sqlite' && String(process.env.DATABASE_URI).includes(':memory:'))) {
    done.set(
      key,
      (async () => {
        const migrations = migrationsFor(kind)
        if (migrations.length) await payload.db.migrate({ migrations })
        // Loaded only when seeding: the parser and its dictionaries stay out of ordinary start-ups.
        if (seedEnabled()) await (await import('./seed/demo-content')).seedDemoContent(payload)
      })(),
    )
  }
  return done.get(key)!
}
