/**
 * The write path through the Local API, as an editor saving in the admin would hit it (a user, access
 * checked): create a draft, save an edit of it, an autosave, then publish it. Many iterations; each
 * operation timed on its own. Runs one config per process (BENCH_CONFIG=suite|vanilla) on a copy of the
 * seeded database; run.ts alternates the two. BENCH_CONFIG=vanilla with BENCH_LAYER=fields-without-credits|fields|house-style|workflow
 * runs vanilla with part of the suite added back (vanilla.config.ts), for the breakdown in latest.json.
 *   BENCH_CONFIG=suite node --import tsx tests/bench/write.ts ITERATIONS SEED_JSON
 * Prints `RESULT {json}` with per-operation samples (ms).
 */
import { readFileSync } from 'node:fs'
import { getPayload } from 'payload'

import { blocksToLexical } from '../../plugins/house-style'
import type { SeedResult } from './seed'
import { applySqliteTuning, foundingParts, isoDay, pick, prng, variantBlocks, variantHeadline } from './support'

export type WriteOperation = 'createDraft' | 'updateDraft' | 'autosave' | 'publish'
export interface WriteResult {
  config: string
  iterations: number
  samples: Record<WriteOperation, number[]>
}

async function main() {
  // Module loading under tsx holds no handle: without this the event loop can drain and exit 0 mid-import.
  setInterval(() => undefined, 1000)
  const iterations = Number(process.argv[2] ?? 50)
  const WARM_UP = Math.min(10, Math.ceil(iterations / 4))
  const seed = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as SeedResult
  const which = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : 'suite'
  const { default: config } = which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')
  const payload = await getPayload({ config })
  console.log('BOOTED')
  await applySqliteTuning(payload)
  // The suite, or a layer of it (vanilla.config.ts): both have the dateline and credits fields to fill.
  const withPlugins = which === 'suite' || Boolean(process.env.BENCH_LAYER)

  const editor = await payload.create({
    collection: 'users',
    data: { email: `bench-editor-${Date.now()}@newsroom.test`, password: 'bench-password', name: '王丽', roles: ['editor'] },
  })
  const user = { ...editor, collection: 'users' }
  const parts = foundingParts()
  const random = prng(4242)
  const samples: Record<WriteOperation, number[]> = { createDraft: [], updateDraft: [], autosave: [], publish: [] }
  const time = async (op: WriteOperation, record: boolean, fn: () => Promise<unknown>) => {
    const started = performance.now()
    await fn()
    if (record) samples[op].push(performance.now() - started)
  }

  for (let i = 0; i < WARM_UP + iterations; i++) {
    const record = i >= WARM_UP
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
    if (withPlugins) {
      data.dateline = { outlet: '亮点黔西南', place: region, date: isoDay(i), kind: 'xun' }
      data.credits = [
        { author: pick(seed.authorIds, random), role: 'reporter' },
        { author: pick(seed.authorIds, random), role: 'correspondent' },
      ]
    }
    let id: string | number = 0
    await time('createDraft', record, async () => {
      id = (await payload.create({ collection: 'articles', data: data, draft: true, user, overrideAccess: false })).id
    })
    const edited = blocksToLexical([...blocks, { type: 'paragraph', text: parts.paragraphs[parts.paragraphs.length - 1]! }])
    await time('updateDraft', record, () =>
      payload.update({
        collection: 'articles',
        id,
        data: { body: edited, dek: '编辑修改后的导语。' },
        draft: true,
        user,
        overrideAccess: false,
      }),
    )
    await time('autosave', record, () =>
      payload.update({
        collection: 'articles',
        id,
        data: { dek: '自动保存的导语。' },
        draft: true,
        autosave: true,
        user,
        overrideAccess: false,
      }),
    )
    await time('publish', record, () =>
      payload.update({ collection: 'articles', id, data: { _status: 'published' }, user, overrideAccess: false }),
    )
  }
  const result: WriteResult = { config: which, iterations, samples }
  console.log(`RESULT ${JSON.stringify(result)}`)
  await payload.destroy()
  process.exit(0)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
