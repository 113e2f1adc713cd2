/**
 * Boots the real Newsroom config for a test file on the database tests/support/env-setup.ts chose: in-memory
 * SQLite, or a fresh PostgreSQL database (created here, dropped on close). Migrations run as at start.
 */
import type { Payload } from 'payload'

import pg from 'pg'

export interface TestDesk {
  payload: Payload
  kind: 'sqlite' | 'postgres'
  close(): Promise<void>
}

export const testDatabaseKind = (): 'sqlite' | 'postgres' => (process.env.TEST_DATABASE_URI ? 'postgres' : 'sqlite')

export async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Boot Payload on this file's fresh database. `seed: true` runs the demo seed, as a first start would. */
export async function bootDesk(options: { seed?: boolean } = {}): Promise<TestDesk> {
  process.env.NEWSROOM_SEED = options.seed ? 'true' : 'false'
  const kind = testDatabaseKind()
  const name = kind === 'postgres' ? new URL(process.env.DATABASE_URI!).pathname.slice(1) : ''
  if (kind === 'postgres') await onServer(`CREATE DATABASE ${name}`)
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  return {
    payload,
    kind,
    close: async () => {
      // The PostgreSQL database is dropped by the global teardown, once this file's process (and its pool) is gone.
      await payload.destroy()
    },
  }
}
