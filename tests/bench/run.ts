/**
 * `npm run bench` — the suite against vanilla Payload, side by side in one run, and the suite's own figures.
 *   npm run bench                full run: 10,000 seeded articles, 20 s per side and load test in 10 alternating
 *                                slices of 2 s after one of warm-up, saves in 6 processes each running both sides
 *                                in turns, and the import at 500 stories and again at an archive's scale (5,000,
 *                                beside the seeder)
 *   npm run bench -- --quick     short run (about 3 min on a quiet host): 1,000 articles, only the read tests a key is
 *                                made of (the GraphQL list at 32 in 10 slices of 0.5 s, the stories in 4, each after
 *                                one of warm-up), saves in 2 processes running both sides in turns (no save-by-layer
 *                                table), the import stage as in the full run, lint; no delivery
 *   npm run bench -- --profile   also write CPU profiles of the write and import children to results/
 *   npm run bench -- --articles N   seed N articles instead (to try one mode at the other's archive size)
 *   npm run bench -- --db postgres   read, write, import and delivery on PostgreSQL (BENCH_POSTGRES_URL, default
 *                                the local server): results/latest-postgres.json, and its pg_* keys in latest.json
 * Every part runs in child processes (seed, servers, write path, import, lint, delivery); this script only
 * drives load (autocannon), samples memory and collects figures into tests/bench/results/latest.json and
 * tests/bench/results/latest.svg. Benchmarks print figures; they never assert.
 */
import autocannon from 'autocannon'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'

import type { SeedResult } from './seed'
import type { WriteOperation } from './write'
import { publicOriginEnv } from '../support/free-port'
import { benchDatabases, type BenchDatabaseKind } from './databases'
import {
  BENCH_LAYERS,
  BOOT_TIMEOUT_S,
  type BenchChildOptions,
  LEXICAL_BUILD,
  payloadEnv,
  repoRoot,
  resultLine,
  resultsDir,
  round,
  runBenchChild,
  saveMs,
  type PairedSaveLayer,
  summarise,
} from './support'
import { ensureBuild, serverBundle } from '../../scripts/ensure-build.mjs'
import { runLayerBesideSuite } from './layer-beside-suite'
import { renderPlot } from './plot'

const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const profile = argv.includes('--profile')
const dbArg =
  argv.find((a) => a.startsWith('--db='))?.slice('--db='.length) ?? (argv.includes('--db') ? argv[argv.indexOf('--db') + 1] : 'sqlite')
if (dbArg !== 'sqlite' && dbArg !== 'postgres') throw new Error(`--db ${dbArg}: sqlite or postgres`)
const dbKind: BenchDatabaseKind = dbArg
const onPostgres = dbKind === 'postgres'
/**
 * Read load tests alternate the sides in short slices (the order rotating each slice), so that a machine whose
 * speed drifts during a run — these do, by tens of percent within a minute — slows every side alike. Long
 * rounds (two of 10 s each, before 2026-12-06) let one side take a slow patch alone: the quick run's read ratios
 * then missed the full run's by up to 41 %. The quick run keeps the full run's import size (500 stories: with
 * 200 its raw-create side ran cold, −29 % on import_ratio) and its two alternating write rounds.
 */
const planned = quick
  ? {
      articles: 1000,
      sliceSeconds: 0.5,
      slices: 5,
      /**
       * Slices of `read_ratio`'s own test (the GraphQL list at concurrency 32), warm-up included. Four counted
       * half-second slices, about 40 requests each, gave 0.92, 1.12 and 0.78 in three quick runs against 0.99 in
       * the full run beside them (2026-12-07 17:42–17:57); with ten, −12 % and −11 % of it (18:32, 18:35).
       */
      listSlices: 11,
      /**
       * Only the tests a headline key is made of: the list at concurrency 32 and the single story. The REST list
       * and the list at concurrency 1 feed no key, and their time goes to the list's own slices instead.
       */
      keyTestsOnly: true,
      /** Slices at the start that are warm-up, not counted. */
      warmSlices: 1,
      warmSeconds: 1,
      writeRounds: 2,
      writeIterations: 32,
      importFiles: 500,
      /** The archive-scale import (seeder against import at a size where V8's warm-up no longer counts): full runs only. */
      archiveFiles: 0,
      childTimeoutS: 300,
    }
  : {
      articles: 10_000,
      sliceSeconds: 2,
      slices: 11,
      listSlices: 11,
      keyTestsOnly: false,
      warmSlices: 1,
      warmSeconds: 2,
      // Six processes, each running both sides in turns: a process's speed moves a save's median by up to a third
      // (2026-12-07: the suite 43 then 59 ms on the same file); paired in one process, the ratio moved by ±4 %.
      writeRounds: 6,
      writeIterations: 150,
      importFiles: 500,
      archiveFiles: 5000,
      childTimeoutS: 900,
    }
/** `--articles N`: the seeded archive's size, for trying one mode at the other's size. */
const articlesArg = argv.includes('--articles') ? Number(argv[argv.indexOf('--articles') + 1]) : null
if (articlesArg !== null && !(articlesArg > 0)) throw new Error('--articles: a number of articles')
const plan = { ...planned, articles: articlesArg ?? planned.articles }
/** Seconds of load per test on the production server (one side only, nothing to alternate with). */
const serverLoadSeconds = 10
const CONCURRENCY = [1, 32] as const
/** Rounds of the import stage (seeder, import and raw create taking turns). */
const IMPORT_ROUNDS = 2
const started = Date.now()
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`)

const work = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-'))
const databases = benchDatabases(dbKind, work)
mkdirSync(resultsDir, { recursive: true })
const notes: string[] = []

// ── child processes ────────────────────────────────────────────────────────────────────────────────────────
/** A benchmark child (support.runBenchChild), killed after the plan's limit unless told otherwise; a stall noted. */
const runNode = (script: string, args: string[], env: Record<string, string>, options: BenchChildOptions = {}) =>
  runBenchChild(script, args, env, {
    timeoutS: plan.childTimeoutS,
    ...options,
    onStall: (attempt) => {
      log(`${script} ${args[0] ?? ''} stalled while booting; retrying (${attempt}/2)`)
      notes.push(`${script} ${args[0] ?? ''} stalled while booting and was restarted.`)
    },
  })

interface Server {
  url: string
  pid: number
  child: ChildProcess
  output: () => string
  stop(): Promise<void>
}

async function startServerOnce(name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<Server> {
  // A .mjs entry (the compiled server) runs as is; TypeScript entries go through tsx.
  const entry = script.endsWith('.mjs') ? [script] : ['--import', 'tsx', script]
  const child = spawn(process.execPath, ['--no-deprecation', ...LEXICAL_BUILD, ...entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env, ...(await publicOriginEnv()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not start in ${BOOT_TIMEOUT_S} s:\n${output.slice(-3000)}`))
    }, BOOT_TIMEOUT_S * 1000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolve({
          url: match[1]!.replace('localhost', '127.0.0.1'),
          pid: child.pid!,
          child,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGTERM')
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
            }),
        })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
}

async function startServer(name: string, script: string, env: Record<string, string>, ready: RegExp): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(name, script, env, ready)
    } catch (error) {
      if (attempt >= 3) throw error
      log(`${name} did not come up; retrying (${attempt}/2)`)
      notes.push(`${name} did not come up on attempt ${attempt} and was restarted.`)
    }
  }
}

// ── memory ─────────────────────────────────────────────────────────────────────────────────────────────────
function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function rssSampler(pid: number) {
  let peakKb = 0
  const timer = setInterval(() => (peakKb = Math.max(peakKb, procStatusKb(pid, 'VmRSS'))), 100)
  return {
    stop: () => {
      clearInterval(timer)
      return { polledPeakMb: round(peakKb / 1024, 1), vmHwmMb: round(procStatusKb(pid, 'VmHWM') / 1024, 1) }
    },
  }
}

// ── read load ──────────────────────────────────────────────────────────────────────────────────────────────
type Flavour = 'suite' | 'vanilla'
type ScenarioId = 'graphql-list' | 'graphql-story' | 'rest-list' | 'rest-story'

const GQL_FIELDS: Record<Flavour, string> = {
  suite:
    'id title slug publishedAt datelineText bylineText html section { name slug } region { name shortName } credits { role author { name } } heroImage { url alt width height }',
  // No house-style plugin: no html, no dateline/byline text, no credits. The list asks for the Lexical body instead.
  vanilla: 'id title slug publishedAt body section { name slug } region { name shortName } heroImage { url alt width height }',
}
const REST_SELECT: Record<Flavour, string[]> = {
  suite: ['title', 'slug', 'publishedAt', 'datelineText', 'bylineText', 'html', 'section', 'region', 'credits', 'heroImage'],
  vanilla: ['title', 'slug', 'publishedAt', 'body', 'section', 'region', 'heroImage'],
}
const selectQuery = (flavour: Flavour) => REST_SELECT[flavour].map((f) => `select[${f}]=true`).join('&')

function scenarioRequest(id: ScenarioId, flavour: Flavour, slugs: string[]): autocannon.Options['requests'] {
  let n = 0
  const nextSlug = () => slugs[n++ % slugs.length]!
  const listQuery = `query { Articles(limit: 20, sort: "-publishedAt") { totalDocs docs { ${GQL_FIELDS[flavour]} } } }`
  const storyQuery = `query Story($slug: String!) { Articles(where: { slug: { equals: $slug } }, limit: 1) { docs { ${GQL_FIELDS[flavour]} } } }`
  const json = { 'content-type': 'application/json' }
  switch (id) {
    case 'graphql-list':
      return [{ method: 'POST', path: '/api/graphql', headers: json, body: JSON.stringify({ query: listQuery }) }]
    case 'graphql-story':
      return [
        {
          method: 'POST',
          path: '/api/graphql',
          headers: json,
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: storyQuery, variables: { slug: nextSlug() } }) }),
        },
      ]
    case 'rest-list':
      return [{ method: 'GET', path: `/api/articles?limit=20&depth=1&sort=-publishedAt&${selectQuery(flavour)}` }]
    case 'rest-story':
      return [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/articles?where[slug][equals]=${nextSlug()}&limit=1&depth=1&${selectQuery(flavour)}`,
          }),
        },
      ]
  }
}

interface LoadFigures {
  requestsPerSecond: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  requests: number
  non2xx: number
  errors: number
  bytesPerResponse: number
}

/** How long a load test runs: for some seconds, or until a number of responses have come back. */
type LoadLength = { seconds: number } | { amount: number }

async function load(
  url: string,
  requests: autocannon.Options['requests'],
  connections: number,
  length: LoadLength | number,
): Promise<LoadFigures> {
  const run = typeof length === 'number' ? { seconds: length } : length
  const latencies: number[] = []
  let bytes = 0
  // autocannon looks at its stop time only when it takes a sample (every second by default): a half-second slice
  // would run a whole second. Sample as often as the slice is long, and count over the time it really ran.
  // By amount, autocannon stops once that many responses are in (nothing in flight is lost), and the time that
  // counts is up to the last of them: it notices it is done only at its next sample.
  const instance =
    'amount' in run
      ? autocannon({ url, connections, amount: run.amount, sampleInt: 50, requests, timeout: 30 })
      : autocannon({ url, connections, duration: run.seconds, sampleInt: Math.min(1000, run.seconds * 1000), requests, timeout: 30 })
  const began = performance.now()
  let lastResponse = began
  instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime)
    bytes += resBytes
    lastResponse = performance.now()
  })
  const result = await instance
  const ranSeconds = ('amount' in run ? lastResponse - began : performance.now() - began) / 1000
  const s = summarise(latencies)
  return {
    requestsPerSecond: round(latencies.length / ranSeconds, 1),
    p50Ms: s.median,
    p95Ms: s.p95,
    p99Ms: round([...latencies].sort((a, b) => a - b)[Math.max(0, Math.ceil(latencies.length * 0.99) - 1)] ?? NaN),
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: Math.round(bytes / Math.max(1, latencies.length)),
  }
}

/** One sanity request per scenario: both flavours must answer 200 with the documents asked for. */
async function checkScenario(url: string, requests: autocannon.Options['requests'], name: string) {
  const r = requests![0]!
  const base = { method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body } as {
    method: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }
  const req = r.setupRequest ? (r.setupRequest(base, {}) as typeof base) : base
  const response = await fetch(url + req.path, { method: req.method, headers: req.headers, body: req.body as string | undefined })
  const text = await response.text()
  const docs = /"docs":\[(.)/.test(text)
  if (response.status !== 200 || !docs || text.includes('"errors"')) throw new Error(`${name}: ${response.status} ${text.slice(0, 400)}`)
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  log(`${quick ? 'quick' : 'full'} run on ${dbKind} in ${work}; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB`)
  // The full run measures the production server as `npm start` runs it: the admin build and the compiled server
  // bundle, built here when missing or stale (`npm run build` makes the admin only; until 2026-12-07 the read stage
  // then fell back to src/server.ts through tsx and the reader-site stage failed).
  if (!quick) await ensureBuild()
  const report: Record<string, unknown> = {
    mode: quick ? 'quick' : 'full',
    databaseKind: dbKind,
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: loadavg().map((x) => round(x, 2)),
    },
    plan,
    database: databases.label,
  }

  // 1. Seed.
  const dataDir = path.join(work, 'data')
  const db = await databases.create('seed')
  const seeded = await runNode('tests/bench/seed.ts', [String(plan.articles)], payloadEnv(db, dataDir), { bootWatch: true })
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.output.slice(-4000)}`)
  const seed = resultLine<SeedResult & { setupSeconds: number }>(seeded.output)
  const seedFile = path.join(work, 'seed.json')
  writeFileSync(seedFile, JSON.stringify(seed))
  log(`seeded ${seed.articles} articles (${seed.published} published) in ${seed.seconds} s (${seed.articlesPerSecond}/s)`)
  report.seed = {
    articles: seed.articles,
    published: seed.published,
    insertSeconds: seed.seconds,
    articlesPerSecond: seed.articlesPerSecond,
    setupSeconds: seed.setupSeconds,
  }

  // 2. Read path: the same harness (api-server.ts) for both, separate processes, alternating runs.
  Object.assign(
    report,
    await stage('read', () => readBenchmark(db, dataDir, seed), { read_ratio: null, story_read_ratio: null, server_peak_rss_mb: null }),
  )
  // 3. Write path.
  Object.assign(report, await stage('write', () => writeBenchmark(db, dataDir, seedFile), { save_ratio: null, admin_save_ratio: null }))
  // 4. Import.
  Object.assign(
    report,
    await stage('import', () => importBenchmark(), {
      import_articles_per_s: null,
      import_ratio: null,
      bulk_import_articles_per_s: null,
      bulk_import_ratio: null,
      bulk_import_ratio_to_seeder_with_versions: null,
    }),
  )
  if (plan.archiveFiles)
    Object.assign(
      report,
      await stage('archive import', () => archiveImportBenchmark(), { archive_import_articles_per_s: null, archive_import_ratio: null }),
    )

  // 5. Other helpers' benchmarks: lint + render, delivery, the reader site, the desk, the scaling curve. On
  // PostgreSQL only delivery touches the database in a way worth repeating; the others are SQLite figures.
  if (onPostgres) {
    const deliveryDb = await databases.create('delivery')
    Object.assign(
      report,
      await externalBenchmark('delivery', 'tests/bench/delivery.ts', 'delivery-postgres.json', ['publish_to_delivered_p95_ms'], undefined, {
        BENCH_DATABASE_URI: deliveryDb,
      }),
    )
  } else {
    Object.assign(report, await externalBenchmark('lint', 'tests/bench/lint.ts', 'lint.json', ['lint_ms_20k', 'lint_vs_zhlint']))
    // Delivery has no ratio key, and a quick run's 13 s of it gave a p95 of 417 ms against the full run's 69: full runs only.
    if (!quick) {
      Object.assign(
        report,
        await externalBenchmark('delivery', 'tests/bench/delivery.ts', 'delivery.json', ['publish_to_delivered_p95_ms']),
      )
    } else {
      notes.push('--quick: delivery is not measured (publish_to_delivered_p95_ms comes from the full run only).')
    }
  }
  // The reader site, the desk in a browser and the scaling curve have no vanilla side and take minutes: full
  // runs only (each runs on its own too: node --import tsx tests/bench/<name>.ts [--quick]).
  if (!onPostgres && !quick) {
    Object.assign(
      report,
      await externalBenchmark('reader-site', 'tests/bench/reader-site.ts', 'reader-site.json', [
        'story_page_rps_c32',
        'story_page_p95_ms_c32',
        'graphql_story_rps_c32',
        'graphql_story_p95_ms_c32',
      ]),
    )
    Object.assign(report, await externalBenchmark('desk', 'tests/bench/desk.ts', 'desk.json', ['desk_action_p95_ms']))
    // 6. The scaling curve (1k → 10k → 100k stories) and the anonymous read cache under load: tests/bench/scaling.ts.
    Object.assign(
      report,
      await externalBenchmark('scaling', 'tests/bench/scaling.ts', 'scaling.json', ['list_slowdown_100k', 'cached_list_rps'], 3600),
    )
  }

  report.notes = notes
  ;(report.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map((x) => round(x, 2))
  report.elapsed_s = Math.round((Date.now() - started) / 1000)
  await databases.close()
  if (onPostgres) return writePostgresReport(report)
  // The PostgreSQL figures come from the last `--db postgres` run (results/latest-postgres.json), named by its date.
  const postgres = readJson(path.join(resultsDir, 'latest-postgres.json'))
  const headline = {
    read_ratio: report.read_ratio,
    story_read_ratio: report.story_read_ratio ?? null,
    save_ratio: report.save_ratio,
    admin_save_ratio: report.admin_save_ratio ?? null,
    lint_ms_20k: report.lint_ms_20k ?? null,
    lint_vs_zhlint: report.lint_vs_zhlint ?? null,
    publish_to_delivered_p95_ms: report.publish_to_delivered_p95_ms ?? null,
    import_articles_per_s: report.import_articles_per_s,
    import_ratio: report.import_ratio,
    bulk_import_articles_per_s: report.bulk_import_articles_per_s ?? null,
    bulk_import_ratio: report.bulk_import_ratio ?? null,
    bulk_import_ratio_to_seeder_with_versions: report.bulk_import_ratio_to_seeder_with_versions ?? null,
    archive_import_articles_per_s: report.archive_import_articles_per_s ?? null,
    archive_import_ratio: report.archive_import_ratio ?? null,
    server_peak_rss_mb: report.server_peak_rss_mb,
    list_slowdown_100k: report.list_slowdown_100k ?? null,
    cached_list_rps: report.cached_list_rps ?? null,
    ...postgresKeys(postgres),
  }
  const out = { ...headline, ...report }
  writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n')
  writeFileSync(path.join(resultsDir, 'latest.svg'), renderPlot(out))
  log(`wrote tests/bench/results/latest.json and latest.svg in ${report.elapsed_s} s`)
  console.log(JSON.stringify(headline, null, 2))
  for (const note of notes) console.log(`note: ${note}`)
  rmSync(work, { recursive: true, force: true })
}

const readJson = (file: string): Record<string, unknown> | null => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null)

/** The pg_* keys latest.json carries, from a `--db postgres` report. */
function postgresKeys(postgres: Record<string, unknown> | null) {
  return {
    pg_read_ratio: postgres?.read_ratio ?? null,
    pg_story_read_ratio: postgres?.story_read_ratio ?? null,
    pg_save_ratio: postgres?.save_ratio ?? null,
    pg_admin_save_ratio: postgres?.admin_save_ratio ?? null,
    pg_import_articles_per_s: postgres?.import_articles_per_s ?? null,
    pg_bulk_import_ratio: postgres?.bulk_import_ratio ?? null,
    pg_archive_import_articles_per_s: postgres?.archive_import_articles_per_s ?? null,
    pg_archive_import_ratio: postgres?.archive_import_ratio ?? null,
    pg_publish_to_delivered_p95_ms: postgres?.publish_to_delivered_p95_ms ?? null,
    pg_date: postgres?.date ?? null,
    pg_mode: postgres?.mode ?? null,
  }
}

/** A `--db postgres` run: its own report, and its pg_* keys written into latest.json beside the SQLite figures. */
function writePostgresReport(report: Record<string, unknown>) {
  writeFileSync(path.join(resultsDir, 'latest-postgres.json'), JSON.stringify(report, null, 2) + '\n')
  const keys = postgresKeys(report)
  const latestFile = path.join(resultsDir, 'latest.json')
  const latest = readJson(latestFile)
  if (latest) writeFileSync(latestFile, JSON.stringify({ ...latest, ...keys }, null, 2) + '\n')
  log(`wrote tests/bench/results/latest-postgres.json${latest ? ' and its pg_* keys in latest.json' : ''} in ${report.elapsed_s} s`)
  console.log(JSON.stringify(keys, null, 2))
  for (const note of notes) console.log(`note: ${note}`)
  rmSync(work, { recursive: true, force: true })
}

/**
 * Three servers on the same rows: the suite and vanilla on Payload's own route handlers (what a read costs to
 * build), and the suite as `npm start` serves it (`served`: its read cache in front, BENCH_READ_CACHE=on).
 */
type Side = 'suite' | 'served' | 'vanilla'
const SIDES: Side[] = ['suite', 'served', 'vanilla']
const flavourOf = (side: Side): Flavour => (side === 'vanilla' ? 'vanilla' : 'suite')

async function readBenchmark(db: string, dataDir: string, seed: SeedResult) {
  const env = (side: Side) => ({
    ...payloadEnv(db, dataDir),
    BENCH_CONFIG: flavourOf(side),
    ...(side === 'served' ? { BENCH_READ_CACHE: 'on' } : {}),
  })
  // Booted side by side (each waits on module loading and migrations, not on the other).
  const booting = SIDES.map((side) =>
    startServer(`${side} api server`, 'tests/bench/api-server.ts', env(side), /listening at (http:\/\/\S+)/),
  )
  const booted = await Promise.allSettled(booting)
  const failed = booted.find((b): b is PromiseRejectedResult => b.status === 'rejected')
  if (failed) {
    for (const b of booted) if (b.status === 'fulfilled') await b.value.stop()
    throw failed.reason
  }
  const servers = Object.fromEntries(SIDES.map((side, i) => [side, (booted[i] as PromiseFulfilledResult<Server>).value])) as Record<
    Side,
    Server
  >
  const memory = rssSampler(servers.suite.pid)
  const scenarios: ScenarioId[] = plan.keyTestsOnly
    ? ['graphql-list', 'graphql-story', 'rest-story']
    : ['graphql-list', 'graphql-story', 'rest-list', 'rest-story']
  const runs: Record<string, Record<string, Record<Side, LoadFigures[]>>> = {}
  let harnessMemory: ReturnType<ReturnType<typeof rssSampler>['stop']>
  try {
    for (const id of scenarios) {
      for (const side of SIDES) {
        const requests = scenarioRequest(id, flavourOf(side), seed.slugs)
        await checkScenario(servers[side].url, requests, `${side} ${id}`)
        await load(servers[side].url, requests, 8, plan.warmSeconds)
      }
      runs[id] = {}
      for (const c of CONCURRENCY) {
        // read_ratio's test is the GraphQL list at concurrency 32; the list at 1 feeds no key.
        const listTest = id === 'graphql-list'
        if (listTest && c === 1 && plan.keyTestsOnly) continue
        const slices = listTest && c > 1 ? plan.listSlices : plan.slices
        const all: Record<Side, LoadFigures[]> = { suite: [], served: [], vanilla: [] }
        // The first round of slices is warm-up, not counted: in three quick runs a side's first half-second at the
        // test's concurrency ran up to a quarter slower than its others. A slice that stops on time drops the
        // requests still in flight (at concurrency 32 on a server doing 15 a second, about 2 s of work) and counts
        // the time they took: the quick run's list ratio came out anywhere from 0.80 to 1.56. So after the warm-up
        // round every slice, in both modes, runs until a number of responses are in — what the side's previous
        // slice did in the slice's time, at least one per connection — and counts whole requests, however slow
        // the machine. (Until 2026-12-07 the full run's slices stopped on time: the two modes measured differently.)
        const lastRate: Partial<Record<Side, number>> = {}
        const lengthFor = (side: Side): LoadLength =>
          lastRate[side] ? { amount: Math.max(c, Math.round(plan.sliceSeconds * lastRate[side]!)) } : { seconds: plan.sliceSeconds }
        for (let slice = 0; slice < slices; slice++) {
          // Rotate who goes first, so drift on a noisy machine does not favour one side.
          const order = SIDES.map((_, i) => SIDES[(i + slice) % SIDES.length]!)
          for (const side of order) {
            const figures = await load(servers[side].url, scenarioRequest(id, flavourOf(side), seed.slugs), c, lengthFor(side))
            lastRate[side] = figures.requestsPerSecond
            if (slice >= plan.warmSlices) all[side].push(figures)
          }
        }
        runs[id]![`c${c}`] = all
        const rps = (side: Side) => mean(all[side].map((x) => x.requestsPerSecond))
        log(
          `read ${id} c=${c}: suite ${rps('suite').toFixed(0)} req/s, served (read cache) ${rps('served').toFixed(0)} req/s, vanilla ${rps('vanilla').toFixed(0)} req/s (ratios ${(rps('suite') / rps('vanilla')).toFixed(2)}, ${(rps('served') / rps('vanilla')).toFixed(2)})`,
        )
      }
    }
  } finally {
    harnessMemory = memory.stop()
    for (const server of Object.values(servers)) await server.stop()
  }

  const summary: Record<string, unknown> = {}
  const ratios: Record<string, number> = {}
  const servedRatios: Record<string, number> = {}
  for (const [id, byC] of Object.entries(runs)) {
    for (const [c, all] of Object.entries(byC)) {
      const key = `${id}_${c}`
      const figures = (xs: LoadFigures[]) => ({
        requestsPerSecond: round(mean(xs.map((x) => x.requestsPerSecond)), 1),
        p95Ms: round(mean(xs.map((x) => x.p95Ms)), 2),
        p50Ms: round(mean(xs.map((x) => x.p50Ms)), 2),
        bytesPerResponse: xs[0]?.bytesPerResponse,
        non2xx: xs.reduce((s, x) => s + x.non2xx, 0),
        errors: xs.reduce((s, x) => s + x.errors, 0),
        runs: xs,
      })
      summary[key] = { suite: figures(all.suite), served: figures(all.served), vanilla: figures(all.vanilla) }
      const rps = (side: Side) => mean(all[side].map((x) => x.requestsPerSecond))
      ratios[key] = round(rps('suite') / rps('vanilla'))
      servedRatios[key] = round(rps('served') / rps('vanilla'))
    }
  }
  // A story read, the frontend's hot path: the worst of GraphQL and REST at concurrency 1 and 32.
  const storyKeys = Object.keys(ratios).filter((k) => k.includes('-story_'))
  const worst = (of: Record<string, number>) => round(Math.min(...storyKeys.map((k) => of[k]!)))

  // The production server (src/server.ts: Express + Next, as `npm start` runs it) on the same data: its
  // throughput on the list query and its peak RSS under that load.
  let nextServer: Record<string, unknown> | null = null
  let serverPeak = harnessMemory.polledPeakMb
  if (quick) {
    notes.push('--quick: the production server (dist/server.mjs) is not measured; server_peak_rss_mb is the API harness server.')
  } else {
    try {
      // What `npm start` runs: the compiled bundle, which main() has built (ensureBuild) with the admin.
      const server = await startServer(
        'src/server.ts',
        serverBundle,
        { ...payloadEnv(db, dataDir), NEWSROOM_JOBS_INTERVAL_MS: '60000' },
        /running at (http:\/\/\S+?)[\s(]/,
      )
      const sampler = rssSampler(server.pid)
      try {
        const figures: Record<string, LoadFigures> = {}
        for (const id of ['graphql-list', 'rest-list', 'graphql-story'] as const) {
          const requests = scenarioRequest(id, 'suite', seed.slugs)
          await checkScenario(server.url, requests, `src/server.ts ${id}`)
          await load(server.url, requests, 8, plan.warmSeconds)
          for (const c of CONCURRENCY) figures[`${id}_c${c}`] = await load(server.url, requests, c, serverLoadSeconds)
          log(
            `src/server.ts ${id}: c1 ${figures[`${id}_c1`]!.requestsPerSecond} req/s, c32 ${figures[`${id}_c32`]!.requestsPerSecond} req/s`,
          )
        }
        const mem = sampler.stop()
        nextServer = { figures, memory: mem }
        serverPeak = mem.polledPeakMb
      } finally {
        sampler.stop()
        await server.stop()
      }
    } catch (error) {
      notes.push(`src/server.ts (Next) could not be measured: ${String(error).slice(0, 300)}`)
    }
  }

  return {
    read_ratio: ratios['graphql-list_c32'],
    story_read_ratio: worst(servedRatios),
    story_read_ratio_uncached: worst(ratios),
    read_ratios: ratios,
    read_ratios_served: servedRatios,
    read: summary,
    read_next_server: nextServer,
    server_peak_rss_mb: serverPeak,
    memory: { harnessSuiteServer: harnessMemory, nextServer: nextServer?.memory ?? null },
    read_notes:
      "read_ratio = suite / vanilla requests per second, GraphQL list of 20 at concurrency 32, both on the same API harness (Payload's route handlers, every read built). story_read_ratio = the lowest of served / vanilla over GraphQL and REST single-story reads at c1 and c32, served being the suite with its read cache in front as `npm start` runs it (the 200 story slugs repeat, so after the first pass every read is a hit); story_read_ratio_uncached = the same with every read built (suite / vanilla). Vanilla has no house-style plugin, so it asks for the Lexical body instead of html and has no credits/dateline/byline.",
  }
}

/**
 * `rounds` processes of write.ts each running the suite and vanilla, taking turns cycle by cycle
 * (runLayerBesideSuite); every operation's samples of each side over all of them. One side per process put
 * save_ratio anywhere in 1.35-1.82 over full runs: a save's median moves by up to a third from one process to the
 * next, and the two sides never shared one.
 */
async function pairedSaves(name: string, rounds: number, db: string, dataDir: string, seedFile: string, env: Record<string, string> = {}) {
  const samples: Record<Flavour, Record<WriteOperation, number[]>> = {
    suite: { createDraft: [], updateDraft: [], autosave: [], publish: [] },
    vanilla: { createDraft: [], updateDraft: [], autosave: [], publish: [] },
  }
  for (let r = 0; r < rounds; r++) {
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=${name}-paired-${r}.cpuprofile`] : []
    const { suite, layer: vanilla } = await runLayerBesideSuite({
      layer: 'vanilla',
      name: `${name}-${r}`,
      cycles: Math.ceil(plan.writeIterations / plan.writeRounds),
      seedFile,
      dataDir,
      databases,
      db,
      env,
      run: (script, args, childEnv) => runNode(script, args, childEnv, { nodeArgs, bootWatch: true }),
    })
    for (const op of Object.keys(suite) as WriteOperation[]) {
      samples.suite[op].push(...suite[op])
      samples.vanilla[op].push(...vanilla[op])
    }
  }
  return samples
}

async function writeBenchmark(db: string, dataDir: string, seedFile: string) {
  const samples = await pairedSaves('write', plan.writeRounds, db, dataDir, seedFile)
  // The admin's own buttons ask for the saved story at depth 0; the processes above save at the Local API's
  // default (2), as an API client does. Two processes more at depth 0 for the admin's figure: full runs only.
  const adminSamples = quick ? null : await pairedSaves('write-admin', 2, db, dataDir, seedFile, { BENCH_SAVE_DEPTH: '0' })
  // Where the suite's extra time goes: vanilla, and vanilla with the suite added back a layer at a time
  // (vanilla.config.ts), each paired with the suite in one process as save_ratio is (write.ts BENCH_CONFIG=paired
  // with BENCH_LAYER), two rounds of a quarter of the side's cycles (38 in the full run), the order reversed in the
  // second. A layer's figure is its save over the suite's beside it, times the suite's mean over these processes:
  // alone in its process, a layer's save moved by up to a third from one process to the next (1.21–1.36 for the
  // suite over vanilla in full runs whose paired save_ratio was 1.73–1.76). Finer steps and what-ifs: `npm run
  // bench:save-layers`. Not for the quick run (no ratio key, and the time).
  const layerTimesSuite: Partial<Record<PairedSaveLayer, number[]>> = {}
  const suiteBeside: number[] = []
  const layerOrder: PairedSaveLayer[] = ['vanilla', ...BENCH_LAYERS]
  if (!quick) {
    for (let r = 0; r < 2; r++) {
      for (const layer of r === 0 ? layerOrder : [...layerOrder].reverse()) {
        const { suite, layer: layerSamples } = await runLayerBesideSuite({
          layer,
          name: `write-layer-${layer}-${r}`,
          cycles: Math.ceil(plan.writeIterations / 4),
          seedFile,
          dataDir,
          databases,
          db,
          run: (script, args, env) => runNode(script, args, env, { bootWatch: true }),
        })
        suiteBeside.push(saveMs(suite))
        ;(layerTimesSuite[layer] ??= []).push(saveMs(layerSamples) / saveMs(suite))
      }
    }
  }

  const ops = Object.keys(samples.suite) as WriteOperation[]
  const write: Record<string, unknown> = {}
  const ratios: Record<string, number> = {}
  for (const op of ops) {
    const s = summarise(samples.suite[op])
    const v = summarise(samples.vanilla[op])
    write[op] = { suite: s, vanilla: v }
    ratios[op] = round(s.median / v.median)
    log(`write ${op}: suite median ${s.median} ms p95 ${s.p95} ms, vanilla median ${v.median} ms p95 ${v.p95} ms (ratio ${ratios[op]})`)
  }
  // save_ratio: a draft save + an update + a publish, suite time over vanilla time (sum of medians).
  const sum = (flavour: Flavour) => saveMs(samples[flavour])
  const suiteMean = suiteBeside.reduce((t, x) => t + x, 0) / (suiteBeside.length || 1)
  /** A layer's save in ms: its ratio to the suite beside it (mean over rounds) times the suite's mean. */
  const layerMs = (layer: PairedSaveLayer) => {
    const ratios = layerTimesSuite[layer]!
    return round((ratios.reduce((t, x) => t + x, 0) / ratios.length) * suiteMean)
  }
  const saveLayers = !suiteBeside.length
    ? undefined
    : {
        vanilla: layerMs('vanilla'),
        '+ fields but credits (hooks off)': layerMs('fields-without-credits'),
        '+ credits (all fields, hooks off)': layerMs('fields'),
        '+ house-style hooks': layerMs('house-style'),
        '+ editorial workflow': layerMs('workflow'),
        '+ distribution = suite': round(suiteMean),
      }
  if (saveLayers)
    log(
      `save by layer (ms, draft + update + publish): ${Object.entries(saveLayers)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    )
  const adminSaveRatio = adminSamples ? round(saveMs(adminSamples.suite) / saveMs(adminSamples.vanilla)) : null
  if (adminSamples)
    log(
      `write at the admin's depth 0 (draft + update + publish medians): suite ${round(saveMs(adminSamples.suite))} ms, vanilla ${round(saveMs(adminSamples.vanilla))} ms (ratio ${adminSaveRatio})`,
    )
  return {
    save_ratio: round(sum('suite') / sum('vanilla')),
    admin_save_ratio: adminSaveRatio,
    save_ratios: ratios,
    save_layers_ms: saveLayers,
    write,
    write_notes:
      "Local API as an editor (user, access checked) on a copy of the seeded database. save_ratio = sum of medians of createDraft + updateDraft + publish, suite / vanilla, both sides in each process taking turns cycle by cycle (write.ts BENCH_CONFIG=paired, writeRounds processes), each save answered at the Local API's default depth (2). admin_save_ratio = the same in two more processes with every save answered at depth 0, as the admin's save, autosave and publish ask (full runs only). save_layers_ms: each layer paired with the suite in one process, two rounds; a layer = its save over the suite's beside it times the suite's mean over those processes.",
  }
}

/** What one run of an import-stage side prints (seed.ts and import.ts alike). */
type ImportRun = { articlesPerSecond: number; seconds: number; samples?: number[]; peakRssMb?: number; loadAverage?: number[] }
type ImportSide = 'seeder' | 'seederVersions' | 'import' | 'raw'

/**
 * One timed run of a side of the import stages, in a database and folder of its own: the seeder (`seed.ts COUNT`,
 * with `--versions` for `seederVersions`) or the importer (`import.ts import|raw DIR`). The folder goes afterwards;
 * the database stays until the run's end (a PostgreSQL one is dropped with the others).
 */
async function timedImportRun(
  name: string,
  side: ImportSide,
  count: number,
  storiesDir: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ImportRun> {
  const dir = path.join(work, name)
  mkdirSync(dir, { recursive: true })
  const db = await databases.create(name)
  const [script, args] =
    side === 'seeder' || side === 'seederVersions'
      ? ['tests/bench/seed.ts', [String(count), ...(side === 'seederVersions' ? ['--versions'] : [])]]
      : ['tests/bench/import.ts', [side, storiesDir]]
  const child = await runNode(script, args, { ...payloadEnv(db, dir), ...env }, { nodeArgs, bootWatch: true })
  if (child.code !== 0) throw new Error(`${name} (${script}) failed:\n${child.output.slice(-4000)}`)
  rmSync(dir, { recursive: true, force: true })
  return resultLine<ImportRun>(child.output)
}

/** A side's rate over its runs together: all its stories over all its seconds. */
const rateOver = (runs: ImportRun[], count: number) => round((runs.length * count) / runs.reduce((t, x) => t + x.seconds, 0), 1)

async function importBenchmark() {
  const dir = path.join(work, 'stories')
  const files = await runNode('tests/bench/import.ts', ['files', dir, String(plan.importFiles)], {})
  if (files.code !== 0) throw new Error(`story files failed:\n${files.output.slice(-3000)}`)
  // The seeder at the same moment, for the same number of stories: what writing stories that are already
  // checked costs on this machine now (the bulk import's yardstick, bulk_import_ratio). The seeder, the import and
  // the raw create take turns over two rounds, the order reversed in the second (ABC CBA): one run of each is
  // 2–6 s, and in single runs a slow patch of the machine moved import_ratio by 30 % between two quick runs.
  // The seeder writes a story's rows alone; `seederVersions` also the version row each story has once saved, as
  // the import writes it (the import writes a history row too): the same seeder, nearer the import's rows.
  const timed: Record<ImportSide, ImportRun[]> = { seeder: [], seederVersions: [], import: [], raw: [] }
  const stages: ImportSide[] = ['seeder', 'seederVersions', 'import', 'raw']
  for (let r = 0; r < IMPORT_ROUNDS; r++) {
    for (const stage of r % 2 === 0 ? stages : [...stages].reverse()) {
      const seeding = stage === 'seeder' || stage === 'seederVersions'
      const nodeArgs =
        profile && r === 0 && !seeding ? ['--cpu-prof', `--cpu-prof-dir=${resultsDir}`, `--cpu-prof-name=import-${stage}.cpuprofile`] : []
      const result = await timedImportRun(`import-${stage}-${r}`, stage, plan.importFiles, dir, {}, nodeArgs)
      timed[stage].push(result)
      log(
        seeding
          ? `import: ${stage} ${result.articlesPerSecond} articles/s (${plan.importFiles} articles, round ${r + 1})`
          : `import ${stage}: ${result.articlesPerSecond} articles/s (${plan.importFiles} stories in ${result.seconds} s, peak RSS ${result.peakRssMb} MB, load average ${result.loadAverage?.join(' ')}, round ${r + 1})`,
      )
    }
  }
  // Each side's rate over its rounds together: all its stories over all its seconds.
  const together = (runs: ImportRun[]): ImportRun => ({
    articlesPerSecond: rateOver(runs, plan.importFiles),
    seconds: round(runs.reduce((t, x) => t + x.seconds, 0) / runs.length, 3),
    samples: runs.flatMap((x) => x.samples ?? []),
    peakRssMb: Math.max(...runs.map((x) => x.peakRssMb ?? 0)),
    loadAverage: runs.at(-1)?.loadAverage,
  })
  const seederOf = (runs: ImportRun[]) =>
    runs.length ? { ...together(runs), samples: undefined, peakRssMb: undefined, runs: runs.map((x) => x.articlesPerSecond) } : undefined
  const seeder = seederOf(timed.seeder)
  const seederVersions = seederOf(timed.seederVersions)
  const results = {
    import: { ...together(timed.import), runs: timed.import.map((x) => x.articlesPerSecond) },
    raw: { ...together(timed.raw), runs: timed.raw.map((x) => x.articlesPerSecond) },
  }
  // Payload's own ceiling for the same data on this machine: raw create without the suite's plugins, and
  // with only house-style's fields (hooks off). Not for the quick run.
  const ceilings: Record<string, number> = {}
  if (!quick) {
    for (const [label, env] of [
      ['vanilla', { BENCH_CONFIG: 'vanilla' }],
      ['vanilla + house-style fields', { BENCH_CONFIG: 'vanilla', BENCH_LAYER: 'fields' }],
    ] as const) {
      const modeDir = path.join(work, `import-raw-${env.BENCH_CONFIG}-${'BENCH_LAYER' in env ? env.BENCH_LAYER : 'none'}`)
      mkdirSync(modeDir, { recursive: true })
      const child = await runNode(
        'tests/bench/import.ts',
        ['raw', dir],
        { ...payloadEnv(await databases.create(`import-raw-${label.replace(/\W+/g, '-')}`), modeDir), ...env },
        { bootWatch: true },
      )
      if (child.code !== 0) throw new Error(`import raw (${label}) failed:\n${child.output.slice(-4000)}`)
      ceilings[label] = resultLine<{ articlesPerSecond: number }>(child.output).articlesPerSecond
      log(`import raw (${label}): ${ceilings[label]} articles/s`)
    }
  }
  return {
    import_articles_per_s: results.import.articlesPerSecond,
    import_ratio: round(results.import.articlesPerSecond / results.raw.articlesPerSecond),
    // `newsroom import` is the bulk importer (batches, one transaction each): the same figure, against the seeder.
    bulk_import_articles_per_s: results.import.articlesPerSecond,
    bulk_import_ratio: seeder ? round(results.import.articlesPerSecond / seeder.articlesPerSecond) : null,
    bulk_import_ratio_to_seeder_with_versions: seederVersions
      ? round(results.import.articlesPerSecond / seederVersions.articlesPerSecond)
      : null,
    import: {
      seeder,
      seederVersions,
      peakRssMb: results.import.peakRssMb,
      loadAverage: results.import.loadAverage,
      stories: plan.importFiles,
      importStory: {
        articlesPerSecond: results.import.articlesPerSecond,
        seconds: results.import.seconds,
        perStoryMs: summarise(results.import.samples ?? []),
        runs: results.import.runs,
      },
      rawCreate: {
        articlesPerSecond: results.raw.articlesPerSecond,
        seconds: results.raw.seconds,
        perStoryMs: summarise(results.raw.samples ?? []),
        runs: results.raw.runs,
      },
      rawCreateWithout: Object.keys(ceilings).length ? ceilings : undefined,
    },
    import_notes:
      'SQLite file database, fresh per mode. import = importFiles(), what `newsroom import` runs after boot: parse + fix + resolve names (once per run) + the create operation of Payload per story with its writes deferred and written per batch of 200, one transaction per batch (src/import/import-archive.ts); bulk_import_ratio = import / the seeder (seed.ts) for the same number of articles, which writes the story rows alone; bulk_import_ratio_to_seeder_with_versions = import / the seeder with --versions (the version row of each story as well, as the import writes it; the import also writes a history row); the seeders, the import and the raw create take turns over two rounds (ABCD DCBA), each rate being all its stories over all its seconds; raw = payload.create (depth 0) of the same parsed data, names resolved beforehand; rawCreateWithout = the same raw create in Payload without the suite, and with only house-style fields. Boot not counted.',
  }
}

/**
 * The import at an archive's scale: `plan.archiveFiles` stories, the seeder and `newsroom import` taking turns over
 * two rounds (AB BA). At the headline's 500 stories the first 200 or so cost about twice the rest (code V8 has not
 * optimised yet, in both processes but more in the import's); a desk migrating an archive runs at this rate.
 */
async function archiveImportBenchmark() {
  const count = plan.archiveFiles
  const dir = path.join(work, 'archive-stories')
  const files = await runNode('tests/bench/import.ts', ['files', dir, String(count)], {})
  if (files.code !== 0) throw new Error(`archive story files failed:\n${files.output.slice(-3000)}`)
  const timed: Record<'seeder' | 'import', ImportRun[]> = { seeder: [], import: [] }
  for (let r = 0; r < 2; r++) {
    for (const side of r === 0 ? (['seeder', 'import'] as const) : (['import', 'seeder'] as const)) {
      timed[side].push(await timedImportRun(`archive-${side}-${r}`, side, count, dir))
      log(`archive import: ${side} ${timed[side].at(-1)!.articlesPerSecond} articles/s (${count} stories, round ${r + 1})`)
    }
  }
  const rate = (runs: ImportRun[]) => rateOver(runs, count)
  return {
    archive_import_articles_per_s: rate(timed.import),
    archive_import_ratio: round(rate(timed.import) / rate(timed.seeder)),
    archive_import: {
      stories: count,
      seeder: { articlesPerSecond: rate(timed.seeder), runs: timed.seeder.map((x) => x.articlesPerSecond) },
      import: {
        articlesPerSecond: rate(timed.import),
        runs: timed.import.map((x) => x.articlesPerSecond),
        peakRssMb: Math.max(...timed.import.map((x) => x.peakRssMb ?? 0)),
      },
      notes:
        'The seeder and importFiles() on the same number of generated stories, each into a fresh database, taking turns over two rounds (AB BA); each rate is all its stories over all its seconds. Boot not counted.',
    },
  }
}

async function externalBenchmark(
  name: string,
  script: string,
  resultFile: string,
  keys: string[],
  timeoutS?: number,
  env: Record<string, string> = {},
) {
  const nulls = Object.fromEntries(keys.map((k) => [k, null]))
  if (!existsSync(path.join(repoRoot, script))) {
    notes.push(`${script} is not there yet (another helper writes it): ${keys.join(', ')} recorded as null.`)
    return nulls
  }
  const file = path.join(resultsDir, resultFile)
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null
  log(`running ${script}`)
  const child = await runNode(script, quick ? ['--quick'] : [], env, timeoutS ? { timeoutS } : {})
  if (child.code !== 0 || !existsSync(file)) {
    notes.push(
      `${script} failed (exit ${child.code}): ${child.output.slice(-300).replace(/\s+/g, ' ')}; ${keys.join(', ')} recorded as null.`,
    )
    return nulls
  }
  const text = readFileSync(file, 'utf8')
  if (text === before) notes.push(`${script} did not rewrite ${resultFile}; its previous figures are used.`)
  const data = JSON.parse(text) as Record<string, unknown>
  log(`${name}: ${keys.map((k) => `${k}=${String(data[k])}`).join(', ')}`)
  return { ...Object.fromEntries(keys.map((k) => [k, (data[k] as number | undefined) ?? null])), [name]: data }
}

/** A failed stage records null figures and a note; the other stages still run. */
async function stage<T extends object>(
  name: string,
  run: () => Promise<T>,
  nulls: Record<string, null>,
): Promise<T | Record<string, null>> {
  try {
    return await run()
  } catch (error) {
    notes.push(`${name} stage failed: ${String(error instanceof Error ? error.message : error).slice(0, 600)}`)
    log(`${name} stage FAILED (see notes)`)
    return nulls
  }
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)

void main().catch(async (error) => {
  console.error(error)
  await databases.close().catch(() => undefined)
  rmSync(work, { recursive: true, force: true })
  process.exit(1)
})
