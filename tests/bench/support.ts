/**
 * Shared by the benchmark scripts: where things are, the founding story's paragraphs in house style, the
 * desk's stand-in people and places, variant stories, and the statistics every figure is reported with.
 */
import { seededRandom } from '../support/seeded-random'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { type Block, readLegacyStory, type StoryDraft } from '../../plugins/house-style'
import { lexicalBuild } from '../../scripts/lexical-build.mjs'
import type { WriteOperation } from './write'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const resultsDir = path.join(repoRoot, 'tests/bench/results')

/** ../shared/fixtures relative to the repository (CI), or NEWSROOM_FOUNDING_STORY. */
export function foundingStoryPath(): string {
  const candidates = [
    process.env.NEWSROOM_FOUNDING_STORY,
    path.resolve(repoRoot, '..', 'shared', 'fixtures', 'founding-article.md'),
    '/work/shared/fixtures/founding-article.md',
  ].filter((p): p is string => Boolean(p))
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`founding story not found (tried ${candidates.join(', ')}); set NEWSROOM_FOUNDING_STORY`)
  return found
}

/**
 * The fixture lost one span to an encoding error (see src/seed/demo-content.ts). The desk's restoration is
 * applied so that the benchmark stories can be published (encoding-damage is a style error).
 */
const RESTORATIONS: [string, string][] = [['德才兼?zhèn)洹⒐降脑瓌t', '德才兼備、公平的原則']]

export function foundingSource(): string {
  return RESTORATIONS.reduce((text, [damaged, restored]) => text.replace(damaged, restored), readFileSync(foundingStoryPath(), 'utf8'))
}

/** The founding story after the house-style fixer: simplified script, no pinyin artifacts, full-width punctuation. */
export function foundingStory(): StoryDraft {
  return readLegacyStory(foundingSource(), { fix: true, context: { houseScript: 'zh-Hans', datelinePreset: 'outlet-xun' } }).story
}

export interface FoundingParts {
  story: StoryDraft
  headings: string[]
  paragraphs: string[]
}

export function foundingParts(): FoundingParts {
  const story = foundingStory()
  const text = (type: Block['type']) => story.body.flatMap((b) => (b.type === type && b.type !== 'image' ? [b.text] : []))
  return { story, headings: text('heading'), paragraphs: text('paragraph') }
}

// Stand-in desk: Guizhou places (GB/T 2260), sections, reporters and correspondents.
export const REGIONS = [
  { name: '贵州省', shortName: '贵州', level: 'province', code: '520000' },
  { name: '贵阳市', shortName: '贵阳', level: 'prefecture', code: '520100' },
  { name: '黔西南布依族苗族自治州', shortName: '黔西南', level: 'prefecture', code: '522300' },
  { name: '兴义市', shortName: '兴义', level: 'county', code: '522301' },
  { name: '兴仁市', shortName: '兴仁', level: 'county', code: '522322' },
  { name: '普安县', shortName: '普安', level: 'county', code: '522323' },
  { name: '晴隆县', shortName: '晴隆', level: 'county', code: '522324' },
  { name: '贞丰县', shortName: '贞丰', level: 'county', code: '522325' },
  { name: '望谟县', shortName: '望谟', level: 'county', code: '522326' },
  { name: '册亨县', shortName: '册亨', level: 'county', code: '522327' },
  { name: '安龙县', shortName: '安龙', level: 'county', code: '522328' },
] as const

export const SECTIONS = [
  { name: '时政', slug: 'shi-zheng' },
  { name: '党建', slug: 'dang-jian' },
  { name: '经济', slug: 'jing-ji' },
  { name: '社会', slug: 'she-hui' },
  { name: '乡村振兴', slug: 'xiang-cun-zhen-xing' },
  { name: '教育', slug: 'jiao-yu' },
] as const

export const AUTHOR_NAMES = [
  '丁宪民',
  '王丽',
  '李平',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄敏',
  '周杰',
  '吴芳',
  '徐强',
  '孙悦',
  '马骏',
  '朱红',
  '胡斌',
  '郭琳',
  '何涛',
  '罗佳',
  '梁晨',
] as const

export const CREDIT_ROLES = ['reporter', 'correspondent', 'photographer', 'editor'] as const

/** Deterministic PRNG: the same run seeds the same data. */
export const prng = seededRandom

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!

/** A variant body: the founding story's sections (heading + paragraph) in a different order, some left out. */
export function variantBlocks(parts: FoundingParts, random: () => number): Block[] {
  const lede = parts.paragraphs[0]!
  const sections = parts.headings.map((heading, i) => ({ heading, paragraph: parts.paragraphs[i + 1] }))
  const closing = parts.paragraphs.slice(parts.headings.length + 1)
  const kept = shuffled(sections, random).slice(0, 1 + Math.floor(random() * sections.length))
  const blocks: Block[] = [{ type: 'paragraph', text: lede }]
  for (const s of kept) {
    blocks.push({ type: 'heading', text: s.heading })
    if (s.paragraph) blocks.push({ type: 'paragraph', text: s.paragraph })
  }
  for (const p of closing) blocks.push({ type: 'paragraph', text: p })
  return blocks
}

const HEADLINE_TOPICS = ['基层党建', '乡村振兴', '产业发展', '干部培训', '督查落实', '民生实事', '教育帮扶', '生态保护']

/** A headline of house length (≤ 30 characters) that differs per article. */
export function variantHeadline(i: number, place: string, random: () => number): string {
  return `${place}${pick(HEADLINE_TOPICS, random)}“三抓三强”见实效（${i + 1}）`
}

export function isoDay(i: number): string {
  const d = new Date(Date.UTC(2026, 10, 26) - (i % 900) * 86_400_000)
  return d.toISOString().slice(0, 10)
}

// Statistics.
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[idx]!
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  }
}

export const round = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null) as number

/** The suite added back to vanilla a layer at a time (vanilla.config.ts, BENCH_LAYER). */
export const BENCH_LAYERS = ['fields-without-credits', 'fields', 'house-style', 'workflow'] as const

/** Steps save-layers.ts adds between those: the workflow's fields without its behaviour, and distribution. */
export const FINER_LAYERS = ['workflow-fields', 'distribution'] as const

/** The workflow layer with part of its storage changed, to see what that would save (vanilla.config.ts). */
export const SAVE_WHAT_IFS = [
  'workflow-without-rendered',
  'workflow-credits-as-json',
  'workflow-corrections-as-json',
  'workflow-lean',
] as const

/** A side of the save benchmark: vanilla, vanilla with a layer of the suite added back (vanilla.config.ts), or the suite. */
export type SaveLayer = 'vanilla' | (typeof BENCH_LAYERS)[number] | (typeof FINER_LAYERS)[number] | (typeof SAVE_WHAT_IFS)[number] | 'suite'

/** A layer of the save benchmark that runs beside the suite (the suite is always the other side). */
export type PairedSaveLayer = Exclude<SaveLayer, 'suite'>

/**
 * BENCH_SAVE_DEPTH: the depth each benchmarked save answers with. Unset, the Local API's default (the config's
 * `defaultDepth`, 2), as an API client saving without `?depth` gets it; the admin's own save, autosave and publish
 * ask for 0.
 */
export const SAVE_DEPTH = process.env.BENCH_SAVE_DEPTH ? Number(process.env.BENCH_SAVE_DEPTH) : undefined

/** The README's save: a draft, an edit and a publish (the autosave is the edit again, as Payload writes it). */
export const SAVE_OPS: WriteOperation[] = ['createDraft', 'updateDraft', 'publish']
/** A save's time from write.ts samples: the sum of the three operations' medians. */
export const saveMs = (samples: Record<WriteOperation, number[]>) => SAVE_OPS.reduce((t, op) => t + summarise(samples[op]).median, 0)

/** Environment a child benchmark process needs to boot Payload on a database: a DATABASE_URI or an SQLite file. */
export function payloadEnv(database: string, dataDir: string): Record<string, string> {
  return {
    DATABASE_URI: /^[a-z]+:/.test(database) ? database : `file:${database}`,
    NEWSROOM_DATA_DIR: dataDir,
    NEWSROOM_SEED: 'false',
    PAYLOAD_SECRET: 'bench-secret',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    // Required in production; a bench server that listens elsewhere (PORT=0) sets its own.
    NEWSROOM_PUBLIC_URL: 'http://localhost:3000',
  }
}

/** Read a JSON line `RESULT {...}` a child printed. */
export function resultLine<T>(output: string): T {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('RESULT '))
  if (!line) throw new Error(`no RESULT line in output:\n${output.slice(-4000)}`)
  return JSON.parse(line.slice('RESULT '.length)) as T
}

/**
 * BENCH_SQLITE=wal re-applies write-ahead logging with synchronous=NORMAL to the booted adapter (the shipped
 * adapter, src/database.ts, already runs so; kept for databases made before it). Without this variable nothing is
 * changed. (Payload's transactions, once a what-if here, are on for SQLite files since issue #11.)
 */
export async function applySqliteTuning(payload: { db: unknown }): Promise<void> {
  const mode = process.env.BENCH_SQLITE ?? ''
  const db = payload.db as { client?: { execute(sql: string): Promise<unknown> } }
  if (mode.includes('wal') && db.client) {
    await db.client.execute('PRAGMA journal_mode=WAL')
    await db.client.execute('PRAGMA synchronous=NORMAL')
  }
}

/** Lexical's production build, loaded directly: its Node entries can deadlock on Node 20 (scripts/lexical-build.mjs). */
export const LEXICAL_BUILD = [lexicalBuild('production')]

/** Seconds a child may take to boot Payload before it counts as stalled. */
export const BOOT_TIMEOUT_S = 60

export interface BenchChildOptions {
  /** Killed after this many seconds (default 900). */
  timeoutS?: number
  nodeArgs?: string[]
  /** The child prints BOOTED once Payload is up; kill and retry it if it has not by BOOT_TIMEOUT_S. */
  bootWatch?: boolean
  /** Told each time a child stalled while booting, before it is started again. */
  onStall?: (attempt: number) => void
}

export interface BenchChildResult {
  code: number | null
  output: string
}

function runBenchChildOnce(script: string, args: string[], env: Record<string, string>, options: BenchChildOptions) {
  const timeoutS = options.timeoutS ?? 900
  return new Promise<BenchChildResult & { stalled: boolean }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--no-deprecation', ...(options.nodeArgs ?? []), ...LEXICAL_BUILD, '--import', 'tsx', script, ...args],
      { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    let stalled = false
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      output += `\n[bench] killed after ${timeoutS} s`
      child.kill('SIGKILL')
    }, timeoutS * 1000)
    // Module loading under the tsx loader occasionally stalls for good on this machine (no CPU, no I/O, no
    // output). A child that has not booted (printed BOOTED) within BOOT_TIMEOUT_S is killed and retried.
    const boot = !options.bootWatch
      ? undefined
      : setTimeout(() => {
          if (!output.includes('BOOTED')) {
            stalled = true
            child.kill('SIGKILL')
          }
        }, BOOT_TIMEOUT_S * 1000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (boot) clearTimeout(boot)
      resolve({ code, output, stalled })
    })
  })
}

/** A benchmark script in a child process (tsx, Lexical's production build), retried up to twice if it stalls booting. */
export async function runBenchChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: BenchChildOptions = {},
): Promise<BenchChildResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runBenchChildOnce(script, args, env, options)
    if (!result.stalled || attempt >= 3) return result
    options.onStall?.(attempt)
  }
}
