/**
 * Per-statement trace of one editor save cycle (create draft, edit, autosave, publish): how many SQL statements
 * each operation issues and how long SQLite spends in them, grouped by statement and table. The evidence behind
 * the README's "Causes" (the suite's saves issue more statements; on SQLite without transactions each one
 * commits on its own).
 *   BENCH_CONFIG=suite|vanilla DATABASE_URI=file:<copy of a seeded db> NEWSROOM_SEED=false NODE_ENV=production \
 *     node --import tsx tests/bench/trace-statements.ts SEED_JSON
 * BENCH_SAVE_DEPTH=0 answers every save at depth 0, as the admin asks (write.ts); unset, the Local API's default.
 */
import { readFileSync } from 'node:fs'

import { statements } from './statement-trace'

setInterval(() => undefined, 1000)
const { getPayload } = await import('payload')
const { blocksToLexical } = await import('../../plugins/house-style')
const { foundingParts, SAVE_DEPTH: depth } = await import('./support')
const which = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : 'suite'
const { default: config } = which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')
const payload = await getPayload({ config })
const seed = JSON.parse(readFileSync(process.argv[2]!, 'utf8'))
const editor = await payload.create({
  collection: 'users',
  data: { email: `t${Date.now()}@x.test`, password: 'pw-pw-pw-1', roles: ['editor'] },
})
const user = { ...editor, collection: 'users' }
const parts = foundingParts()
/** A statement's kind and its first table: `select articles`, `insert into _articles_v`… */
const key = (sql: string) => {
  const flat = sql.replace(/\s+/g, ' ')
  const select = /^\s*select .*? from "?([a-z_]+)"?/i.exec(flat)
  if (select) return `select ${select[1]}`
  const m = /^\s*(insert into|update|delete from)\s+"?([a-z_]+)"?/i.exec(flat)
  return m ? `${m[1]!.toLowerCase()} ${m[2]}` : flat.slice(0, 40)
}
const report = (label: string, ms: number) => {
  const log = statements.take()
  const g = new Map<string, [number, number]>()
  for (const e of log) {
    const k = key(e.sql)
    const v = g.get(k) ?? [0, 0]
    v[0]++
    v[1] += e.ms
    g.set(k, v)
  }
  console.log(
    `${which} ${label}: ${ms.toFixed(1)} ms, ${log.length} statements, ${log.reduce((s, e) => s + e.ms, 0).toFixed(1)} ms in the database`,
  )
  for (const [k, [n, t]] of [...g].sort((a, b) => b[1][1] - a[1][1]).slice(0, 30))
    console.log(`   ${String(n).padStart(3)} ${t.toFixed(1).padStart(7)} ms  ${k}`)
  statements.take()
}
for (let round = 0; round < 3; round++) {
  const data: Record<string, unknown> = {
    title: `兴仁县“三抓三强”见实效（${round}）`,
    body: blocksToLexical(parts.story.body.filter((b) => b.type !== 'image')),
    section: seed.sectionIds[0],
    region: seed.regionIds[4],
    heroImage: seed.mediaIds[0],
    tags: ['基层党建'],
  }
  if (which === 'suite') {
    data.dateline = { outlet: '亮点黔西南', place: seed.regionIds[4], date: '2026-11-01', kind: 'xun' }
    data.credits = [
      { author: seed.authorIds[0], role: 'reporter' },
      { author: seed.authorIds[1], role: 'correspondent' },
    ]
  }
  statements.take()
  let t = performance.now()
  const doc = await payload.create({ collection: 'articles', data: data, draft: true, user, overrideAccess: false, depth })
  if (round === 2) report('createDraft', performance.now() - t)
  statements.take()
  t = performance.now()
  await payload.update({ collection: 'articles', id: doc.id, data: { dek: '编辑修改' }, draft: true, user, overrideAccess: false, depth })
  if (round === 2) report('updateDraft', performance.now() - t)
  statements.take()
  t = performance.now()
  await payload.update({
    collection: 'articles',
    id: doc.id,
    data: { dek: '自动保存' },
    draft: true,
    autosave: true,
    user,
    overrideAccess: false,
    depth,
  })
  if (round === 2) report('autosave', performance.now() - t)
  statements.take()
  t = performance.now()
  await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, user, overrideAccess: false, depth })
  if (round === 2) report('publish', performance.now() - t)
  statements.take()
}
process.exit(0)
