/**
 * The write path through the Local API, as an editor saving would hit it (a user, access checked): create a
 * draft, save an edit of it, an autosave, then publish it, each answered at the Local API's default depth (the
 * admin's own buttons ask for depth 0: BENCH_SAVE_DEPTH). Many iterations; each operation timed on its own, on a
 * copy of the seeded database.
 *   BENCH_CONFIG=suite|vanilla   one config in the process (CPU profiles of one side: profile-by-package.ts);
 *                                BENCH_LAYER=fields-without-credits|fields|house-style|workflow|… makes vanilla part of
 *                                the suite added back (vanilla.config.ts)
 *   BENCH_CONFIG=paired          both in one process (two Payload instances, the vanilla one on
 *                                BENCH_VANILLA_DATABASE_URI), the sides taking turns cycle by cycle: a process's own
 *                                speed (where V8 placed and optimised the code, its core) then slows both sides alike;
 *                                with BENCH_LAYER the other side is that layer instead of vanilla (layer-beside-suite.ts)
 *   BENCH_SAVE_DEPTH=0           every save answers at depth 0, as the admin asks (default: the Local API's 2)
 *   BENCH_CONFIG=suite node --import tsx tests/bench/write.ts ITERATIONS SEED_JSON
 * Prints `RESULT {json}` with per-operation samples (ms); a paired run adds `vanillaSamples`.
 */
import { readFileSync } from 'node:fs'
import { getPayload } from 'payload'

import { blocksToLexical } from '../../plugins/house-style'
import type { SeedResult } from './seed'
import { SAVE_DEPTH, applySqliteTuning, foundingParts, isoDay, pick, prng, variantBlocks, variantHeadline } from './support'

export type WriteOperation = 'createDraft' | 'updateDraft' | 'autosave' | 'publish'
export interface WriteResult {
  config: string
  iterations: number
  samples: Record<WriteOperation, number[]>
  /** BENCH_CONFIG=paired: vanilla's samples, taken in turns with the suite's in the same process. */
  vanillaSamples?: Record<WriteOperation, number[]>
}

type Payload = Awaited<ReturnType<typeof getPayload>>

/** One side of the benchmark: a booted Payload, its editor, and the story data it is given, cycle after cycle. */
interface Side {
  payload: Payload
  user: Record<string, unknown>
  /** The suite, or a layer of it (vanilla.config.ts): both have the dateline and credits fields to fill. */
  withPlugins: boolean
  random: () => number
  samples: Record<WriteOperation, number[]>
}

/** DATABASE_URI as the config module reads it when it is first imported (src/database.ts chooseDatabase). */
async function importConfig(which: 'suite' | 'vanilla', databaseUri: string | undefined) {
  const before = process.env.DATABASE_URI
  if (databaseUri) process.env.DATABASE_URI = databaseUri
  try {
    return (which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')).default
  } finally {
    // Assigning undefined would store the string "undefined".
    if (before === undefined) delete process.env.DATABASE_URI
    else process.env.DATABASE_URI = before
  }
}

async function bootSide(which: 'suite' | 'vanilla', key: string, databaseUri?: string): Promise<Side> {
  const payload = await getPayload({ config: await importConfig(which, databaseUri), key })
  await applySqliteTuning(payload)
  const editor = await payload.create({
    collection: 'users',
    data: { email: `bench-editor-${Date.now()}@newsroom.test`, password: 'bench-password', name: '王丽', roles: ['editor'] },
  })
  return {
    payload,
    user: { ...editor, collection: 'users' },
    withPlugins: which === 'suite' || Boolean(process.env.BENCH_LAYER),
    // The same stories on either side, in the same order.
    random: prng(4242),
    samples: { createDraft: [], updateDraft: [], autosave: [], publish: [] },
  }
}

const parts = foundingParts()

/** Draft, edit, autosave and publish of story `i`, each timed (and recorded once warm). */
async function saveCycle(side: Side, seed: SeedResult, i: number, record: boolean) {
  const { payload, user, random } = side
  const time = async (op: WriteOperation, fn: () => Promise<unknown>) => {
    const started = performance.now()
    await fn()
    if (record) side.samples[op].push(performance.now() - started)
  }
  const region = pick(seed.regionIds.slice(3), random)
  const blocks = variantBlocks(parts, random)
  const data: Record<string, unknown> = {
    title: variantHeadline(100_000 + i, '兴仁', random),
    body: blocksToLexical(blocks),
    section: pick(seed.sectionIds, random),
    region,
    heroImage: pick(seed.mediaIds, random),
    tags: ['基层党建'],
  }
  if (side.withPlugins) {
    data.dateline = { outlet: '亮点黔西南', place: region, date: isoDay(i), kind: 'xun' }
    data.credits = [
      { author: pick(seed.authorIds, random), role: 'reporter' },
      { author: pick(seed.authorIds, random), role: 'correspondent' },
    ]
  }
  let id: string | number = 0
  await time('createDraft', async () => {
    id = (await payload.create({ collection: 'articles', data: data, draft: true, user, overrideAccess: false, depth: SAVE_DEPTH })).id
  })
  const edited = blocksToLexical([...blocks, { type: 'paragraph', text: parts.paragraphs[parts.paragraphs.length - 1]! }])
  await time('updateDraft', () =>
    payload.update({
      collection: 'articles',
      id,
      data: { body: edited, dek: '编辑修改后的导语。' },
      draft: true,
      user,
      overrideAccess: false,
      depth: SAVE_DEPTH,
    }),
  )
  await time('autosave', () =>
    payload.update({
      collection: 'articles',
      id,
      data: { dek: '自动保存的导语。' },
      draft: true,
      autosave: true,
      user,
      overrideAccess: false,
      depth: SAVE_DEPTH,
    }),
  )
  await time('publish', () =>
    payload.update({ collection: 'articles', id, data: { _status: 'published' }, user, overrideAccess: false, depth: SAVE_DEPTH }),
  )
}

async function main() {
  // Module loading under tsx holds no handle: without this the event loop can drain and exit 0 mid-import.
  setInterval(() => undefined, 1000)
  const iterations = Number(process.argv[2] ?? 50)
  // Ten cycles a side before any is timed, however many follow. With a quarter of them (4 in a quick run's process
  // of 16, 7 in a full run's of 25), the quick run's save_ratio came out 7–12 % over the full run's in four runs
  // (2026-12-07 17:42–18:06): the suite's cycles, more code to compile, were the ones still warming.
  const WARM_UP = 10
  const seed = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as SeedResult
  const config = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : process.env.BENCH_CONFIG === 'paired' ? 'paired' : 'suite'
  const sides =
    config === 'paired'
      ? [await bootSide('suite', 'suite'), await bootSide('vanilla', 'vanilla', process.env.BENCH_VANILLA_DATABASE_URI)]
      : [await bootSide(config, 'default')]
  console.log('BOOTED')
  for (let i = 0; i < WARM_UP + iterations; i++) {
    // Paired: the sides take turns, the first of each cycle alternating.
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) await saveCycle(side, seed, i, i >= WARM_UP)
  }
  const result: WriteResult = {
    config,
    iterations,
    samples: sides[0]!.samples,
    ...(config === 'paired' ? { vanillaSamples: sides[1]!.samples } : {}),
  }
  console.log(`RESULT ${JSON.stringify(result)}`)
  for (const side of sides) await side.payload.destroy()
  process.exit(0)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
