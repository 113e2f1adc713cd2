// scratch: statements + time for one anonymous single-story read (suite vs vanilla)
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const libsql = require('libsql')
let log: { sql: string; ms: number }[] = []
const P = libsql.prototype ?? libsql.Database?.prototype
const origPrepare = P.prepare
P.prepare = function (sql: string) {
  const stmt = origPrepare.call(this, sql)
  for (const m of ['all', 'run', 'get']) { const o = stmt[m].bind(stmt); stmt[m] = (...a: unknown[]) => { const t = performance.now(); try { return o(...a) } finally { log.push({ sql, ms: performance.now() - t }) } } }
  return stmt
}
setInterval(() => undefined, 1000)
const { getPayload } = await import('payload')
const which = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : 'suite'
const { default: config } = which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')
const payload = await getPayload({ config })
const sel = which === 'suite' ? ['title', 'slug', 'publishedAt', 'datelineText', 'bylineText', 'html', 'section', 'region', 'credits', 'heroImage'] : ['title', 'slug', 'publishedAt', 'body', 'section', 'region', 'heroImage']
const select = Object.fromEntries(sel.map((k) => [k, true]))
for (let r = 0; r < Number(process.env.N ?? 30); r++) {
  log = []
  const t = performance.now()
  await payload.find({ collection: 'articles', where: { slug: { equals: `bench-${1 + r * 7}` } }, limit: 1, depth: 1, select: select as never, overrideAccess: false })
  const ms = performance.now() - t
  if (r >= Number(process.env.N ?? 30) - 3) { console.log(which, 'story', ms.toFixed(1), 'ms', log.length, 'statements', log.reduce((s, e) => s + e.ms, 0).toFixed(1), 'ms sqlite'); if (r === Number(process.env.N ?? 30) - 1 && !process.env.QUIET) for (const e of log) console.log('   ', e.ms.toFixed(2), e.sql.slice(0, 150)) }
}
process.exit(0)
