/**
 * Picks Payload's database adapter from DATABASE_URI:
 *   unset            → embedded SQLite file ./data/newsroom.db (zero setup)
 *   file:…           → SQLite at that path (file::memory: for tests)
 *   postgres(ql)://… → PostgreSQL
 *   mongodb(+srv)://…→ MongoDB (Mongoose adapter)
 * Schema changes ship as committed migrations (migrations/<kind>), applied at start by runMigrations().
 */
import type { DatabaseAdapterObj, Migration } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import { migrations as postgresMigrations } from '../migrations/postgres/index'
import { migrations as sqliteMigrations } from '../migrations/sqlite/index'
import { postgresArchiveIndexes, sqliteArchiveIndexes } from './archive-indexes'
import { dataDir, projectRoot, StartupError } from './env'
import { keepPreparedStatements } from './sqlite-statements'
import { takingTurns } from './sqlite-writer'

const SQLITE_BUSY_TIMEOUT_MS = 5000

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const SUPPORTED_SCHEMES = 'file: (SQLite), postgres:// or postgresql:// (PostgreSQL), mongodb:// or mongodb+srv:// (MongoDB)'

export interface DatabaseChoice {
  kind: DatabaseKind
  url: string
}

/** Parse DATABASE_URI; anything unsupported is a StartupError that names the supported schemes. */
export function chooseDatabase(uri: string | undefined = process.env.DATABASE_URI): DatabaseChoice {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: `file:${path.join(dataDir(), 'newsroom.db')}` }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase()
  if (scheme === 'file') return { kind: 'sqlite', url: value }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    try {
      new URL(value)
    } catch {
      throw new StartupError(`DATABASE_URI is not a valid PostgreSQL URL. Supported: ${SUPPORTED_SCHEMES}.`)
    }
    return { kind: 'postgres', url: value }
  }
  if (scheme === 'mongodb' || scheme === 'mongodb+srv') return { kind: 'mongodb', url: value }
  throw new StartupError(`DATABASE_URI has an unsupported scheme${scheme ? ` "${scheme}:"` : ''}. Supported: ${SUPPORTED_SCHEMES}.`)
}

/**
 * Where `payload migrate:create` writes and compares. NEWSROOM_MIGRATION_DIR (scripts only) points it at a scratch
 * copy: `npm run migrate:check` generates there so it never touches the committed files.
 */
const migrationDir = (kind: 'sqlite' | 'postgres') =>
  process.env.NEWSROOM_MIGRATION_DIR ? path.join(process.env.NEWSROOM_MIGRATION_DIR, kind) : path.join(projectRoot, 'migrations', kind)

/**
 * Build the adapter. Schema push is off everywhere: the committed migrations are the schema. `archiveIndexes:
 * false` leaves out the archive's extra indexes (src/archive-indexes.ts), which name the plugins' columns: for a
 * config without the plugins (the benchmark's vanilla baseline) on a database the suite's migrations made.
 */
export function databaseAdapter(choice: DatabaseChoice = chooseDatabase(), { archiveIndexes = true } = {}): DatabaseAdapterObj {
  switch (choice.kind) {
    case 'sqlite': {
      // Statements are compiled once per connection, not on every run (src/sqlite-statements.ts).
      if (process.env.NEWSROOM_SQLITE_KEEP_STATEMENTS !== 'off') keepPreparedStatements()
      const memory = choice.url.includes(':memory:')
      const adapter = sqliteAdapter({
        client: { url: choice.url },
        push: false,
        migrationDir: migrationDir('sqlite'),
        // A second writer (CLI import while the server runs) waits instead of failing with SQLITE_BUSY.
        busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
        afterSchemaInit: archiveIndexes ? [sqliteArchiveIndexes] : [],
        // In-memory databases must not use transactions: a fresh empty connection follows one (DESIGN.md §9).
        // A file has Payload's transactions on, so a save (row, credits, version, history) is all or nothing after
        // a crash; src/sqlite-writer.ts makes them take turns. It uses write-ahead logging with NORMAL syncs: a
        // commit does not wait for two fsyncs, readers do not block the writer, and a crash of the app loses
        // nothing committed (only a power cut can).
        ...(memory ? { transactionOptions: false as const } : { transactionOptions: {}, wal: { synchronous: 'NORMAL' as const } }),
      })
      return memory ? adapter : takingTurns(adapter, [`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, 'PRAGMA synchronous = NORMAL'])
    }
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: choice.url, connectionTimeoutMillis: 5000 },
        push: false,
        migrationDir: migrationDir('postgres'),
        afterSchemaInit: archiveIndexes ? [postgresArchiveIndexes] : [],
      })
    case 'mongodb':
      // MongoDB is schemaless for Payload: no migrations to apply. Not run on these machines (README).
      return mongooseAdapter({ url: choice.url, connectOptions: { serverSelectionTimeoutMS: 5000 } })
  }
}

/** The committed migrations for the chosen database kind (none for MongoDB). */
export function migrationsFor(kind: DatabaseKind): Migration[] {
  // Each adapter types its migration args itself; Payload's migrate() takes them as its own Migration type.
  if (kind === 'sqlite') return sqliteMigrations as unknown as Migration[]
  if (kind === 'postgres') return postgresMigrations as unknown as Migration[]
  return []
}
