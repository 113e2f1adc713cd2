/**
 * Grows a seeded benchmark database to TARGET stories by copying its stories in SQL — each copy with new ids, its
 * own slug (`…-c<k>`), timestamps a few seconds apart, its credits, tags and version row (and theirs). The
 * seeder's bulk path (seed.ts) makes the stories; on a shared two-core machine it cannot make 100,000 of them in
 * the time a benchmark has, and copying gives the database the same rows, indexes and sizes as if it had.
 *   node --import tsx tests/bench/replicate.ts DB_FILE TARGET
 */
import { createClient, type Client } from '@libsql/client'

const columnsOf = async (db: Client, table: string) =>
  (await db.execute(`PRAGMA table_info("${table}")`)).rows.map((row) => String(row.name))

/** INSERT … SELECT of `table`'s base rows with some columns computed; the rest copied as they are. */
async function copyRows(db: Client, table: string, computed: Record<string, string>, where: string) {
  const columns = (await columnsOf(db, table)).filter((c) => computed[c] !== 'omit')
  const select = columns.map((c) => computed[c] ?? `"${c}"`).join(', ')
  await db.execute(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM "${table}" WHERE ${where}`)
}

const shifted = (column: string) =>
  `CASE WHEN "${column}" IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "${column}", '-' || (:k) || ' seconds') END`

async function main() {
  const [file, targetArg] = process.argv.slice(2)
  const target = Number(targetArg)
  const db = createClient({ url: `file:${file}` })
  const count = async (table: string) => Number((await db.execute(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n)
  const max = async (table: string) => Number((await db.execute(`SELECT coalesce(max(id), 0) AS m FROM "${table}"`)).rows[0]!.m)
  const base = await count('articles')
  const baseMaxArticle = await max('articles')
  const baseMaxVersion = await max('_articles_v')
  const started = performance.now()
  const copies = Math.max(0, Math.ceil(target / base) - 1)
  for (let k = 1; k <= copies; k++) {
    const article = `(id + ${k * baseMaxArticle})`
    const version = `(id + ${k * baseMaxVersion})`
    const timestamps = { created_at: shifted('created_at'), updated_at: shifted('updated_at') }
    await db.execute('BEGIN')
    const sub = (sql: string) => sql.replace(/:k/g, String(k))
    const at = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([c, e]) => [c, sub(e)]))
    await copyRows(
      db,
      'articles',
      at({ id: article, slug: `slug || '-c${k}'`, import_key: 'NULL', published_at: shifted('published_at'), ...timestamps }),
      `id <= ${baseMaxArticle}`,
    )
    await copyRows(
      db,
      'articles_credits',
      { id: `id || '-c${k}'`, _parent_id: `(_parent_id + ${k * baseMaxArticle})` },
      `_parent_id <= ${baseMaxArticle}`,
    )
    await copyRows(db, 'articles_texts', { id: 'omit', parent_id: `(parent_id + ${k * baseMaxArticle})` }, `parent_id <= ${baseMaxArticle}`)
    await copyRows(
      db,
      '_articles_v',
      at({
        id: version,
        parent_id: `(parent_id + ${k * baseMaxArticle})`,
        version_slug: `version_slug || '-c${k}'`,
        version_import_key: 'NULL',
        version_published_at: shifted('version_published_at'),
        version_created_at: shifted('version_created_at'),
        version_updated_at: shifted('version_updated_at'),
        ...timestamps,
      }),
      `id <= ${baseMaxVersion}`,
    )
    await copyRows(
      db,
      '_articles_v_version_credits',
      { id: 'omit', _parent_id: `(_parent_id + ${k * baseMaxVersion})` },
      `_parent_id <= ${baseMaxVersion}`,
    )
    await copyRows(
      db,
      '_articles_v_texts',
      { id: 'omit', parent_id: `(parent_id + ${k * baseMaxVersion})` },
      `parent_id <= ${baseMaxVersion}`,
    )
    await db.execute('COMMIT')
  }
  // No ANALYZE: the app's own database never has planner statistics either.
  const articles = await count('articles')
  console.log(
    `RESULT ${JSON.stringify({ base, articles, versions: await count('_articles_v'), seconds: Number(((performance.now() - started) / 1000).toFixed(1)) })}`,
  )
  db.close()
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
