/**
 * The reader site's story page beside the GraphQL story read it is built on, side by side in one run, on the
 * production server (`dist/server.mjs`, Express + the Next build) with the demo desk on a fresh SQLite file:
 *
 *   page      GET /news/<slug>                        (Next render; GraphQL answer from the data cache)
 *   graphql   POST /api/graphql  Story(slug) { … }    (the same fields the page asks for, uncached)
 *
 * autocannon at concurrency 1 and 32; requests/s and p95 latency each. Builds the admin and the server bundle
 * first when they are missing or stale (scripts/ensure-build.mjs, as `npm start` does). Prints a table and writes
 * tests/bench/results/reader-site.json; nothing asserts a timing.
 *
 *   npx tsx tests/bench/reader-site.ts [--quick]
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'

import { ensureBuild } from '../../scripts/ensure-build.mjs'
import { lexicalBuild } from '../../scripts/lexical-build.mjs'
import { STORY_QUERY } from '../../src/site/queries'
import { publicOriginEnv } from '../support/free-port'
import { repoRoot, resultsDir, round, summarise } from './support'

const quick = process.argv.includes('--quick')
const SECONDS = quick ? 3 : 10
const CONCURRENCY = [1, 32]

async function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const origin = await publicOriginEnv()
  const child = spawn(process.execPath, ['--no-deprecation', lexicalBuild('production'), path.join(repoRoot, 'dist/server.mjs')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...origin,
      NEWSROOM_DATA_DIR: dataDir,
      DATABASE_URI: '',
      PAYLOAD_SECRET: 'bench',
      NEWSROOM_JOBS_INTERVAL_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/localhost:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)))
  })
  return { url, stop: () => new Promise((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) }
}

async function load(url: string, request: { method: 'GET' | 'POST'; path: string; body?: string }, connections: number) {
  const latencies: number[] = []
  let failures = 0
  const instance = autocannon({
    url,
    requests: [
      {
        method: request.method,
        path: request.path,
        ...(request.body ? { body: request.body, headers: { 'content-type': 'application/json' } } : {}),
      },
    ],
    connections,
    duration: SECONDS,
    timeout: 30,
  })
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    if (status >= 400) failures++
    latencies.push(responseTime)
  })
  await instance
  if (failures) throw new Error(`${request.path}: ${failures} error responses`)
  const s = summarise(latencies)
  return { requests_per_s: round(latencies.length / SECONDS, 1), p50_ms: s.median, p95_ms: s.p95 }
}

async function main() {
  // `npm run build` builds the admin only; the server bundle (dist/server.mjs) comes from ensureBuild, as for
  // `npm start`. Without it this stage failed in the full runs of 2026-12-07 14:24 and 17:16 (MODULE_NOT_FOUND).
  await ensureBuild()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-site-'))
  const server = await startServer(dataDir)
  try {
    const answer = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Stories(limit: 1) { docs { slug } } }' }),
    })
    const slug = ((await answer.json()) as { data: { Stories: { docs: { slug: string }[] } } }).data.Stories.docs[0]!.slug
    const scenarios = {
      page: { method: 'GET' as const, path: `/news/${slug}` },
      graphql: { method: 'POST' as const, path: '/api/graphql', body: JSON.stringify({ query: STORY_QUERY, variables: { slug } }) },
    }
    const figures: Record<string, unknown> = {}
    for (const request of Object.values(scenarios)) await load(server.url, request, 4) // warm-up, not recorded
    for (const c of CONCURRENCY)
      for (const [name, request] of Object.entries(scenarios)) figures[`${name}_c${c}`] = await load(server.url, request, c)
    const report = {
      when: new Date().toISOString(),
      seconds_per_load: SECONDS,
      load_average: loadavg().map((x) => round(x, 2)),
      story_page_rps_c32: (figures.page_c32 as { requests_per_s: number }).requests_per_s,
      story_page_p95_ms_c32: (figures.page_c32 as { p95_ms: number }).p95_ms,
      graphql_story_rps_c32: (figures.graphql_c32 as { requests_per_s: number }).requests_per_s,
      graphql_story_p95_ms_c32: (figures.graphql_c32 as { p95_ms: number }).p95_ms,
      ...figures,
    }
    console.table(Object.fromEntries(Object.entries(figures)))
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(path.join(resultsDir, 'reader-site.json'), `${JSON.stringify(report, null, 2)}\n`)
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
