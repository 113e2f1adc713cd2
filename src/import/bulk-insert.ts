/**
 * Many documents of one collection (or its versions) written with one INSERT per table instead of one per row:
 * the rows are built by the drizzle adapter's own mapping (transformForWrite, insertArrays — what its create
 * runs for one document), so columns, array rows, tags and relations are stored exactly as a create stores
 * them. The ids are given (reserveIds), so nothing is read back. SQLite and PostgreSQL only.
 */
import type { FlattenedField, Payload } from 'payload'

import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
// drizzle's sql tag, as both adapters re-export it (one drizzle-orm install serves both).
import { sql } from '@payloadcms/db-sqlite'

type Row = Record<string, unknown>
type Id = string | number

/** The parts of the drizzle adapter (SQLite or PostgreSQL) a bulk insert needs. */
export interface DrizzleAdapterLike {
  name: string
  drizzle: DrizzleDb
  tables: Record<string, Record<string, unknown>>
  tableNameMap: Map<string, string>
  versionsSuffix?: string
  relationshipsSuffix?: string
  localesSuffix?: string
  schemaName?: string
  insert(args: { db: DrizzleDb; tableName: string; values: Row | Row[] }): Promise<Row[]>
}

export interface DrizzleDb {
  select(fields: Row): { from(table: unknown): Promise<Row[]> }
  insert(table: unknown): { values(rows: Row[]): Promise<unknown> }
  execute?(query: unknown): Promise<{ rows: Row[] }>
}

interface WriteRows {
  row: Row
  arrays: Record<string, unknown[]>
  arraysToPush: Record<string, unknown[]>
  blocks: Record<string, unknown[]>
  locales: Record<string, Row>
  numbers: Row[]
  relationships: Row[]
  relationshipsToAppend: Row[]
  selects: Record<string, Row[]>
  texts: Row[]
}

interface DrizzleInternals {
  transformForWrite(args: {
    adapter: unknown
    data: Row
    enableAtomicWrites: boolean
    fields: FlattenedField[]
    path: string
    tableName: string
  }): WriteRows
  insertArrays(args: { adapter: unknown; arrays: unknown[]; db: DrizzleDb; parentRows: Row[]; uuidMap: Row }): Promise<void>
}

let internals: Promise<DrizzleInternals> | undefined

/**
 * The adapter's row mapping is not in @payloadcms/drizzle's public exports; it is loaded from the installed
 * package (pinned to the exact Payload version, package.json) beside its entry point.
 */
function drizzleInternals(): Promise<DrizzleInternals> {
  internals ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@payloadcms/drizzle'))
    const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href)
    const [{ transformForWrite }, { insertArrays }] = await Promise.all([
      load('transform/write/index.js'),
      load('upsertRow/insertArrays.js'),
    ])
    return { transformForWrite, insertArrays }
  })()
  return internals
}

export const isDrizzleAdapter = (payload: Payload): boolean => {
  const db = payload.db as unknown as Partial<DrizzleAdapterLike>
  return Boolean(db.tableNameMap && db.tables && typeof db.insert === 'function' && (db.name === 'sqlite' || db.name === 'postgres'))
}

export const adapterOf = (payload: Payload) => payload.db as unknown as DrizzleAdapterLike

/** A collection's table name as the adapter registered it ('workflow-events' → 'workflow_events'). */
export function tableNameOf(adapter: DrizzleAdapterLike, slug: string, versions = false): string {
  const snake = slug
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase()
  const key = versions ? `_${snake}${adapter.versionsSuffix ?? '_v'}` : snake
  const name = adapter.tableNameMap.get(key)
  if (!name) throw new Error(`no table for ${versions ? 'versions of ' : ''}${slug}`)
  return name
}

/**
 * `count` fresh ids for a table, taken inside the batch's transaction. PostgreSQL: from the table's sequence, as
 * an insert would. SQLite: after the highest id in the table (what SQLite itself gives an INTEGER PRIMARY KEY)
 * and after any id already handed out in this transaction (`after`); the batch holds the write lock.
 */
export async function reserveIds(
  adapter: DrizzleAdapterLike,
  db: DrizzleDb,
  tableName: string,
  count: number,
  after = 0,
): Promise<number[]> {
  if (!count) return []
  const table = adapter.tables[tableName] as Record<string, unknown>
  if (adapter.name === 'postgres') {
    const qualified = `"${adapter.schemaName || 'public'}"."${tableName}"`
    const { rows } = await db.execute!(
      sql`select nextval(pg_get_serial_sequence(${qualified}, 'id'))::int as id from generate_series(1, ${count})`,
    )
    return rows.map((r) => Number(r.id))
  }
  const [{ max }] = await db.select({ max: sql<number>`coalesce(max(${table.id}), 0)` }).from(table)
  const base = Math.max(Number(max), after)
  return Array.from({ length: count }, (_, i) => base + 1 + i)
}

/** Bound parameters per statement stay well under SQLite's and PostgreSQL's limits (32,766 / 65,535). */
const MAX_PARAMETERS = 30_000

async function insertChunked(adapter: DrizzleAdapterLike, db: DrizzleDb, tableName: string, rows: Row[]) {
  if (!rows.length) return
  const table = adapter.tables[tableName]
  if (!table) throw new Error(`bulk insert: no table ${tableName}`)
  const columns = Math.max(1, ...rows.slice(0, 20).map((r) => Object.keys(r).length))
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(columns, Object.keys(table).length)))
  // Not adapter.insert: it asks for every inserted row back (RETURNING *), and a story row holds its whole body,
  // HTML and plain text — reading 200 of them back and building their objects was 7 % of an import's CPU. The
  // ids are already given, so nothing needs reading back.
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.insert(table).values(rows.slice(i, i + perStatement))
  }
}

/**
 * Inserts the documents (their data as Payload's create hands it to the adapter) into `tableName` with `fields`.
 * Documents without an id get one from the database (only for tables without sub-tables to link).
 */
export async function bulkInsert(
  adapter: DrizzleAdapterLike,
  db: DrizzleDb,
  tableName: string,
  fields: FlattenedField[],
  docs: { id?: Id; data: Row }[],
): Promise<void> {
  if (!docs.length) return
  const { transformForWrite, insertArrays } = await drizzleInternals()
  const now = new Date().toISOString()
  const written = docs.map(({ id, data }) => {
    // As the adapter's create: a document without createdAt gets it now.
    if (!data.createdAt) data.createdAt = now
    const rows = transformForWrite({ adapter, data, enableAtomicWrites: false, fields, path: '', tableName })
    if (id !== undefined) rows.row.id = id
    else delete rows.row.id
    return rows
  })
  for (const rows of written) {
    if (Object.keys(rows.blocks).length || Object.keys(rows.locales).length || rows.relationshipsToAppend.length) {
      throw new Error(`bulk insert into ${tableName}: blocks, localized fields and relationship appends are not supported`)
    }
    const hasSubRows =
      rows.relationships.length ||
      rows.texts.length ||
      rows.numbers.length ||
      Object.keys(rows.selects).length ||
      Object.keys(rows.arrays).length
    if (hasSubRows && rows.row.id === undefined) throw new Error(`bulk insert into ${tableName}: rows with sub-tables need their ids`)
  }
  await insertChunked(
    adapter,
    db,
    tableName,
    written.map((w) => w.row),
  )
  const withParent = (rows: Row[], parent: unknown) => rows.map((r) => ({ ...r, parent }))
  await insertChunked(
    adapter,
    db,
    `${tableName}${adapter.relationshipsSuffix ?? '_rels'}`,
    written.flatMap((w) => withParent(w.relationships, w.row.id)),
  )
  await insertChunked(
    adapter,
    db,
    `${tableName}_texts`,
    written.flatMap((w) => withParent(w.texts, w.row.id)),
  )
  await insertChunked(
    adapter,
    db,
    `${tableName}_numbers`,
    written.flatMap((w) => withParent(w.numbers, w.row.id)),
  )
  const selectTables = new Set(written.flatMap((w) => Object.keys(w.selects)))
  for (const selectTable of selectTables) {
    await insertChunked(
      adapter,
      db,
      selectTable,
      written.flatMap((w) => (w.selects[selectTable] ?? []).map((r) => ({ ...r, parent: r.parent ?? w.row.id }))),
    )
  }
  // The adapter's own array writer takes many parents at once: one insert per array table.
  await insertArrays({
    adapter,
    arrays: written.flatMap((w) => [w.arrays, w.arraysToPush]),
    db,
    parentRows: written.flatMap((w) => [w.row, w.row]),
    uuidMap: {},
  })
}
