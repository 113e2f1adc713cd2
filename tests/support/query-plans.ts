/**
 * The SQL Payload really issues, and how the database would run it. `recordStatements` hooks drizzle's logger
 * (the session every query of the adapter goes through) while a read runs; `explainStatement` asks the database
 * for the plan of one recorded statement with its own parameters — `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on
 * PostgreSQL; `planProblems` names what makes a read slow down as the archive grows: a full scan of a table or a
 * sort of it in a temporary structure.
 *
 * PostgreSQL's planner seq-scans a small table whatever indexes exist, so its plans are asked for with
 * `enable_seqscan` and `enable_sort` off: a `Seq Scan` or `Sort` that survives that has no index that can serve it.
 */
import type { Payload } from 'payload'

export interface Statement {
  sql: string
  params: unknown[]
}

interface DrizzleSession {
  logger: { logQuery(sql: string, params: unknown[]): void }
}

const sessionOf = (payload: Payload) => (payload.db as unknown as { drizzle: { session: DrizzleSession } }).drizzle.session

/** Every statement the database adapter runs while `read` runs. */
export async function recordStatements(payload: Payload, read: () => Promise<unknown>): Promise<Statement[]> {
  const session = sessionOf(payload)
  const previous = session.logger
  const statements: Statement[] = []
  session.logger = { logQuery: (sql, params) => statements.push({ sql, params: [...params] }) }
  try {
    await read()
  } finally {
    session.logger = previous
  }
  return statements
}

/** One node of a plan: SQLite's rows keep their tree (id, parent); PostgreSQL's lines keep their indentation. */
export interface PlanNode {
  id: number
  parent: number
  detail: string
}

/** The plan of one statement. */
export async function explainStatement(payload: Payload, kind: 'sqlite' | 'postgres', statement: Statement): Promise<PlanNode[]> {
  if (kind === 'sqlite') {
    const client = (
      payload.db as unknown as { client: { execute(q: { sql: string; args: unknown[] }): Promise<{ rows: Record<string, unknown>[] }> } }
    ).client
    const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.params as unknown[] })
    return rows.map((row) => ({ id: Number(row.id), parent: Number(row.parent), detail: String(row.detail) }))
  }
  const pool = (payload.db as unknown as { pool: { connect(): Promise<PgClient> } }).pool
  const client = await pool.connect()
  try {
    await client.query('SET enable_seqscan = off; SET enable_sort = off')
    const { rows } = await client.query(`EXPLAIN ${statement.sql}`, statement.params)
    return rows.map((row, i) => ({ id: i, parent: -1, detail: String(row['QUERY PLAN']) }))
  } finally {
    await client.query('RESET enable_seqscan; RESET enable_sort').catch(() => undefined)
    client.release()
  }
}

interface PgClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  release(): void
}

const indentOf = (line: string) => line.length - line.trimStart().length

/**
 * What in a plan grows with the archive: a full scan of one of `scanned` (every row read), or a temporary sort
 * of one of `sorted` (every matching row read, then sorted, before the LIMIT). A small sort elsewhere — a story's
 * credits in their order — is not reported.
 */
export function planProblems(
  kind: 'sqlite' | 'postgres',
  plan: PlanNode[],
  sql: string,
  scanned: readonly string[],
  sorted: readonly string[],
): string[] {
  const problems: string[] = []
  // Plans name tables by their alias in the statement (`from "articles_texts" "articles__texts"`).
  const aliases = new Map([...sql.matchAll(/[`"]([\w]+)[`"]\s+(?:as\s+)?[`"]([\w]+)[`"]/gi)].map((m) => [m[2]!, m[1]!]))
  const bare = (name: string) => {
    const plain = name.replace(/["`]/g, '')
    return aliases.get(plain) ?? plain
  }
  if (kind === 'sqlite') {
    const tableOf = (node: PlanNode) => /^(?:SCAN|SEARCH) (\S+)/.exec(node.detail)?.[1]
    for (const node of plan) {
      // `SCAN t` with no index reads every row; `SCAN t USING [COVERING] INDEX i` walks an index in order and
      // stops at the LIMIT — that is how "newest first" is served. A scan of a subquery or CTE is not a table.
      // A list table walked by an index in ORDER BY order is fine; any other table walked whole, by index or
      // not, is read in full for each row of the list (a story's tags through an index that starts elsewhere).
      const scan = /^SCAN (\S+)(.*)$/.exec(node.detail)
      const coRoutine = scan && plan.some((other) => other.parent === node.parent && other.detail === `CO-ROUTINE ${scan[1]}`)
      if (scan && !coRoutine && scanned.includes(bare(scan[1]!))) {
        const byIndex = /USING (COVERING )?INDEX/.test(scan[2]!)
        if (!byIndex || !sorted.includes(bare(scan[1]!))) problems.push(node.detail)
      }
      // `RIGHT PART OF ORDER BY`: rows come in index order and only ties on the indexed part are sorted, up to
      // the LIMIT — that does not grow with the table.
      if (/USE TEMP B-TREE FOR (LAST TERM OF )?ORDER BY/.test(node.detail)) {
        // The sort belongs to the (sub)query whose tables are its siblings in the tree.
        const siblings = plan
          .filter((other) => other.parent === node.parent && other !== node)
          .map(tableOf)
          .filter(Boolean) as string[]
        const table = siblings.map(bare).find((name) => sorted.includes(name))
        if (table) problems.push(`${node.detail} (of ${table})`)
      }
    }
    return problems
  }
  const lines = plan.map((node) => node.detail)
  lines.forEach((line, i) => {
    const seq = /Seq Scan on (\S+)/.exec(line)
    if (seq && scanned.includes(bare(seq[1]!))) problems.push(line.trim())
    // An Incremental Sort only orders ties within rows that already come in index order.
    if (/^\s*(->\s*)?Sort\b/.test(line)) {
      const indent = indentOf(line)
      const subtree: string[] = []
      for (const next of lines.slice(i + 1)) {
        if (indentOf(next) <= indent) break
        subtree.push(next)
      }
      const table = subtree
        .map((sub) => /Scan (?:using \S+ )?on (\S+)/.exec(sub)?.[1])
        .filter(Boolean)
        .map((name) => bare(name!))
        .find((name) => sorted.includes(name))
      if (table) problems.push(`${line.trim()} (of ${table})`)
    }
  })
  return problems
}
