/**
 * Where the suite's extra CPU goes in a save, by package: two V8 CPU profiles of write.ts (the suite alone and
 * vanilla alone, same cycles), each cut to the saves (from the first sample inside `saveCycle` to the last), their
 * self time summed by package (or by file with --files), and the difference per save.
 *
 *   BENCH_CONFIG=suite node --cpu-prof --cpu-prof-dir=/tmp/prof/suite --conditions=production --import tsx \
 *     tests/bench/write.ts 150 SEED_JSON          (and again with BENCH_CONFIG=vanilla into /tmp/prof/vanilla)
 *   node --import tsx tests/bench/profile-by-package.ts /tmp/prof/suite /tmp/prof/vanilla --saves 640 [--files] [--top 30]
 *
 * `--saves`: operations timed per process (write.ts runs 10 untimed cycles and then N, four operations each:
 * (10 + 150) × 4 = 640). Figures only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const argv = process.argv.slice(2)
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1]! : fallback)
const [suiteDir, vanillaDir] = argv
if (!suiteDir || !vanillaDir)
  throw new Error('usage: profile-by-package.ts SUITE_PROFILE_DIR VANILLA_PROFILE_DIR [--saves N] [--files] [--top N]')
const saves = Number(option('per', option('saves', '640')))
/** The function that marks the window: write.ts's `saveCycle`, or trace-read.ts's `timedReads` (then `--per` reads). */
const windowFunction = option('window', 'saveCycle')
const byFile = argv.includes('--files')
const top = Number(option('top', '25'))

/** The main thread's profile: the largest file in the directory (worker threads write smaller ones beside it). */
function mainThreadProfile(dir: string): Profile {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
  const largest = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`)
  return JSON.parse(readFileSync(largest, 'utf8')) as Profile
}

/** A frame's package (`drizzle-orm`, `@payloadcms/drizzle`), or its file under the repository, or V8's own label. */
function placeOf({ url, functionName }: ProfileNode['callFrame']): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/.exec(url)
  if (inPackage) return byFile ? `${inPackage[1]}/${inPackage[2]!.split('/').pop()}` : inPackage[1]!
  if (!url) return `(${functionName})`
  if (url.startsWith('node:')) return 'node:'
  return url.replace(/^.*?\/(plugins|src|collections|tests)\//, '$1/')
}

/** Self time (ms) by place over the saves: from the first sample with `saveCycle` on its stack to the last. */
function selfTimeOfSaves(profile: Profile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
  const inSave = new Map<number, boolean>()
  const underSaveCycle = (id: number): boolean => {
    const known = inSave.get(id)
    if (known !== undefined) return known
    const up = parent.get(id)
    const answer = nodes.get(id)!.callFrame.functionName === windowFunction || (up !== undefined && underSaveCycle(up))
    inSave.set(id, answer)
    return answer
  }
  // Awaited work runs from the microtask queue, without saveCycle on its stack: the window takes it all.
  const marked = profile.samples.flatMap((id, i) => (underSaveCycle(id) ? [i] : []))
  const byPlace = new Map<string, number>()
  for (let i = marked[0] ?? 0; i <= (marked.at(-1) ?? -1); i++) {
    const place = placeOf(nodes.get(profile.samples[i]!)!.callFrame)
    byPlace.set(place, (byPlace.get(place) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  }
  return byPlace
}

const suite = selfTimeOfSaves(mainThreadProfile(suiteDir))
const vanilla = selfTimeOfSaves(mainThreadProfile(vanillaDir))
const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0)
console.log(
  `per save: the suite ${(total(suite) / saves).toFixed(2)} ms of CPU, vanilla ${(total(vanilla) / saves).toFixed(2)} ms (${saves} saves each)`,
)
console.log(`${'place'.padEnd(60)} ${'suite'.padStart(8)} ${'vanilla'.padStart(8)} ${'extra'.padStart(8)}  (ms a save)`)
const rows = [...new Set([...suite.keys(), ...vanilla.keys()])]
  .map((place) => ({ place, suite: (suite.get(place) ?? 0) / saves, vanilla: (vanilla.get(place) ?? 0) / saves }))
  .sort((a, b) => b.suite - b.vanilla - (a.suite - a.vanilla))
for (const row of rows.slice(0, top))
  console.log(
    `${row.place.slice(0, 60).padEnd(60)} ${row.suite.toFixed(3).padStart(8)} ${row.vanilla.toFixed(3).padStart(8)} ${(row.suite - row.vanilla).toFixed(3).padStart(8)}`,
  )
