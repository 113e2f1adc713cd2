/**
 * The benchmark's databases, one kind per run (`npm run bench -- --db postgres`): a database is made, seeded
 * once, copied for every child that writes (so suite and vanilla start from the same rows), and dropped.
 *   sqlite    a file per database in the run's work folder; a copy takes the WAL too
 *   postgres  a database per copy on the server of BENCH_POSTGRES_URL (default the local trust server), copied
 *             with CREATE DATABASE … TEMPLATE, dropped at the end
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

export type BenchDatabaseKind = 'sqlite' | 'postgres'

export interface BenchDatabases {
  kind: BenchDatabaseKind
  /** What the report says the figures ran on. */
  label: string
  /** An empty database called `name`, replacing one left by an earlier run; its DATABASE_URI. */
  create(name: string): Promise<string>
  /** A copy of the database at `from` (no process may be writing to it), called `name`; its DATABASE_URI. */
  copy(from: string, name: string): Promise<string>
  drop(uri: string): Promise<void>
  /** Drops everything this run made. */
  close(): Promise<void>
}

export function benchDatabases(kind: BenchDatabaseKind, work: string): BenchDatabases {
  return kind === 'postgres' ? postgresDatabases() : sqliteDatabases(work)
}

function sqliteDatabases(work: string): BenchDatabases {
  const fileOf = (uri: string) => uri.replace(/^file:/, '')
  const remove = (file: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  }
  return {
    kind: 'sqlite',
    label: 'SQLite file (libsql), one per stage, seeded from the founding story',
    async create(name) {
      const file = path.join(work, `${name}.db`)
      remove(file)
      return `file:${file}`
    },
    // The file runs in WAL mode: committed pages may still sit in `-wal`, so the copy takes it (SQLite replays it
    // on open) or it would be torn. A stale `-shm` is never copied; SQLite rebuilds it.
    async copy(from, name) {
      const source = fileOf(from)
      const file = path.join(work, `${name}.db`)
      remove(file)
      copyFileSync(source, file)
      if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${file}-wal`)
      return `file:${file}`
    },
    async drop(uri) {
      remove(fileOf(uri))
    },
    async close() {},
  }
}

function postgresDatabases(): BenchDatabases {
  const server = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  const made = new Set<string>()
  const uriOf = (database: string) => Object.assign(new URL(server.href), { pathname: `/${database}` }).href
  const nameOf = (uri: string) => decodeURIComponent(new URL(uri).pathname.slice(1))
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`
  async function admin(statement: string) {
    const client = new pg.Client({ connectionString: server.href })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  const databaseOf = (name: string) => `newsroom_bench_${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`
  const drop = (database: string) => admin(`drop database if exists ${ident(database)} with (force)`)
  return {
    kind: 'postgres',
    label: `PostgreSQL ${server.host}, a database per stage (CREATE DATABASE … TEMPLATE the seeded one)`,
    async create(name) {
      const database = databaseOf(name)
      await drop(database)
      await admin(`create database ${ident(database)}`)
      made.add(database)
      return uriOf(database)
    },
    async copy(from, name) {
      const database = databaseOf(name)
      await drop(database)
      await admin(`create database ${ident(database)} template ${ident(nameOf(from))}`)
      made.add(database)
      return uriOf(database)
    },
    async drop(uri) {
      const database = nameOf(uri)
      await drop(database)
      made.delete(database)
    },
    async close() {
      for (const database of made) await drop(database).catch(() => undefined)
      made.clear()
    },
  }
}
