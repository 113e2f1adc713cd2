/**
 * `npm run bench:save-layers` — what each part of the suite adds to a save, measured alone: vanilla Payload, then the
 * suite added back a layer at a time (vanilla.config.ts), then the suite, each in a process of its own on a copy of
 * one seeded database, the layers taking turns over several rounds (the order reversed every other round).
 * `npm run bench` has one process per layer and round; a save's median moves by up to a third from one process to
 * the next, so a layer's few milliseconds need more rounds than a full run can spare.
 *
 * It also runs the what-if the issue asked for (#16 item 3): `workflow-without-rendered` is the suite without
 * distribution and with the rendered text and the style findings not stored at all — the most that keeping them
 * out of every version row could save, since that would still store them on the story's own row.
 *
 *   npm run bench:save-layers [-- --rounds 4 --cycles 40 --articles 1000 --db sqlite|postgres --layers a,b,…]
 *
 * Prints, per layer, draft + edit + publish (the sum of the three operations' medians, ms) in each round, their
 * mean, and × vanilla paired by round; writes tests/bench/results/save-layers.json. Figures only, no assertions.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'

import { benchDatabases, type BenchDatabaseKind } from './databases'
import type { SeedResult } from './seed'
import {
  BENCH_LAYERS,
  layerEnv,
  payloadEnv,
  resultLine,
  resultsDir,
  round,
  runBenchChild,
  saveMs,
  type SaveLayer,
  summarise,
} from './support'
import type { WriteOperation, WriteResult } from './write'

const LAYERS: SaveLayer[] = ['vanilla', ...BENCH_LAYERS, 'workflow-without-rendered', 'suite']
type Layer = SaveLayer

const argv = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`)
  return at >= 0 && argv[at + 1] ? argv[at + 1]! : fallback
}
const rounds = Number(option('rounds', '4'))
const cycles = Number(option('cycles', '40'))
const articles = Number(option('articles', '1000'))
const dbKind = option('db', 'sqlite') as BenchDatabaseKind
const layers = option('layers', LAYERS.join(',')).split(',') as Layer[]
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

  // perRound[layer][r] = draft + edit + publish of that layer's process in round r.
  const perRound = Object.fromEntries(layers.map((l) => [l, [] as number[]])) as Record<Layer, number[]>
  const operations = Object.fromEntries(layers.map((l) => [l, {} as Record<WriteOperation, number[]>])) as Record<
    Layer,
    Record<WriteOperation, number[]>
  >
  for (let r = 0; r < rounds; r++) {
    for (const layer of r % 2 === 0 ? layers : [...layers].reverse()) {
      const copy = await databases.copy(db, `save-${layer}-${r}`)
      const env = { ...payloadEnv(copy, dataDir), ...layerEnv(layer) }
      const child = await runBenchChild('tests/bench/write.ts', [String(cycles), seedFile], env, { bootWatch: true, onStall })
      if (child.code !== 0) throw new Error(`${layer} failed:\n${child.output.slice(-4000)}`)
      const { samples } = resultLine<WriteResult>(child.output)
      const medians = Object.fromEntries(Object.entries(samples).map(([op, s]) => [op, summarise(s).median])) as Record<
        WriteOperation,
        number
      >
      perRound[layer].push(saveMs(samples))
      for (const op of Object.keys(medians) as WriteOperation[]) (operations[layer][op] ??= []).push(medians[op])
      await databases.drop(copy)
      log(
        `round ${r + 1} ${layer}: ${perRound[layer].at(-1)!.toFixed(1)} ms (draft ${medians.createDraft}, edit ${medians.updateDraft}, publish ${medians.publish})`,
      )
    }
  }
  await databases.close()

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
  const pairedRatio = (layer: Layer, base: Layer) => perRound[layer].map((ms, r) => ms / perRound[base][r]!)
  const table = layers.map((layer) => {
    const ratios = pairedRatio(layer, 'vanilla')
    return {
      layer,
      saveMs: round(mean(perRound[layer]), 1),
      rounds: perRound[layer].map((x) => round(x, 1)),
      timesVanilla: round(mean(ratios), 3),
      timesVanillaRange: [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)],
      operationsMs: Object.fromEntries(Object.entries(operations[layer]).map(([op, xs]) => [op, round(mean(xs), 1)])),
    }
  })
  console.log('\nlayer                          draft+edit+publish ms (rounds)              × vanilla (paired, range)')
  for (const row of table)
    console.log(
      `${row.layer.padEnd(30)} ${String(row.saveMs).padStart(6)} (${row.rounds.join(', ')})`.padEnd(76) +
        `${row.timesVanilla} (${row.timesVanillaRange.join('–')})`,
    )
  const whatIf =
    layers.includes('workflow') && layers.includes('workflow-without-rendered')
      ? (() => {
          const ratios = pairedRatio('workflow-without-rendered', 'workflow')
          return { timesWorkflow: round(mean(ratios), 3), range: [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)] }
        })()
      : null
  if (whatIf)
    console.log(
      `\nrendered text and findings not stored: × ${whatIf.timesWorkflow} of the workflow layer's save (rounds ${whatIf.range.join('–')})`,
    )
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
        renderedNotStored: whatIf,
        notes:
          'saveMs = createDraft + updateDraft + publish medians of one write.ts process (Local API, an editor, access checked), mean over rounds; timesVanilla = that over the vanilla process of the same round, mean over rounds. workflow-without-rendered = house-style + workflow with html, plainText and the style findings and error count not stored (vanilla.config.ts).',
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
