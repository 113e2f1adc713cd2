/**
 * After the whole run: drop the PostgreSQL databases the test files created (each file's pool is closed by
 * then, since every file of the app project runs in a process of its own: vitest.config.ts).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** A run id in every database name, so a run drops only its own databases. */
export function setup(): void {
  process.env.NEWSROOM_TEST_RUN ||= randomBytes(3).toString('hex')
}

export async function teardown(): Promise<void> {
  if (!process.env.TEST_DATABASE_URI) return
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
  await client.connect()
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `newsroom\\_%\\_${process.env.NEWSROOM_TEST_RUN}\\_%`,
    ])
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
