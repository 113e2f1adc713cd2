/**
 * Per-statement trace and timing of one anonymous single-story read (REST and GraphQL, as the read benchmark
 * asks it) through Payload's own route handlers: where a story read's time goes, suite against vanilla.
 *   BENCH_CONFIG=suite|vanilla DATABASE_URI=file:<seeded db> NEWSROOM_SEED=false NODE_ENV=production \
 *     node --conditions=production --import tsx tests/bench/trace-read.ts SEED_JSON
 * SEED_JSON is the seeder's RESULT line (tests/bench/seed.ts). Also the REST and GraphQL lists of 20; TRACE_ONLY=rest-story|
 * graphql-story|rest-list|graphql-list runs one, TRACE_READS=N times (600), TRACE_FULL=1 prints whole statements. DATABASE_URI may be PostgreSQL too.
 */
import { readFileSync } from 'node:fs'

import { statements } from './statement-trace'

setInterval(() => undefined, 1000)
const which = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : 'suite'
const { default: config } = which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')
const { getPayload } = await import('payload')
const { GRAPHQL_POST, REST_GET } = await import('@payloadcms/next/routes')
await getPayload({ config })
const rest = REST_GET(config)
const graphql = GRAPHQL_POST(config)
const seed = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { slugs: string[] }
const REST_SELECT =
  which === 'suite'
    ? ['title', 'slug', 'publishedAt', 'datelineText', 'bylineText', 'html', 'section', 'region', 'credits', 'heroImage']
    : ['title', 'slug', 'publishedAt', 'body', 'section', 'region', 'heroImage']
const GQL =
  which === 'suite'
    ? 'id title slug publishedAt datelineText bylineText html section { name slug } region { name shortName } credits { role author { name } } heroImage { url alt width height }'
    : 'id title slug publishedAt body section { name slug } region { name shortName } heroImage { url alt width height }'
const restStory = async (slug: string) => {
  const url = new URL(
    `http://x/api/articles?where[slug][equals]=${slug}&limit=1&depth=1&${REST_SELECT.map((f) => `select[${f}]=true`).join('&')}`,
  )
  const r = await rest(new Request(url), { params: Promise.resolve({ slug: ['articles'] }) })
  return r.text()
}
const gqlStory = async (slug: string) => {
  const body = JSON.stringify({
    query: `query Story($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { ${GQL} } } }`,
    variables: { slug },
  })
  const r = await graphql(new Request('http://x/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
  return r.text()
}
const restList = async () => {
  const url = new URL(`http://x/api/articles?limit=20&depth=1&sort=-publishedAt&${REST_SELECT.map((f) => `select[${f}]=true`).join('&')}`)
  const r = await rest(new Request(url), { params: Promise.resolve({ slug: ['articles'] }) })
  return r.text()
}
/** `read_ratio`'s own test: the GraphQL list of 20, latest first. */
const gqlList = async () => {
  const body = JSON.stringify({ query: `query { Articles(limit: 20, sort: "-publishedAt") { totalDocs docs { ${GQL} } } }` })
  const r = await graphql(new Request('http://x/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
  return r.text()
}
/** The timed reads, a named function so that profile-by-package.ts can cut a CPU profile to them (`--window timedReads`). */
async function timedReads(fn: (slug: string) => Promise<string>, n: number) {
  let bytes = 0
  for (let i = 0; i < n; i++) bytes += (await fn(seed.slugs[i % seed.slugs.length]!)).length
  return bytes
}
const only = process.env.TRACE_ONLY
for (const [name, fn] of [
  ['rest-story', restStory],
  ['graphql-story', gqlStory],
  ['rest-list', restList],
  ['graphql-list', gqlList],
] as const) {
  if (only && only !== name) continue
  for (let i = 0; i < 300; i++) await fn(seed.slugs[i % seed.slugs.length]!)
  const n = Number(process.env.TRACE_READS ?? 600)
  statements.take()
  const t = performance.now()
  const bytes = await timedReads(fn, n)
  const ms = (performance.now() - t) / n
  const log = statements.take()
  const sqlMs = log.reduce((s, e) => s + e.ms, 0) / n
  console.log(
    `${which} ${name}: ${ms.toFixed(2)} ms/request, ${(log.length / n).toFixed(1)} statements, ${sqlMs.toFixed(2)} ms in the database, ${Math.round(bytes / n)} bytes`,
  )
  const seen = new Map<string, [number, number]>()
  for (const e of log) {
    const v = seen.get(e.sql) ?? [0, 0]
    v[0]++
    v[1] += e.ms
    seen.set(e.sql, v)
  }
  for (const [sql, [c, m]] of [...seen].sort((a, b) => b[1][1] - a[1][1]).slice(0, 6))
    console.log(`   ${(c / n).toFixed(1)}× ${(m / n).toFixed(3)} ms  ${process.env.TRACE_FULL ? sql : sql.slice(0, 300)}`)
}
process.exit(0)
