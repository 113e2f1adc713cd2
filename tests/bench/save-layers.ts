/**
 * `npm run bench:save-layers` — what each part of the suite adds to a save: vanilla Payload, then the suite added
 * back a layer at a time (vanilla.config.ts), each **paired with the suite in one process** (write.ts
 * BENCH_CONFIG=paired with BENCH_LAYER: two Payload instances, each on its own copy of one seeded database, taking
 * turns cycle by cycle), the layers taking turns over several rounds (the order reversed every other round).
 * A layer's figure is its save over the suite's in the same process; × vanilla is that over vanilla's own paired
 * figure. Until 2026-12-07 evening each layer ran alone in its process, and a process's own speed (a save's median
 * moves by up to a third from one process to the next) gave a layer's ratio a spread of ±0.2×.
 *
 * Between the plugin layers it also runs `workflow-fields` (the workflow's fields, its behaviour off) and
 * `distribution` (the three plugins without the app's own: bad-input guard, read cache, save errors).
 *
 * It also runs the what-ifs the issue asked about (#16 item 3), each against the workflow layer it changes (the
 * suite without distribution): `workflow-without-rendered` stores neither the rendered text nor the style findings
 * (the most that keeping them out of every version row could save, since that would still store them on the
 * story's own row); `workflow-credits-as-json` and `workflow-corrections-as-json` keep the credits or the
 * corrections in one JSON column instead of two tables of rows; `workflow-lean` does all three.
 *
 *   npm run bench:save-layers [-- --rounds 3 --cycles 40 --articles 1000 --db sqlite|postgres --layers a,b,…]
 *
 * Prints, per layer, draft + edit + publish (the sum of the three operations' medians, ms) in each round, × the
 * suite paired and × vanilla; writes tests/bench/results/save-layers.json. Figures only, no assertions.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'

import { benchDatabases, type BenchDatabaseKind } from './databases'
import type { SeedResult } from './seed'
import {
  BENCH_LAYERS,
  payloadEnv,
  resultLine,
  resultsDir,
  round,
  runBenchChild,
  SAVE_WHAT_IFS,
  saveMs,
  type PairedSaveLayer,
  summarise,
} from './support'
import { runLayerBesideSuite } from './layer-beside-suite'
import type { WriteOperation } from './write'

/** Layers paired with the suite, each in processes of its own; the suite is every process's other side. */
const LAYERS: PairedSaveLayer[] = [
  'vanilla',
  ...BENCH_LAYERS.filter((layer) => layer !== 'workflow'),
  'workflow-fields',
  'workflow',
  'distribution',
  ...SAVE_WHAT_IFS,
]

const argv = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : fallback
}
const rounds = Number(option('rounds', '3'))
const cycles = Number(option('cycles', '40'))
const articles = Number(option('articles', '1000'))
const dbKind = option('db', 'sqlite') as BenchDatabaseKind
const layers = option('layers', LAYERS.join(',')).split(',') as PairedSaveLayer[]
for (const layer of layers) if (!LAYERS.includes(layer)) throw new Error(`--layers: ${layer} is not one of ${LAYERS.join(', ')}`)
if (!layers.includes('vanilla')) layers.unshift('vanilla')

const started = Date.now()
const log = (message: string) => console.log(`[save-layers ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`)
const work = mkdtempSync(path.join(tmpdir(), 'newsroom-save-layers-'))
const databases = benchDatabases(dbKind, work)
const dataDir = path.join(work, 'data')
const onStall = (attempt: number) => log(`a child stalled while booting; retrying (${attempt}/2)`)

async function main() {
  log(
    `${rounds} rounds × ${layers.length} layers, ${cycles} save cycles each, ${articles} seeded articles, ${dbKind}, ${cpus().length} cores`,
  )
  const loadAtStart = loadavg().map((x) => round(x, 2))
  const db = await databases.create('seed')
  const seeded = await runBenchChild('tests/bench/seed.ts', [String(articles)], payloadEnv(db, dataDir), { bootWatch: true, onStall })
  if (seeded.code !== 0) throw new Error(`seed failed:\n${seeded.output.slice(-4000)}`)
  const seedFile = path.join(work, 'seed.json')
  writeFileSync(seedFile, JSON.stringify(resultLine<SeedResult>(seeded.output)))

  // perRound[layer][r]: draft + edit + publish of the layer, and of the suite beside it, in that round's process.
  const perRound = Object.fromEntries(layers.map((l) => [l, [] as number[]])) as Record<PairedSaveLayer, number[]>
  const suitePerRound = Object.fromEntries(layers.map((l) => [l, [] as number[]])) as Record<PairedSaveLayer, number[]>
  const operations = Object.fromEntries(layers.map((l) => [l, {} as Record<WriteOperation, number[]>])) as Record<
    PairedSaveLayer,
    Record<WriteOperation, number[]>
  >
  for (let r = 0; r < rounds; r++) {
    for (const layer of r % 2 === 0 ? layers : [...layers].reverse()) {
      const { suite, layer: samples } = await runLayerBesideSuite({
        layer,
        name: `save-${layer}-${r}`,
        cycles,
        seedFile,
        dataDir,
        databases,
        db,
        run: (script, args, env) => runBenchChild(script, args, env, { bootWatch: true, onStall }),
      })
      const medians = Object.fromEntries(Object.entries(samples).map(([op, s]) => [op, summarise(s).median])) as Record<
        WriteOperation,
        number
      >
      perRound[layer].push(saveMs(samples))
      suitePerRound[layer].push(saveMs(suite))
      for (const op of Object.keys(medians) as WriteOperation[]) (operations[layer][op] ??= []).push(medians[op])
      log(
        `round ${r + 1} ${layer}: ${perRound[layer].at(-1)!.toFixed(1)} ms (draft ${medians.createDraft}, edit ${medians.updateDraft}, publish ${medians.publish}); the suite beside it ${suitePerRound[layer].at(-1)!.toFixed(1)} ms`,
      )
    }
  }
  await databases.close()

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
  /** The layer's save over the suite's in the same process, round by round. */
  const timesSuite = (layer: PairedSaveLayer) => perRound[layer].map((ms, r) => ms / suitePerRound[layer][r]!)
  const vanillaTimesSuite = mean(timesSuite('vanilla'))
  const spread = (xs: number[]) => [round(Math.min(...xs), 3), round(Math.max(...xs), 3)]
  const table = [
    ...layers.map((layer) => {
      const ratios = timesSuite(layer)
      return {
        layer,
        saveMs: round(mean(perRound[layer]), 1),
        rounds: perRound[layer].map((x) => round(x, 1)),
        suiteBesideMs: suitePerRound[layer].map((x) => round(x, 1)),
        timesSuite: round(mean(ratios), 3),
        timesSuiteRange: spread(ratios),
        timesVanilla: round(mean(ratios) / vanillaTimesSuite, 3),
        operationsMs: Object.fromEntries(Object.entries(operations[layer]).map(([op, xs]) => [op, round(mean(xs), 1)])),
      }
    }),
    {
      layer: 'suite',
      saveMs: round(mean(Object.values(suitePerRound).flat()), 1),
      timesSuite: 1,
      timesVanilla: round(1 / vanillaTimesSuite, 3),
    },
  ]
  console.log('\nlayer                          draft+edit+publish ms (rounds)              × suite, paired (range)     × vanilla')
  for (const row of table)
    console.log(
      `${row.layer.padEnd(30)} ${String(row.saveMs).padStart(6)}${'rounds' in row ? ` (${row.rounds.join(', ')})` : ''}`.padEnd(76) +
        `${row.timesSuite}${'timesSuiteRange' in row ? ` (${row.timesSuiteRange.join('–')})` : ''}`.padEnd(28) +
        `${row.timesVanilla}`,
    )
  // Each what-if against the layer it changes, paired by way of the suite in both processes.
  const whatIfs = layers.includes('workflow')
    ? Object.fromEntries(
        SAVE_WHAT_IFS.filter((layer) => layers.includes(layer)).map((layer) => {
          const ratios = timesSuite(layer).map((x, r) => x / timesSuite('workflow')[r]!)
          return [layer, { timesWorkflow: round(mean(ratios), 3), range: spread(ratios) }]
        }),
      )
    : {}
  for (const [layer, { timesWorkflow, range }] of Object.entries(whatIfs))
    console.log(`${layer}: × ${timesWorkflow} of the workflow layer's save (rounds ${range.join('–')})`)
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `save-layers${dbKind === 'postgres' ? '-postgres' : ''}.json`)
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        database: dbKind,
        rounds,
        cycles,
        articles,
        loadAverage: { start: loadAtStart, end: loadavg().map((x) => round(x, 2)) },
        seconds: round((Date.now() - started) / 1000, 0),
        layers: table,
        whatIfs,
        notes:
          "saveMs = createDraft + updateDraft + publish medians (Local API, an editor, access checked), mean over rounds; each layer runs paired with the suite in one write.ts process (BENCH_CONFIG=paired, the sides taking turns cycle by cycle); timesSuite = the layer over the suite beside it, mean over rounds; timesVanilla = timesSuite over vanilla's timesSuite. What-ifs (vanilla.config.ts): workflow-without-rendered = house-style + workflow with html, plainText and the style findings and error count not stored; workflow-credits-as-json = the credits one JSON column (author ids not populated in the answer); workflow-corrections-as-json = the corrections one JSON column; workflow-lean = all three; timesWorkflow = the what-if's timesSuite over the workflow layer's, round by round.",
      },
      null,
      2,
    )}\n`,
  )
  log(`wrote ${path.relative(process.cwd(), file)}`)
}

void main().catch(async (error) => {
  console.error(error)
  await databases.close().catch(() => undefined)
  process.exit(1)
})
