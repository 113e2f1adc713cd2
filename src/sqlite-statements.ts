/**
 * Prepared statements kept per SQLite connection, so that a statement the app runs again is not compiled again.
 *
 * libsql's client prepares every statement it runs anew (`executeStmt` in `@libsql/client`), and Payload's drizzle
 * adapter sends the same few hundred statement texts over and over, their values bound as parameters. Preparing
 * showed in every profile of a save and a read (README, "Causes, and what changed"): +1.7 ms of the credits' cost
 * in a save, and with the columns asked twice per run, 17 % of a story read's CPU. A prepared statement is made to be run again: libsql resets it before each run and
 * binds the new values, and SQLite compiles it again by itself if the schema changed under it.
 *
 * Each connection keeps the statements it prepared last, by their text, the least recently used dropped first.
 * Statements run to completion before the next one starts (libsql's client is synchronous), so one statement
 * object is never in use twice at once. A statement kept across a schema change still runs, but libsql keeps the
 * result columns it was prepared with (a `select *` would not show a new column): so any CREATE, ALTER or DROP in
 * this process — migrations — forgets every kept statement. The app's statements name their columns (drizzle
 * writes them out), so a migration run by another process cannot change what they return.
 */
import Database from 'libsql'

/** Statement texts kept per connection: a desk's statements are a few hundred; lists of ids make the rest. */
export const KEPT_STATEMENTS = 1_000

type Prepare = (this: object, sql: string) => unknown
type Exec = (this: object, sql: string) => unknown

/** Statements that change the schema: kept statements are forgotten when one runs. */
const SCHEMA_CHANGE = /\b(create|alter|drop)\s+(table|index|unique|view|trigger|virtual|temp|temporary)\b/i

const kept = new WeakMap<object, { schema: number; statements: Map<string, unknown> }>()
/** Bumped by every schema change in this process; a connection's statements from an older schema are dropped. */
let schema = 0
let installed = false

/** Installs the cache on libsql's connections in this process (once; every connection opened after gets it). */
export function keepPreparedStatements(): void {
  if (installed) return
  installed = true
  const prototype = (Database as unknown as { prototype: { prepare: Prepare; exec: Exec } }).prototype
  const { prepare, exec } = prototype
  prototype.prepare = function keptPrepare(this: object, sql: string) {
    if (SCHEMA_CHANGE.test(sql)) {
      schema++
      return prepare.call(this, sql)
    }
    let connection = kept.get(this)
    if (!connection || connection.schema !== schema) kept.set(this, (connection = { schema, statements: new Map() }))
    const { statements } = connection
    const statement = statements.get(sql)
    if (statement !== undefined) {
      // Most recently used last: the Map's first key is the one to drop.
      statements.delete(sql)
      statements.set(sql, statement)
      return statement
    }
    const prepared = prepare.call(this, sql)
    statements.set(sql, prepared)
    if (statements.size > KEPT_STATEMENTS) statements.delete(statements.keys().next().value!)
    return prepared
  }
  // Several statements at once (libsql's executeMultiple, migrations): never kept, but may change the schema.
  prototype.exec = function keptExec(this: object, sql: string) {
    if (SCHEMA_CHANGE.test(sql)) schema++
    return exec.call(this, sql)
  }
}
