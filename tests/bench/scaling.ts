/**
 * The scaling curve: the same hot reads (tests/bench/scaling-reads.ts) on archives of 1,000, 10,000 and 100,000
 * generated stories (the seeder's bulk path makes 1,000 with their version rows; copies of them in SQL make the
 * rest: tests/bench/replicate.ts), and how much each slows down from the
 * smallest to the largest — target ≤ 1.5×. Then, on the largest, the production server (`dist/server.mjs`, with
 * the anonymous read cache) under load: the cached latest-20 GraphQL list in requests/s, and the same with the
 * cache off.
 *   npm run bench:scaling [-- --sizes=1000,10000 --iterations=30 --seconds=10]
 * Also a stage of `npm run bench` (tests/bench/run.ts). Writes tests/bench/results/scaling.json and scaling.svg,
 * prints a table; benchmarks print figures, they never assert.
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'

import { lexicalBuild } from '../../scripts/lexical-build.mjs'
import { publicOriginEnv } from '../support/free-port'
import { payloadEnv, repoRoot, resultLine, resultsDir, round } from './support'
import type { SeedResult } from './seed'

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback
// `--quick` (npm run bench -- --quick): 1,000 and 10,000 stories, fewer iterations, shorter load.
const quick = process.argv.includes('--quick')
const sizes = arg('sizes', quick ? '1000,10000' : '1000,10000,100000')
  .split(',')
  .map(Number)
const iterations = Number(arg('iterations', quick ? '10' : '30'))
const loadSeconds = Number(arg('seconds', quick ? '3' : '10'))
/** Rounds of reads per archive, the sizes taking turns; the iterations are shared out between them. */
const SCALING_ROUNDS = 2
const started = Date.now()
const log = (message: string) => console.log(`[scaling ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`)
const LEXICAL_BUILD = [lexicalBuild('production')]

function node(args: string[], env: Record<string, string>, onOutput?: (all: string) => boolean) {
  const child = spawn(process.execPath, ['--no-deprecation', ...LEXICAL_BUILD, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (onOutput?.(output)) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
  })
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })))
  return { child, ready, exited, output: () => output }
}

async function runChild(script: string, args: string[], env: Record<string, string>) {
  const { code, output } = await node(['--import', 'tsx', script, ...args], env).exited
  if (code !== 0) throw new Error(`${script} failed (${code}):\n${output.slice(-3000)}`)
  return output
}

const LATEST = JSON.stringify({
  query:
    '{ Articles(sort: "-publishedAt", limit: 20) { docs { id title slug publishedAt datelineText bylineText section { name slug } region { name shortName } credits { role author { name } } heroImage { url alt width height } } } }',
})

/** The production server on this database; the latest-20 list under load (32 connections). */
async function serverListRps(env: Record<string, string>, cache: boolean) {
  const server = node(
    [path.join(repoRoot, 'dist', 'server.mjs')],
    {
      ...env,
      ...(await publicOriginEnv()),
      NODE_ENV: 'production',
      NEWSROOM_JOBS_INTERVAL_MS: '60000',
      NEWSROOM_READ_CACHE: String(cache),
    },
    (all) => /running at http/.test(all),
  )
  await Promise.race([
    server.ready,
    server.exited.then(({ output }) => Promise.reject(new Error(`server exited:\n${output.slice(-3000)}`))),
  ])
  const url = /running at (http:\/\/\S+?)[\s(]/.exec(server.output())![1]!.replace('localhost', '127.0.0.1')
  try {
    const request = { method: 'POST' as const, path: '/api/graphql', headers: { 'content-type': 'application/json' }, body: LATEST }
    const check = await fetch(url + request.path, { method: 'POST', headers: request.headers, body: request.body })
    if (check.status !== 200 || (await check.text()).includes('"errors"')) throw new Error(`latest list: ${check.status}`)
    await autocannon({ url, connections: 8, duration: 2, requests: [request] })
    const result = await autocannon({ url, connections: 32, duration: loadSeconds, requests: [request], timeout: 30 })
    return {
      requestsPerSecond: round(result.requests.average, 1),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    }
  } finally {
    server.child.kill('SIGTERM')
    await server.exited
  }
}

export async function scalingBenchmark() {
  const work = mkdtempSync(path.join(tmpdir(), 'newsroom-scaling-'))
  const loadAtStart = loadavg().map((x) => round(x, 2))
  const curve: Record<string, Record<string, { medianMs: number; p95Ms: number }>> = {}
  const seeds: Record<string, unknown> = {}
  try {
    // The seeder's bulk path makes the smallest archive; the larger ones are copies of it grown in SQL
    // (replicate.ts): on a shared two-core machine the bulk path cannot make 100,000 stories in a benchmark's time.
    const baseDb = path.join(work, 'base.db')
    const dataDir = path.join(work, 'data')
    log(`seeding ${sizes[0]} stories (with version rows)…`)
    const seed = resultLine<SeedResult>(
      await runChild('tests/bench/seed.ts', [String(sizes[0]), '--versions'], payloadEnv(baseDb, dataDir)),
    )
    seeds.base = { articles: seed.articles, seconds: seed.seconds, articlesPerSecond: seed.articlesPerSecond }
    log(`seeded ${seed.articles} in ${seed.seconds} s (${seed.articlesPerSecond}/s)`)
    const seedFile = path.join(work, 'seed.json')
    writeFileSync(seedFile, JSON.stringify(seed))
    // Every archive is made first, then read in rounds, the sizes taking turns (ascending, then descending): read one
    // after the other, the largest was always timed last, right after a few GB were written, and a slow patch of
    // the machine fell on one size alone (list_slowdown_100k 1.17–1.91 over the runs of 2026-12-06/07).
    const archives: { size: number; env: Record<string, string>; db: string }[] = []
    for (const size of sizes) {
      const db = path.join(work, `scaling-${size}.db`)
      const env = payloadEnv(db, dataDir)
      copyFileSync(baseDb, db)
      if (existsSync(`${baseDb}-wal`)) copyFileSync(`${baseDb}-wal`, `${db}-wal`)
      if (size > seed.articles) {
        const grown = resultLine<{ articles: number; seconds: number }>(await runChild('tests/bench/replicate.ts', [db, String(size)], env))
        seeds[size] = grown
        log(`grew a copy to ${grown.articles} stories in ${grown.seconds} s`)
      }
      archives.push({ size, env, db })
    }
    const rounds: Record<string, (typeof curve)[string][]> = {}
    for (let r = 0; r < SCALING_ROUNDS; r++) {
      for (const { size, env } of r % 2 === 0 ? archives : [...archives].reverse()) {
        const figures = resultLine<{ figures: (typeof curve)[string] }>(
          await runChild('tests/bench/scaling-reads.ts', [seedFile, String(Math.ceil(iterations / SCALING_ROUNDS))], env),
        ).figures
        ;(rounds[size] ??= []).push(figures)
        log(
          `${size}, round ${r + 1}: ${Object.entries(figures)
            .map(([read, f]) => `${read} ${f.medianMs} ms`)
            .join(', ')} (load ${loadavg()[0]!.toFixed(1)})`,
        )
      }
    }
    // A size's figure is the mean of its rounds' medians (and p95s).
    for (const { size } of archives) {
      const runs = rounds[size]!
      curve[size] = Object.fromEntries(
        Object.keys(runs[0]!).map((read) => [
          read,
          {
            medianMs: round(runs.reduce((t, x) => t + x[read]!.medianMs, 0) / runs.length, 3),
            p95Ms: round(runs.reduce((t, x) => t + x[read]!.p95Ms, 0) / runs.length, 3),
          },
        ]),
      )
    }
    // Only the largest is kept for the server run: a 100,000-story file is a few GB.
    for (const { db } of archives.slice(0, -1)) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true })
    const largest = archives.at(-1) ?? null
    const small = String(sizes[0])
    const big = String(sizes[sizes.length - 1])
    const slowdown = Object.fromEntries(
      Object.keys(curve[big]!).map((read) => [read, round(curve[big]![read]!.medianMs / curve[small]![read]!.medianMs, 2)]),
    )
    const hot = ['latest20', 'sectionList', 'storyBySlug', 'rss', 'newsSitemap', 'reviewQueue']
    const worst = Math.max(...hot.map((read) => slowdown[read]!))

    let cached: Awaited<ReturnType<typeof serverListRps>> | null = null
    let uncached: Awaited<ReturnType<typeof serverListRps>> | null = null
    if (largest && existsSync(path.join(repoRoot, 'dist', 'server.mjs')) && existsSync(path.join(repoRoot, '.next', 'BUILD_ID'))) {
      log(`production server on ${big} stories: latest-20 list under load, cache on, then off`)
      cached = await serverListRps(largest.env, true)
      uncached = await serverListRps(largest.env, false)
      log(`cached ${cached.requestsPerSecond} req/s, uncached ${uncached.requestsPerSecond} req/s`)
    } else log('no built server (dist/server.mjs + .next): run `npm run build` first for cached_list_rps')

    const result = {
      list_slowdown_100k: worst,
      cached_list_rps: cached?.requestsPerSecond ?? null,
      scaling: {
        sizes,
        iterations,
        slowdown,
        worstRead: hot.find((read) => slowdown[read] === worst),
        medianMs: curve,
        seeds,
        productionServerLatest20: { articles: Number(big), connections: 32, seconds: loadSeconds, cached, uncached },
        loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => round(x, 2)) },
      },
    }
    printTable(result.scaling)
    return result
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function printTable(scaling: {
  sizes: number[]
  slowdown: Record<string, number>
  medianMs: Record<string, Record<string, { medianMs: number }>>
}) {
  const reads = Object.keys(scaling.slowdown)
  const header = [
    'read (median ms)',
    ...scaling.sizes.map((s) => s.toLocaleString('en')),
    `× ${scaling.sizes[0]!.toLocaleString('en')}→${scaling.sizes.at(-1)!.toLocaleString('en')}`,
  ]
  const rows = reads.map((read) => [
    read,
    ...scaling.sizes.map((s) => String(scaling.medianMs[s]![read]!.medianMs)),
    String(scaling.slowdown[read]),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join('  '))
}

/** The curve as an SVG: one line per read, median ms against archive size (log scale). */
export function renderScalingPlot(scaling: { sizes: number[]; medianMs: Record<string, Record<string, { medianMs: number }>> }): string {
  const W = 640
  const H = 360
  const pad = { l: 60, r: 150, t: 30, b: 40 }
  const reads = Object.keys(scaling.medianMs[scaling.sizes[0]!]!)
  const maxMs = Math.max(...scaling.sizes.flatMap((s) => reads.map((r) => scaling.medianMs[s]![r]!.medianMs)))
  const x = (size: number) =>
    pad.l +
    ((Math.log10(size) - Math.log10(scaling.sizes[0]!)) /
      Math.max(1e-9, Math.log10(scaling.sizes.at(-1)!) - Math.log10(scaling.sizes[0]!))) *
      (W - pad.l - pad.r)
  const y = (ms: number) => H - pad.b - (ms / maxMs) * (H - pad.t - pad.b)
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f']
  const lines = reads.map((read, i) => {
    const points = scaling.sizes.map((s) => `${x(s).toFixed(1)},${y(scaling.medianMs[s]![read]!.medianMs).toFixed(1)}`).join(' ')
    return `<polyline fill="none" stroke="${colours[i % colours.length]}" stroke-width="2" points="${points}"/><text x="${W - pad.r + 8}" y="${pad.t + 16 * i}" font-size="12" fill="${colours[i % colours.length]}">${read}</text>`
  })
  const ticks = scaling.sizes.map(
    (s) => `<text x="${x(s)}" y="${H - pad.b + 18}" font-size="12" text-anchor="middle">${s.toLocaleString('en')}</text>`,
  )
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${pad.l}" y="18" font-size="14">Hot reads: median ms by archive size (stories)</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="black"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="black"/>`,
    `<text x="${pad.l - 8}" y="${pad.t + 4}" font-size="12" text-anchor="end">${round(maxMs, 1)} ms</text><text x="${pad.l - 8}" y="${H - pad.b}" font-size="12" text-anchor="end">0</text>`,
    ...ticks,
    ...lines,
    '</svg>',
  ].join('\n')
}

async function main() {
  mkdirSync(resultsDir, { recursive: true })
  const result = await scalingBenchmark()
  writeFileSync(path.join(resultsDir, 'scaling.json'), JSON.stringify(result, null, 2) + '\n')
  // Run on its own, the stage also brings its two headline figures into latest.json (the other figures there stay
  // those of the last full run; `npm run bench` rewrites them all).
  const latestFile = path.join(resultsDir, 'latest.json')
  if (!process.argv.includes('--quick') && existsSync(latestFile)) {
    const latest = JSON.parse(readFileSync(latestFile, 'utf8')) as Record<string, unknown>
    const { list_slowdown_100k, cached_list_rps, scaling } = result
    writeFileSync(
      latestFile,
      JSON.stringify(
        { ...latest, list_slowdown_100k, cached_list_rps, scaling: { ...scaling, ranAt: new Date().toISOString() } },
        null,
        2,
      ) + '\n',
    )
  }
  writeFileSync(path.join(resultsDir, 'scaling.svg'), renderScalingPlot(result.scaling))
  log(
    `wrote tests/bench/results/scaling.json and scaling.svg: list_slowdown_100k ${result.list_slowdown_100k}, cached_list_rps ${result.cached_list_rps}`,
  )
  process.exit(0)
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
