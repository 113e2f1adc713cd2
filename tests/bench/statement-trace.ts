/**
 * Every SQL statement this process sends, with the time the database took, for the trace scripts
 * (trace-statements.ts, trace-read.ts). Import it before Payload boots: it wraps the drivers' entry points.
 *   SQLite (libsql): each prepared statement's all/run/get; PostgreSQL (node-postgres): Client.query, to its answer.
 */
import { createRequire } from 'node:module'

export interface StatementTiming {
  sql: string
  ms: number
}

/** The statements since the last `take()`. */
export const statements = {
  entries: [] as StatementTiming[],
  take(): StatementTiming[] {
    const taken = this.entries
    this.entries = []
    return taken
  },
}

const require = createRequire(import.meta.url)
const record = (sql: string, started: number) => statements.entries.push({ sql, ms: performance.now() - started })

const pgClient = require('pg').Client.prototype
const query = pgClient.query
pgClient.query = function (config: unknown, ...rest: unknown[]) {
  const sql = typeof config === 'string' ? config : String((config as { text?: string })?.text ?? '')
  const started = performance.now()
  const last = rest.length - 1
  if (typeof rest[last] === 'function') {
    const callback = rest[last] as (...a: unknown[]) => unknown
    rest[last] = (...a: unknown[]) => (record(sql, started), callback(...a))
  }
  const result = query.call(this, config, ...rest)
  if (result && typeof result.then === 'function')
    void result.then(
      () => record(sql, started),
      () => undefined,
    )
  return result
}

const libsql = require('libsql')
const database = libsql.prototype ?? libsql.Database?.prototype
const prepare = database.prepare
database.prepare = function (sql: string) {
  const statement = prepare.call(this, sql)
  // What runs a statement, each counted once: not `raw` (it only switches how rows come back; @libsql/client calls
  // it before every `all`) and not `iterate` (libsql's `all` reads its rows through it). Counting `raw` counted
  // every statement twice.
  for (const method of ['all', 'run', 'get']) {
    if (typeof statement[method] !== 'function') continue
    const original = statement[method].bind(statement)
    statement[method] = (...args: unknown[]) => {
      const started = performance.now()
      try {
        return original(...args)
      } finally {
        record(sql, started)
      }
    }
  }
  return statement
}
const exec = database.exec
database.exec = function (sql: string) {
  const started = performance.now()
  try {
    return exec.call(this, sql)
  } finally {
    record(sql, started)
  }
}
