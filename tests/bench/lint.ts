/**
 * Lint + render of a 20,000-character story, against zhlint on the same text.
 *
 * The story is the founding fixture's paragraphs repeated to 20,000 characters, measured two ways: clean (after
 * the house-style fixer, what a reporter's saved story looks like) and raw (as the legacy import reads it:
 * traditional script, thousands of pinyin artifacts, half-width punctuation). One sample is lintStory +
 * renderStory (the body as Lexical, built with blocksToLexical) — what a save does besides the database.
 * zhlint runs its `run(text)` on the same text as Markdown (headline and paragraphs), once with its default
 * rule preset (zhlint actually linting) and once with no rules (its parser alone, the floor of its cost).
 *
 *   npx tsx tests/bench/lint.ts [--quick]   (NEWSROOM_FOUNDING_STORY=… to point at another copy of the fixture)
 *
 * Prints a table and writes tests/bench/results/lint.json: lint_ms_20k (clean story, lint + render, median ms)
 * and lint_vs_zhlint (that figure / zhlint's default-preset median on the same text; < 1 means faster).
 * It prints figures; nothing here asserts a timing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { run as zhlint } from 'zhlint'

import {
  type Block,
  blocksToLexical,
  fixStory,
  lintStory,
  parseStory,
  type RenderOptions,
  renderStory,
  type StoryDraft,
} from '../../plugins/house-style'
import { foundingStoryPath, resultsDir } from './support'

const TARGET_CHARACTERS = 20_000
/**
 * `--quick` (npm run bench -- --quick) takes fewer zhlint samples (about 20 ms each). Ours are under a
 * millisecond, so the quick run keeps the full warm-up and count: with 20 warm-up runs the JIT had not settled
 * and lint_vs_zhlint came out 18 % off the full run's.
 */
const quick = process.argv.includes('--quick')
const OURS = { warmUp: 50, runs: 400 }
const ZHLINT = quick ? { warmUp: 3, runs: 20 } : { warmUp: 3, runs: 30 }
const RENDER: RenderOptions = { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai' }

const characters = (blocks: Block[]) => blocks.reduce((sum, block) => sum + (block.type === 'image' ? 0 : block.text.length), 0)

/** The story's text blocks repeated until the body has TARGET_CHARACTERS characters. */
function longStory(story: StoryDraft): StoryDraft {
  const text = story.body.filter((block) => block.type !== 'image')
  const body: Block[] = []
  while (characters(body) < TARGET_CHARACTERS) body.push(...text.map((block) => ({ ...block })))
  return { ...story, body }
}

/** The same story as zhlint reads it: Markdown, headline first, a blank line between blocks. */
const asMarkdown = (story: StoryDraft) =>
  [
    `# ${story.title}`,
    ...story.body.map((block) => (block.type === 'image' ? '' : block.type === 'heading' ? `## ${block.text}` : block.text)),
  ]
    .filter(Boolean)
    .join('\n\n')

interface Timing {
  median: number
  p95: number
}

/** Blocks the samples of every measure are taken in, the measures taking turns (see timeTogether). */
const BLOCKS = 10

/**
 * Times several measures side by side: each is warmed up, then they take turns in BLOCKS blocks, so that a
 * drift in the machine's speed during the run reaches ours and zhlint's alike (measured one after the other,
 * lint_vs_zhlint moved by a quarter between two runs).
 */
function timeTogether<K extends string>(
  measures: Record<K, { sample: () => void; count: { warmUp: number; runs: number } }>,
): Record<K, Timing> {
  const names = Object.keys(measures) as K[]
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>
  for (const name of names) for (let i = 0; i < measures[name].count.warmUp; i++) measures[name].sample()
  for (let block = 0; block < BLOCKS; block++) {
    for (const name of names) {
      const { sample, count } = measures[name]
      const runs = Math.ceil(count.runs / BLOCKS)
      for (let i = 0; i < runs; i++) {
        const start = performance.now()
        sample()
        times[name].push(performance.now() - start)
      }
    }
  }
  const timing = (xs: number[]): Timing => {
    xs.sort((a, b) => a - b)
    const at = (q: number) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!
    return { median: round(at(0.5)), p95: round(at(0.95)) }
  }
  return Object.fromEntries(names.map((name) => [name, timing(times[name])])) as Record<K, Timing>
}

const round = (ms: number) => Number(ms.toFixed(3))

interface StoryFigures {
  characters: number
  findings: number
  lint: Timing
  render: Timing
  lintAndRender: Timing
  zhlint: Timing
  zhlintParseOnly: Timing
}

function measure(story: StoryDraft): StoryFigures {
  const body = blocksToLexical(story.body)
  // A fresh body array each sample, so nothing cached per story object is reused.
  const lint = () => lintStory({ ...story, body: [...story.body] })
  const render = () => renderStory({ body: body, dateline: story.dateline, credits: story.credits }, RENDER)
  const markdown = asMarkdown(story)
  const timings = timeTogether({
    lint: { sample: lint, count: OURS },
    render: { sample: render, count: OURS },
    lintAndRender: {
      sample: () => {
        lint()
        render()
      },
      count: OURS,
    },
    zhlint: { sample: () => zhlint(markdown, { rules: { preset: 'default' } }), count: ZHLINT },
    zhlintParseOnly: { sample: () => zhlint(markdown), count: ZHLINT },
  })
  return { characters: characters(story.body), findings: lint().length, ...timings }
}

export function benchLint() {
  const parsed = parseStory(readFileSync(foundingStoryPath(), 'utf8'))
  const imported: StoryDraft = {
    title: parsed.title,
    dateline: parsed.dateline && {
      outlet: parsed.dateline.outlet,
      place: parsed.dateline.place,
      date: parsed.dateline.date,
      kind: parsed.dateline.kind,
    },
    credits: parsed.credits,
    body: parsed.body,
  }
  const clean = measure(longStory(fixStory(imported).story))
  const raw = measure(longStory(imported))
  return {
    lint_ms_20k: clean.lintAndRender.median,
    lint_vs_zhlint: round(clean.lintAndRender.median / clean.zhlint.median),
    raw_lint_ms_20k: raw.lintAndRender.median,
    raw_lint_vs_zhlint: round(raw.lintAndRender.median / raw.zhlint.median),
    clean,
    raw,
    node: process.version,
    runs: { ours: OURS.runs, zhlint: ZHLINT.runs },
  }
}

function print(results: ReturnType<typeof benchLint>): void {
  const row = (cells: (string | number)[]) => cells.map((cell, i) => String(cell).padStart(i ? 15 : 32)).join(' ')
  console.log(row(['median ms (p95)', 'lint', 'render', 'lint+render', 'zhlint', 'zhlint parse', 'ours/zhlint']))
  for (const [name, figures] of [
    ['clean', results.clean],
    ['raw (as imported)', results.raw],
  ] as const) {
    const cell = (t: Timing) => `${t.median} (${t.p95})`
    console.log(
      row([
        `${name}, ${figures.characters} chars`,
        cell(figures.lint),
        cell(figures.render),
        cell(figures.lintAndRender),
        cell(figures.zhlint),
        cell(figures.zhlintParseOnly),
        round(figures.lintAndRender.median / figures.zhlint.median),
      ]),
    )
  }
  console.log(
    `findings: clean ${results.clean.findings}, raw ${results.raw.findings}; ${results.runs.ours} samples each (zhlint ${results.runs.zhlint}), Node ${results.node}`,
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const results = benchLint()
  print(results)
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, 'lint.json')
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
