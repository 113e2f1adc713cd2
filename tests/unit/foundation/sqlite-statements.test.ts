/**
 * Prepared statements kept per SQLite connection (src/sqlite-statements.ts), through libsql's own client as the
 * app's adapter uses it: a statement runs again with new values, after a failed run, and a schema change in this
 * process is seen by the statements that ran before it.
 */
import { createClient } from '@libsql/client'
import Database from 'libsql'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { KEPT_STATEMENTS, keepPreparedStatements } from '../../../src/sqlite-statements'

const dir = mkdtempSync(path.join(tmpdir(), 'kept-statements-'))
type Raw = { prepare(sql: string): unknown; exec(sql: string): unknown; close(): void }

describe('kept prepared statements', () => {
  beforeAll(() => keepPreparedStatements())
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('gives a connection the statement it prepared before for the same text, and another connection its own', () => {
    const one = new Database(path.join(dir, 'a.db')) as unknown as Raw
    const two = new Database(path.join(dir, 'a.db')) as unknown as Raw
    one.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY)')
    const sql = 'SELECT id FROM t WHERE id > ?'
    expect(one.prepare(sql)).toBe(one.prepare(sql))
    expect(two.prepare(sql)).not.toBe(one.prepare(sql))
    one.close()
    two.close()
  })

  it('keeps at most KEPT_STATEMENTS texts a connection, dropping the least recently used', () => {
    const db = new Database(':memory:') as unknown as Raw
    const first = db.prepare('SELECT 0')
    const kept = db.prepare('SELECT 1')
    for (let i = 2; i <= KEPT_STATEMENTS; i++) {
      if (i % 100 === 0) expect(db.prepare('SELECT 1')).toBe(kept) // used now and then: stays
      db.prepare(`SELECT ${i}`)
    }
    expect(db.prepare('SELECT 1')).toBe(kept)
    expect(db.prepare('SELECT 0')).not.toBe(first)
    db.close()
  })

  it('runs a kept statement again with new values, and again after a run that failed', async () => {
    const client = createClient({ url: `file:${path.join(dir, 'b.db')}` })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)')
    const insert = 'INSERT INTO t (v) VALUES (?)'
    await client.execute({ sql: insert, args: ['a'] })
    for (let i = 0; i < 2; i++) {
      await expect(client.execute({ sql: insert, args: ['a'] })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    }
    await client.execute({ sql: insert, args: ['b'] })
    const read = (from: number) => client.execute({ sql: 'SELECT v FROM t WHERE id > ? ORDER BY id', args: [from] })
    expect((await read(0)).rows.map((row) => row.v)).toEqual(['a', 'b'])
    expect((await read(1)).rows.map((row) => row.v)).toEqual(['b'])
    client.close()
  })

  it('forgets kept statements when this process changes the schema: a `select *` shows a new column', async () => {
    const client = createClient({ url: `file:${path.join(dir, 'c.db')}` })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] })
    const all = () => client.execute({ sql: 'SELECT * FROM t WHERE id > ?', args: [0] })
    expect((await all()).columns).toEqual(['id', 'v'])
    await client.execute("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'")
    expect((await all()).columns).toEqual(['id', 'v', 'w'])
    // Several statements at once (migrations) count too.
    await client.executeMultiple("ALTER TABLE t ADD COLUMN z TEXT DEFAULT 'y'; CREATE INDEX t_z ON t (z);")
    const after = await all()
    expect(after.columns).toEqual(['id', 'v', 'w', 'z'])
    expect(after.rows[0]).toMatchObject({ v: 'a', w: 'x', z: 'y' })
    client.close()
  })
})
