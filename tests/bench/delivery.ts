/**
 * Delivery benchmark (a script that prints figures, never a test):
 *
 *   node --conditions=production --import tsx tests/bench/delivery.ts [--quick]
 *   (or as part of `npm run bench`; the condition avoids Node 20's Lexical top-level-await deadlock: scripts/lexical-build.mjs)
 *
 * Boots the Newsroom config in this process on a fresh SQLite file (or BENCH_DATABASE_URI, e.g. PostgreSQL),
 * with 10 webhook channels pointing at 10 signature-verifying receivers in a child process on loopback, and a
 * jobs runner ticking every second as the server's does. It measures
 *   1. publish → delivered latency: stories published one at a time through the editorial workflow; for each of
 *      the 10 channels, the time from the publish returning (the story is public) to the receiver acknowledging
 *      its signed NINJS push — p50 / p95 / max (immediate dispatch on, as configured by default);
 *   2. delivery throughput: a backlog of deliveries drained by back-to-back job runs (20 at a time, as the
 *      server's runner takes them), in deliveries per second — timing first a recovery sweep over that backlog,
 *      all of it due — beside
 *   3. a raw signed-POST loop (sendWebhook with the same payload shape, 20 in flight) to the same receivers —
 *      the transport alone, without the queue, the attempt log or the database.
 * Writes tests/bench/results/delivery.json (key publish_to_delivered_p95_ms); on PostgreSQL delivery-postgres.json.
 */
import { fork } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'

const quick = process.argv.includes('--quick')
const plan = quick ? { latencyStories: 12, backlogStories: 20 } : { latencyStories: 40, backlogStories: 60 }
const CHANNELS = 10
const RUNNER_LIMIT = 20

const repoRoot = path.resolve(import.meta.dirname, '../..')
const resultsDir = path.join(repoRoot, 'tests/bench/results')
const work = mkdtempSync(path.join(tmpdir(), 'newsroom-bench-delivery-'))
const benchDatabase = process.env.BENCH_DATABASE_URI
Object.assign(process.env, {
  DATABASE_URI: benchDatabase || `file:${path.join(work, 'bench.db')}`,
  NEWSROOM_DATA_DIR: work,
  NEWSROOM_SEED: 'false',
  PAYLOAD_SECRET: 'bench-secret',
  NEXT_TELEMETRY_DISABLED: '1',
  NEWSROOM_CHANNEL_ALLOWLIST: '127.0.0.1:*',
  NEWSROOM_PUBLIC_URL: 'https://news.example.cn',
})
const SECRET = `whsec_${Buffer.from('newsroom-bench-secret-0123456789abcdef').toString('base64')}`

const log = (message: string) => console.log(`[delivery bench] ${message}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN
  return {
    n: sorted.length,
    p50: Math.round(q(0.5)),
    p95: Math.round(q(0.95)),
    max: Math.round(sorted.at(-1) ?? NaN),
    mean: Math.round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
  }
}

// ── receivers (child process) ──────────────────────────────────────────────────────────────────────────────
const receivers = fork(path.join(import.meta.dirname, 'delivery-receivers.ts'), [String(CHANNELS), SECRET], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
const acknowledged = new Map<string, number>()
const received: { id: string; at: number; status: number }[] = []
const urls = await new Promise<string[]>((resolve) => {
  receivers.on('message', (message: { type: string; urls?: string[]; id?: string; at?: number; status?: number }) => {
    if (message.type === 'ready') resolve(message.urls!)
    if (message.type === 'received') {
      received.push({ id: message.id!, at: message.at!, status: message.status! })
      if (message.status! < 300 && !acknowledged.has(message.id!)) acknowledged.set(message.id!, message.at!)
    }
  })
})

// ── the desk ───────────────────────────────────────────────────────────────────────────────────────────────
const bootStarted = Date.now()
const { getPayload } = await import('payload')
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const { takeWorkflowAction } = await import('../../plugins/editorial-workflow')
const { sendWebhook } = await import('../../plugins/distribution/src/channel-types/webhook/send-webhook')
const { sweepDeliveries, webhookBody } = await import('../../plugins/distribution')
const { lexical } = await import('../support/lexical')
log(`booted on ${payload.db.name} in ${Date.now() - bootStarted} ms`)
// tests/bench/run.ts watches for this line (module loading under tsx occasionally stalls on this machine).
console.log('BOOTED')

const author = await payload.create({ collection: 'authors', data: { name: '丁宪民', roles: ['reporter'] } })
const region = await payload.create({ collection: 'regions', data: { name: '兴仁市', shortName: '兴仁', level: 'county', code: '522322' } })
const section = await payload.create({ collection: 'sections', data: { name: '党建', slug: 'dang-jian' } })
const editor = await payload.create({
  collection: 'users',
  data: { email: 'bench-editor@newsroom.test', password: 'bench-password-123', roles: ['editor'], name: '王丽' },
})
for (let i = 0; i < CHANNELS; i++) {
  await payload.create({
    collection: 'channels',
    data: {
      name: `合作网站${i + 1}`,
      type: 'webhook',
      enabled: true,
      url: urls[i],
      secret: SECRET,
      ...(i % 3 === 2 ? { script: 'zh-Hant-TW' } : {}),
    },
  })
}

const PARAGRAPHS = [
  '按照基层组织建设年整顿提高阶段任务要求，结合工作实际，兴仁县采取“三抓三强”措施，进一步加快后进党组织转化速度。',
  '以加强班子队伍建设为抓手，进一步增强基层党组织的凝聚力和战斗力，实现了全县162个村（居、社区）支书赴华西学习的全覆盖。',
  '对全县12个后进党组织进行深入调研，找准后进原因，在12个村成立帮促工作组，帮促转化覆盖率达100%。',
  '通过“三抓三强”措施的落实，4个后进党组织已成功转化为一般党支部。',
]
const body = lexical(...PARAGRAPHS)

let serial = 0
async function publish(): Promise<{ id: string | number; publishedAt: number }> {
  serial++
  const story = await payload.create({
    collection: 'articles',
    data: {
      title: `兴仁县“三抓三强”见实效（${serial}）`,
      body,
      dateline: { outlet: '亮点黔西南', place: region.id, kind: 'xun' },
      credits: [{ author: author.id, role: 'reporter' }],
      section: section.id,
      region: region.id,
      _status: 'draft',
    },
    draft: true,
    user: editor,
    overrideAccess: false,
  })
  await takeWorkflowAction(payload, { user: editor as never, id: story.id, action: 'publish' })
  return { id: story.id, publishedAt: Date.now() }
}

/** Each delivery row's `webhook-id` (msg_ + ULID), which is what a receiver reports back. */
const messageOf = new Map<string, string>()
/** When the receiver acknowledged this delivery row, if it has. */
const ackedAt = (deliveryId: string): number | undefined => acknowledged.get(messageOf.get(deliveryId) ?? '')

async function deliveryIdsOf(storyId: string | number): Promise<string[]> {
  const { docs } = await payload.db.find({
    collection: 'deliveries',
    where: { article: { equals: storyId } },
    limit: 0,
    pagination: false,
    select: { id: true, webhookId: true },
  })
  for (const d of docs as { id: unknown; webhookId?: unknown }[]) messageOf.set(String(d.id), String(d.webhookId))
  return (docs as { id: unknown }[]).map((d) => String(d.id))
}

// The server's runner: every second, up to 20 due jobs (src/job-runner.ts).
let runnerOn = true
const runner = (async () => {
  while (runnerOn) {
    await payload.jobs.run({ allQueues: true, limit: RUNNER_LIMIT, silent: true }).catch(() => undefined)
    await sleep(1000)
  }
})()

// ── 1. publish → delivered ─────────────────────────────────────────────────────────────────────────────────
const latencies: number[] = []
const publishMs: number[] = []
/** Publish returned → attempt claimed (dispatch), and claimed → acknowledged (the attempt itself). */
const dispatchDelays: number[] = []
const attemptTimes: number[] = []
for (let i = 0; i < plan.latencyStories; i++) {
  const t0 = Date.now()
  const { id, publishedAt } = await publish()
  publishMs.push(publishedAt - t0)
  const ids = await deliveryIdsOf(id)
  const deadline = Date.now() + 30_000
  while (ids.some((d) => ackedAt(d) === undefined) && Date.now() < deadline) await sleep(5)
  for (const d of ids) latencies.push((ackedAt(d) ?? Number.NaN) - publishedAt)
  const { docs: attempts } = await payload.db.find({
    collection: 'delivery-attempts',
    where: { delivery: { in: ids } },
    limit: 0,
    pagination: false,
  })
  for (const a of attempts as unknown as { delivery: unknown; startedAt: string }[]) {
    const started = Date.parse(a.startedAt)
    dispatchDelays.push(started - publishedAt)
    const ack = ackedAt(String(a.delivery))
    if (ack) attemptTimes.push(ack - started)
  }
  await sleep(150)
}
const lost = latencies.filter((x) => !Number.isFinite(x)).length
const latency = stats(latencies.filter(Number.isFinite))
log(
  `publish → delivered over ${plan.latencyStories} stories × ${CHANNELS} channels: p50 ${latency.p50} ms, p95 ${latency.p95} ms, max ${latency.max} ms (${lost} not delivered within 30 s); publish itself p50 ${stats(publishMs).p50} ms`,
)
const dispatch = stats(dispatchDelays)
const attemptStats = stats(attemptTimes)
log(
  `  of which: publish → attempt claimed p50 ${dispatch.p50} ms / p95 ${dispatch.p95} ms; claimed → acknowledged p50 ${attemptStats.p50} ms / p95 ${attemptStats.p95} ms`,
)

// ── 2. throughput of the queue ─────────────────────────────────────────────────────────────────────────────
runnerOn = false
await runner
const options = (payload.config.custom as { distribution: { options: { delivery: { immediate: boolean; recoveryGraceMs: number } } } })
  .distribution.options
options.delivery.immediate = false // build a backlog: publish without dispatching
const backlog: string[] = []
for (let i = 0; i < plan.backlogStories; i++) backlog.push(...(await deliveryIdsOf((await publish()).id)))
await sleep(300)

// The recovery sweep over that backlog, as it runs when the runner has fallen behind by more than the grace
// period: every one of these deliveries is then "due since longer than the grace" and gets looked at.
const sweepMs: number[] = []
let sweepReport: unknown
for (let round = 0; round < 3; round++) {
  const started = performance.now()
  sweepReport = await sweepDeliveries(payload, options as never, Date.now() + options.delivery.recoveryGraceMs + 1000)
  sweepMs.push(performance.now() - started)
}
const sweep = stats(sweepMs)
log(`recovery sweep over the ${backlog.length} waiting deliveries: median ${sweep.p50} ms of 3 (${JSON.stringify(sweepReport)})`)

const drainStarted = Date.now()
const pending = () => backlog.filter((d) => ackedAt(d) === undefined).length
while (pending() > 0 && Date.now() - drainStarted < 300_000) {
  await payload.jobs.run({ queue: 'distribution', limit: RUNNER_LIMIT, silent: true })
  // Let the receivers' messages in: with nothing left to run, a job run on SQLite settles in microtasks alone, and
  // this loop would starve the IPC channel until its time limit (the drain then "took" 300 s at 2 deliveries/s,
  // every delivery long done, the last acknowledgement waiting unread; seen in 5 of 6 runs beside CI).
  await new Promise((resolve) => setImmediate(resolve))
}
const drainMs = Date.now() - drainStarted
const queuePerSecond = Math.round((backlog.length / drainMs) * 1000 * 10) / 10
log(`queue: ${backlog.length} deliveries drained in ${drainMs} ms → ${queuePerSecond} deliveries/s (${RUNNER_LIMIT} per job run)`)

// ── 3. raw signed POSTs ────────────────────────────────────────────────────────────────────────────────────
const { docs: sample } = await payload.db.find({ collection: 'deliveries', limit: 1, pagination: false })
const article = (sample[0] as unknown as { snapshot: never }).snapshot
const rawCount = backlog.length
let next = 0
const rawStarted = Date.now()
await Promise.all(
  Array.from({ length: RUNNER_LIMIT }, async () => {
    for (;;) {
      const n = next++
      if (n >= rawCount) return
      const result = await sendWebhook({
        url: urls[n % CHANNELS]!,
        secret: SECRET,
        id: `raw-${n}`,
        payload: webhookBody(article, 'published', {}, new Date().toISOString()),
      })
      if (!result.ok) throw new Error(`raw POST failed: ${result.error}`)
    }
  }),
)
const rawMs = Date.now() - rawStarted
const rawPerSecond = Math.round((rawCount / rawMs) * 1000 * 10) / 10
log(`raw signed POST loop: ${rawCount} POSTs in ${rawMs} ms → ${rawPerSecond} POSTs/s (${RUNNER_LIMIT} in flight)`)

const result = {
  publish_to_delivered_p50_ms: latency.p50,
  publish_to_delivered_p95_ms: latency.p95,
  publish_to_delivered_max_ms: latency.max,
  publish_to_delivered_samples: latency.n,
  publish_to_delivered_lost: lost,
  publish_action_p50_ms: stats(publishMs).p50,
  publish_to_attempt_start_p50_ms: dispatch.p50,
  publish_to_attempt_start_p95_ms: dispatch.p95,
  attempt_to_acknowledged_p50_ms: attemptStats.p50,
  attempt_to_acknowledged_p95_ms: attemptStats.p95,
  queue_deliveries_per_s: queuePerSecond,
  recovery_sweep_backlog_ms: sweep.p50,
  raw_signed_posts_per_s: rawPerSecond,
  queue_vs_raw: Math.round((queuePerSecond / rawPerSecond) * 100) / 100,
  channels: CHANNELS,
  latency_stories: plan.latencyStories,
  backlog_deliveries: backlog.length,
  database: payload.db.name,
  quick,
  node: process.version,
  cpus: cpus().length,
  load_average: loadavg().map((x) => Math.round(x * 100) / 100),
  date: new Date().toISOString(),
}
mkdirSync(resultsDir, { recursive: true })
const resultFile = /^postgres(ql)?:/.test(benchDatabase ?? '') ? 'delivery-postgres.json' : 'delivery.json'
writeFileSync(path.join(resultsDir, resultFile), JSON.stringify(result, null, 2) + '\n')
console.log(JSON.stringify(result, null, 2))
log(`wrote tests/bench/results/${resultFile}`)

receivers.send({ type: 'stop' })
await payload.destroy().catch(() => undefined)
rmSync(work, { recursive: true, force: true })
process.exit(0)
