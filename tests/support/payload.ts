/**
 * Boots the real Newsroom config for a test file: in-memory SQLite by default, or — when TEST_DATABASE_URI
 * names a PostgreSQL server — a fresh database of its own, dropped afterwards. Migrations run as at start.
 */
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TestDesk {
  payload: Payload
  kind: 'sqlite' | 'postgres'
  close(): Promise<void>
}

async function freshPostgresDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

export const testDatabaseKind = (): 'sqlite' | 'postgres' => (process.env.TEST_DATABASE_URI ? 'postgres' : 'sqlite')

/** Boot Payload on a fresh database. `seed: true` runs the demo seed (as a first start would). */
export async function bootDesk(options: { seed?: boolean } = {}): Promise<TestDesk> {
  process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
  process.env.NEWSROOM_SEED = options.seed ? 'true' : 'false'
  process.env.NEWSROOM_DEMO_PASSWORD ||= 'demo-password-for-tests'
  let drop: (() => Promise<void>) | undefined
  if (process.env.TEST_DATABASE_URI) {
    const db = await freshPostgresDatabase(process.env.TEST_DATABASE_URI)
    process.env.DATABASE_URI = db.url
    drop = db.drop
  } else {
    process.env.DATABASE_URI = 'file::memory:'
  }
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  return {
    payload,
    kind: testDatabaseKind(),
    close: async () => {
      await payload.destroy()
      await drop?.()
    },
  }
}
