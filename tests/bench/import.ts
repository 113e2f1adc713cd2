/**
 * Import throughput on an SQLite file database, as a user running `newsroom import DIR` has it.
 *   node --import tsx tests/bench/import.ts files DIR COUNT      write COUNT variant legacy stories into DIR
 *   node --import tsx tests/bench/import.ts import DIR          importFiles(), what `newsroom import DIR` runs after boot
 *   node --import tsx tests/bench/import.ts raw DIR             the same parsed data through payload.create only
 *   BENCH_CONFIG=vanilla … import.ts raw DIR                    the same, in Payload without the suite's plugins
 * Variants come from the founding story as it reached us (traditional script, pinyin artifacts, half-width
 * punctuation): different headlines, section order, credits, and one in three in wire form with a dated
 * dateline (新華社貴陽3月5日電（記者 …）). Each run prints `RESULT {json}`; boot time is not counted.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { createLocalReq, getPayload } from 'payload'

import { blocksToLexical, creditsToFields, datelineToFields, resolveHouseStyleOptions } from '../../plugins/house-style'
import { readLegacyStory } from '../../plugins/house-style'
import { importFiles, peakRssMb, storyFiles as storyFilesOf } from '../../src/cli/import'
import { importKeyOf } from '../../src/import/import-story'
import { startReadingThread } from '../../src/import/story-reader'
import { applySqliteTuning, foundingSource, pick, prng, shuffled } from './support'

const TRADITIONAL_NAMES = ['丁憲民', '王麗', '李平', '張偉', '劉洋', '陳靜', '楊帆', '趙磊', '黃敏', '周傑', '吳芳', '徐強']
const TITLE_TAILS = ['', '（二）', '（續）', '：一線觀察', '紀實', '調查']

export function writeVariantFiles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true })
  const lines = foundingSource().replace(/\r\n/g, '\n').trim().split('\n')
  const [title, lede] = [lines[0]!, lines[1]!]
  const pairs: [string, string][] = []
  for (let i = 2; i + 1 < lines.length - 2; i += 2) pairs.push([lines[i]!, lines[i + 1]!])
  const closing = lines[lines.length - 2]!
  const image = lines[lines.length - 1]!
  const random = prng(77)
  for (let i = 0; i < count; i++) {
    const reporter = pick(TRADITIONAL_NAMES, random)
    const wire = i % 3 === 2
    const month = 1 + (i % 12)
    const day = 1 + (i % 28)
    const head = `${title}${pick(TITLE_TAILS, random)}（${i + 1}）`
    const firstLine = wire
      ? lede.replace(/^.*?訊 /, `新華社貴陽${month}月${day}日電（記者 ${reporter} 通訊員 ${pick(TRADITIONAL_NAMES, random)}）`)
      : lede
    const end = wire ? closing.replace(/\(.*? 報道\)$/, '') : closing.replace(/\(.*? 報道\)$/, `(${reporter} 報道)`)
    // No two stories of an archive have the same text: each paragraph's first figure is the story's own (a memo
    // keyed by a body's text must not find the story before it in the benchmark when it could not in an archive).
    const body = shuffled(pairs, random)
      .flat()
      .map((line) => line.replace(/\d+/, (figure) => String(Number(figure) + i)))
    writeFileSync(path.join(dir, `story-${String(i + 1).padStart(4, '0')}.md`), [head, firstLine, ...body, end, image].join('\n') + '\n')
  }
}

/** The suite; or, for `raw` with BENCH_CONFIG=vanilla, Payload without the suite's plugins on the same schema. */
async function boot() {
  if (process.env.BENCH_CONFIG === 'vanilla') {
    const { default: config } = await import('./vanilla.config')
    const payload = await getPayload({ config })
    await payload.db.migrate()
    return payload
  }
  const { default: config } = await import('../../payload.config')
  return getPayload({ config })
}

const storyFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(dir, f))
/** The archive as `newsroom import DIR` reads it: one directory entry at a time. */
const storyStream = (dir: string) => storyFilesOf([dir])

async function main() {
  // Module loading under tsx holds no handle: without this the event loop can drain and exit 0 mid-import.
  setInterval(() => undefined, 1000)
  const [mode, dir, countArg] = process.argv.slice(2)
  if (!dir) throw new Error('usage: import.ts files|import|raw DIR [COUNT]')
  if (mode === 'files') {
    writeVariantFiles(dir, Number(countArg ?? 500))
    console.log(`RESULT ${JSON.stringify({ files: Number(countArg ?? 500) })}`)
    process.exit(0)
  }
  // As `newsroom import` does: the reading thread loads while Payload boots.
  const readingThread = mode === 'import' ? startReadingThread() : undefined
  const payload = await boot()
  console.log('BOOTED')
  await applySqliteTuning(payload)
  const files = mode === 'import' ? [] : storyFiles(dir)
  // CPU of every thread of this process (V8's collector threads, the database driver) over the timed part.
  const cpuAtStart = process.cpuUsage()
  let count = files.length
  const samples: number[] = []
  let seconds: number
  if (mode === 'import') {
    // What `newsroom import DIR` runs once Payload is up (src/cli/import.ts): batches of stories, each batch one
    // transaction. Stories finish a batch at a time, so the per-story figure is the batch's time per story.
    const started = performance.now()
    let last = started
    let pending = 0
    // A batch reports its stories together once it commits: its time is shared among them.
    const settle = () => {
      const now = performance.now()
      for (let i = 0; i < pending; i++) samples.push((now - last) / pending)
      pending = 0
      last = now
    }
    const { summary, failures } = await importFiles(payload, storyStream(dir), {
      publish: false,
      readingThread,
      onDone: () => {
        if (pending++ === 0) setImmediate(settle)
      },
    })
    settle()
    seconds = (performance.now() - started) / 1000
    if (summary.failed) throw new Error(`import failed for ${summary.failed} file(s): ${failures.slice(0, 3).join('; ')}`)
    count = summary.created + summary.updated
  } else if (mode === 'raw') {
    // Parse, fix and resolve names to ids first (not timed): the timed part is payload.create alone.
    const houseStyle = resolveHouseStyleOptions(payload.config.custom?.houseStyle)
    const req = await createLocalReq({}, payload)
    const prepared: Record<string, unknown>[] = []
    for (const file of files) {
      if (process.env.BENCH_DEBUG) console.log('prepare', file)
      const source = readFileSync(file, 'utf8')
      const { story } = readLegacyStory(source, {
        fix: true,
        context: { houseScript: houseStyle.houseScript, datelinePreset: houseStyle.datelinePreset },
      })
      prepared.push({
        title: story.title,
        body: blocksToLexical(story.body),
        dateline: story.dateline ? await datelineToFields(req, houseStyle, story.dateline) : undefined,
        credits: await creditsToFields(req, houseStyle, story.credits),
        importKey: importKeyOf(source),
        _status: 'draft',
      })
    }
    const started = performance.now()
    for (const data of prepared) {
      if (process.env.BENCH_DEBUG) console.log('create', data.title)
      const t = performance.now()
      await payload.create({ collection: 'articles', data: data, draft: true, depth: 0 })
      samples.push(performance.now() - t)
    }
    seconds = (performance.now() - started) / 1000
  } else {
    throw new Error(`unknown mode ${mode}`)
  }
  const result = {
    mode,
    articles: count,
    seconds: Number(seconds.toFixed(3)),
    articlesPerSecond: Number((count / seconds).toFixed(1)),
    peakRssMb: Math.round(peakRssMb()),
    cpuSeconds: Number(((process.cpuUsage(cpuAtStart).user + process.cpuUsage(cpuAtStart).system) / 1e6).toFixed(2)),
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    samples,
  }
  console.log(
    `${mode}: ${count} stories in ${seconds.toFixed(1)} s, ${result.articlesPerSecond} stories/s, peak RSS ${result.peakRssMb} MB, ${result.cpuSeconds} s of CPU, load average ${result.loadAverage.join(' ')}`,
  )
  console.log(`RESULT ${JSON.stringify(result)}`)
  await payload.destroy()
  process.exit(0)
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
