/**
 * Fault injection: the built server (src/server.ts, as `npm start` runs it) is SIGKILLed at seeded random
 * moments while desk users drive workflow transitions through its REST API and `newsroom import --publish`
 * brings stories in, then restarted on the same database (a SQLite file, or a PostgreSQL database) — as
 * many times as it takes to pass 200 transitions. A power loss takes the importing process down with the
 * server. After the last restart, for every story:
 *   • its row agrees with its history (stage, public state, sequence; the latest version too);
 *   • it takes its next allowed action through the API as the user whose job that is;
 *   • each publication event in its history reached the webhook receiver exactly once (one delivery row,
 *     one distinct webhook-id), and nothing else did.
 * The seed is printed; CRASH_SEED=<seed> repeats a run's kill points.
 */
import type { Payload } from 'payload'

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  // A SQLite file both processes can open (tests/support/env-setup.ts gave this file a temp folder of its own).
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${process.env.NEWSROOM_DATA_DIR}/crash.db`
})

import { LIVE_STAGES, TRANSITIONS, type Stage, type WorkflowAction } from '../../plugins/editorial-workflow'
import { cliBundle, ensureCliBundle } from '../../scripts/ensure-build.mjs'
import { foundingStoryPath, restoredFoundingStory } from '../../src/seed/demo-content'
import { TEST_PASSWORD } from '../support/desk-users'
import { setUpDesk } from '../support/desk'
import { rest as inProcess } from '../support/http'
import { lexical } from '../support/lexical'
import { bootDesk, type TestDesk } from '../support/payload'
import { seededRandom } from '../support/seeded-random'
import { freePort } from '../support/free-port'
import { FAST_RECOVERY_ENV, lexicalProductionBuild, startApp, type RunningApp } from '../support/server'
import { until } from '../support/wait'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import { callApp, logInToApp } from '../support/app-client'
import { writeArtifact } from '../support/artifacts'

type Id = string | number
type Doc = Record<string, any>

// A fixed default seed, so CI repeats a run that is known to pass; CRASH_SEED=random (or a number) explores others.
const SEED = process.env.CRASH_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.CRASH_SEED ?? 1145945922)
const random = seededRandom(SEED)
const TRANSITIONS_WANTED = 200
const STORIES = 32
const WORKERS = 8
const IMPORTS_PER_ROUND = 4
const SECRET = `whsec_${Buffer.from('crash-consistency-secret-0123456').toString('base64')}`
const root = path.resolve(import.meta.dirname, '../..')

const SERVER_ENV = FAST_RECOVERY_ENV

let desk: TestDesk
let payload: Payload
let receiver: WebhookReceiver
let app: RunningApp | undefined
let importer: ChildProcess | undefined
/** The server comes back on its own address, as a restarted production server does. */
let origin: { PORT: string; NEWSROOM_PUBLIC_URL: string }
const emails: Record<'reporter' | 'editor', string> = { reporter: '', editor: '' }
const tokens: Record<'reporter' | 'editor', string> = { reporter: '', editor: '' }
const stories: Id[] = []
const logs: string[] = []

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The server's last ERROR entries with the lines that follow each (the stack), colour codes removed. */
function lastErrors(output: string): string {
  const lines = stripVTControlCharacters(output).split('\n')
  const starts = lines.flatMap((line, i) => (/\bERROR\b/.test(line) ? [i] : [])).slice(-3)
  return starts.map((i) => lines.slice(i, i + 12).join('\n')).join('\n') || '(no ERROR in its output)'
}

async function startServer() {
  app = await startApp(
    { ...SERVER_ENV, ...origin, PAYLOAD_SECRET: 'crash-e2e-secret' },
    { databaseUri: process.env.DATABASE_URI!, startTimeoutMs: 240_000 },
  )
  return app
}

/** SIGKILL: no shutdown hook runs, whatever the server was writing stays half-written. */
async function killServer() {
  const running = app
  app = undefined
  if (!running) return
  logs.push(running.output())
  await running.stop('SIGKILL')
}

async function api(method: string, urlPath: string, token: string, body?: unknown): Promise<{ status: number; body: Doc }> {
  const answer = await callApp<Doc | null>(app!.url, method, `/api${urlPath}`, { token, body })
  return { status: answer.status, body: answer.body ?? {} }
}

const login = (email: string) => logInToApp(app!.url, email, TEST_PASSWORD)

let corrections = 0
/** The action a desk would take next on a story in `stage`, and whose job it is; null for a retraction. */
function nextAction(
  stage: Stage,
  choose: () => number = random,
): { action: WorkflowAction; as: 'reporter' | 'editor'; note?: string; publishAt?: string } | null {
  const r = choose()
  switch (stage) {
    case 'draft':
      return r < 0.2 ? { action: 'publish', as: 'editor' } : { action: 'submit', as: 'reporter' }
    case 'changes_requested':
      return { action: 'submit', as: 'reporter' }
    case 'submitted':
      return r < 0.75 ? { action: 'approve', as: 'editor' } : { action: 'requestChanges', as: 'editor', note: '请补充校长的说法' }
    case 'approved':
      return r < 0.7
        ? { action: 'publish', as: 'editor' }
        : { action: 'schedule', as: 'editor', publishAt: new Date(Date.now() + 3_600_000).toISOString() }
    case 'scheduled':
    case 'unpublished':
      return { action: 'publish', as: 'editor' }
    case 'published':
    case 'corrected':
      // Each correction says something new (the same note again is no news: its delivery is skipped).
      return r < 0.4
        ? { action: 'correct', as: 'editor', note: `此前报道第${++corrections}处数字有误，已更正。` }
        : { action: 'unpublish', as: 'editor' }
    case 'retracted':
      return null
  }
}

async function stageOf(id: Id): Promise<Stage> {
  const { status, body } = await api('GET', `/articles/${id}/workflow`, tokens.editor)
  if (status !== 200) throw new Error(`GET workflow of ${id}: ${status} ${JSON.stringify(body)}`)
  return body.stage as Stage
}

interface RoundResult {
  completed: number
  interrupted: number
  refusals: string[]
  durations: number[]
}

/** When a round's kill comes: once `due` says so, then `delayMs` later. */
interface KillPoint {
  due: (round: RoundResult) => Promise<boolean>
  delayMs: (round: RoundResult) => number
}

/** A typical transition's time so far in this round. */
const typical = (round: RoundResult) => [...round.durations].sort((a, b) => a - b)[Math.floor(round.durations.length / 2)] ?? 300

/**
 * Workers take transitions on their own stories (no two workers share one, so a 409 is never a race between
 * them) until the server dies at the round's kill point.
 */
async function round(known: Map<string, Stage>, kill: KillPoint): Promise<RoundResult> {
  const result: RoundResult = { completed: 0, interrupted: 0, refusals: [], durations: [] }
  let dead = false
  const killer = (async () => {
    // Polled with a time limit of its own: the kill comes after two minutes at the latest, whatever the check does.
    const latest = Date.now() + 120_000
    const due = () => Promise.race([kill.due(result), sleep(2000).then(() => false)])
    while (!dead && result.refusals.length <= 20 && Date.now() < latest && !(await due())) await sleep(25)
    if (Date.now() >= latest) console.log('kill point not reached in two minutes: killing now')
    await sleep(kill.delayMs(result))
    dead = true
    importer?.kill('SIGKILL')
    await killServer()
  })()
  const worker = async (mine: Id[]) => {
    for (let turn = 0; !dead; turn++) {
      const id = mine[turn % mine.length]!
      const stage = known.get(String(id)) ?? (await stageOf(id).catch(() => null))
      if (!stage || dead) break
      known.set(String(id), stage)
      const next = nextAction(stage)
      if (!next) continue
      const started = performance.now()
      try {
        const { as, ...body } = next
        const res = await api('POST', `/articles/${id}/workflow`, tokens[as], body)
        if (res.status === 200) {
          known.set(String(id), res.body.stage as Stage)
          result.completed++
          result.durations.push(performance.now() - started)
        } else {
          // A 500 says nothing of its cause to the client: take the server's last error lines along.
          const serverSaid = res.status >= 500 ? `\n  server's last errors:\n${lastErrors(app?.output() ?? '')}` : ''
          result.refusals.push(
            `${id} ${stage} ${next.action} as ${as}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}${serverSaid}`,
          )
          known.delete(String(id))
        }
      } catch {
        // The server died under this request: the transition may or may not have happened.
        result.interrupted++
        known.delete(String(id))
        break
      }
    }
  }
  const slices = Array.from({ length: WORKERS }, (_, w) => stories.filter((_, i) => i % WORKERS === w))
  await Promise.all(slices.map(worker))
  await killer
  return result
}

let importCount = 0
/** `newsroom import --publish` of fresh stories, in a process of its own on the same database. */
function startImport(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-crash-import-'))
  const founding = restoredFoundingStory(readFileSync(foundingStoryPath(), 'utf8'))
  const [, ...rest] = founding.split('\n').filter((line) => !line.startsWith('!['))
  for (let i = 0; i < IMPORTS_PER_ROUND; i++) {
    importCount++
    const numeral = [...String(importCount)].map((digit) => '〇一二三四五六七八九'[Number(digit)]).join('')
    writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.md`), [`興仁縣基層黨建工作紀實之${numeral}`, ...rest].join('\n'))
  }
  const child = spawn(process.execPath, ['--no-deprecation', lexicalProductionBuild, cliBundle, 'import', '--publish', dir], {
    cwd: root,
    env: { ...process.env, ...SERVER_ENV, ...origin, NODE_ENV: 'production', PAYLOAD_SECRET: 'crash-e2e-secret', NEWSROOM_CLI_CWD: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  importer = child
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(`import exited ${code ?? signal}: ${output.trim().split('\n').slice(-2).join(' | ')}`)),
  )
}

beforeAll(async () => {
  await ensureCliBundle()
  desk = await bootDesk()
  payload = desk.payload
  const { reporter, editor, admin } = await setUpDesk(payload)
  receiver = await startWebhookReceiver({ secret: SECRET })
  const channel = await inProcess('POST', '/channels', {
    token: admin.token,
    body: { enabled: true, name: '合作网站', type: 'webhook', url: receiver.url, secret: SECRET },
  })
  if (channel.status !== 201) throw new Error(`channel: ${channel.status} ${JSON.stringify(channel.body)}`)
  for (let i = 0; i < STORIES; i++) {
    const doc = await payload.create({
      collection: 'articles',
      data: {
        title: `兴仁县新建乡村学校第${i + 1}批`,
        body: lexical(
          '兴仁县今年新建了十二所乡村学校，全县适龄儿童入学率达到百分之百。',
          '县教育局表示，明年将继续改善乡村学校的办学条件。',
        ),
        credits: [{ author: reporter.authorId, role: 'reporter' }],
        _status: 'draft',
      },
      draft: true,
      overrideAccess: false,
      user: reporter.user,
    })
    stories.push(doc.id)
  }
  const port = await freePort()
  origin = { PORT: String(port), NEWSROOM_PUBLIC_URL: `http://localhost:${port}` }
  emails.reporter = (reporter.user as Doc).email
  emails.editor = (editor.user as Doc).email
}, 180_000)

afterAll(async () => {
  importer?.kill('SIGKILL')
  await killServer().catch(() => undefined)
  // Every server's output, in the order they ran: what a refusal or a 500 during a round came from.
  writeArtifact(`crash-consistency-servers-${desk?.kind ?? 'unknown'}.log`, logs.join('\n\n=== next server ===\n\n'))
  const pool = (payload?.db as unknown as { pool?: { on(event: 'error', listener: () => void): void } } | undefined)?.pool
  pool?.on('error', () => undefined)
  await desk?.close()
  await receiver?.close()
}, 60_000)

/** The publication events a story's history says receivers must have had, in order. */
/** A story's workflow history, oldest first. */
async function historyOf(id: unknown): Promise<Doc[]> {
  const { docs } = await payload.find({
    collection: 'workflow-events',
    where: { article: { equals: id } },
    sort: 'sequence',
    limit: 0,
    pagination: false,
    depth: 0,
  })
  return docs as Doc[]
}

function expectedEvents(history: Doc[]): string[] {
  const events: string[] = []
  for (const entry of history) {
    if (entry.action === 'publish') events.push('published')
    else if (entry.action === 'correct') events.push('corrected')
    else if (entry.action === 'unpublish') events.push('unpublished')
    else if (entry.action === 'retract') events.push('retracted')
    else if (entry.action === 'update') events.push('updated')
  }
  return events
}

test('SIGKILLed during transitions, publishes and imports, restarted on the same database: every story consistent, movable, delivered once', async () => {
  console.log(`crash-consistency seed ${SEED} (CRASH_SEED=${SEED} repeats the kill points) on ${desk.kind}`)
  const started = performance.now()
  const known = new Map<string, Stage>()
  let transitions = 0
  let interrupted = 0
  let kills = 0
  const refusals: string[] = []
  while (transitions + interrupted < TRANSITIONS_WANTED) {
    const withImport = kills % 2 === 0
    const serverStart = performance.now()
    await startServer()
    const up = performance.now() - serverStart
    tokens.reporter = await login(emails.reporter)
    tokens.editor = await login(emails.editor)
    let kill: KillPoint
    let importDone: Promise<string> | undefined
    if (withImport) {
      // Killed (with the importing process) a seeded moment after the first story of the batch lands.
      const before = (await payload.count({ collection: 'articles' })).totalDocs
      importDone = startImport()
      const delay = random() * 1500
      kill = { due: async () => (await payload.count({ collection: 'articles' })).totalDocs > before, delayMs: () => delay }
    } else {
      // Killed after a seeded number of answered transitions, a seeded fraction of a typical one's time later.
      const after = 25 + Math.floor(random() * 40)
      const fraction = random()
      kill = { due: async (r) => r.completed >= after, delayMs: (r) => fraction * typical(r) }
    }
    const roundStart = performance.now()
    const result = await round(known, kill)
    kills++
    transitions += result.completed
    interrupted += result.interrupted
    refusals.push(...result.refusals)
    const imported = importDone ? `; ${await importDone}` : ''
    console.log(
      `kill ${kills}: server up in ${(up / 1000).toFixed(1)} s, killed ${((performance.now() - roundStart) / 1000).toFixed(1)} s later; ${result.completed} transitions answered, ${result.interrupted} cut off${imported}`,
    )
  }
  const driven = performance.now()

  // The last restart: its start-up repair settles what the kills left.
  await startServer()
  tokens.reporter = await login(emails.reporter)
  tokens.editor = await login(emails.editor)
  const all = (await payload.db.find({ collection: 'articles', limit: 0, pagination: false, sort: 'id' })).docs as Doc[]
  const imported = all.filter((story) => !stories.some((id) => String(id) === String(story.id)))

  // 1. Row, latest version and history agree.
  const disagreements: string[] = []
  for (const row of all) {
    const history = await historyOf(row.id)
    const latest = (await payload.findByID({ collection: 'articles', id: row.id, draft: true, depth: 0 })) as Doc
    const last = history.at(-1)
    const problems = [
      history.every((entry, i) => entry.sequence === i + 1) ? '' : `history sequences ${history.map((e) => e.sequence).join(',')}`,
      last?.toStage === row.stage ? '' : `row stage ${row.stage}, history ends at ${last?.toStage}`,
      row.workflowSequence === history.length ? '' : `row sequence ${row.workflowSequence}, ${history.length} history entries`,
      (row._status === 'published') === LIVE_STAGES.includes(row.stage) ? '' : `_status ${row._status} at stage ${row.stage}`,
      latest.workflowSequence === row.workflowSequence && latest.stage === row.stage
        ? ''
        : `latest version ${latest.stage}/${latest.workflowSequence}`,
      // Nothing of the story itself lost: a save rewrites the credits' rows, and a kill must not leave them gone.
      !stories.some((id) => String(id) === String(row.id)) || ((row.credits as Doc[])?.length && (latest.credits as Doc[])?.length)
        ? ''
        : `credits lost (row ${(row.credits as Doc[])?.length ?? 0}, latest version ${(latest.credits as Doc[])?.length ?? 0})`,
    ].filter(Boolean)
    if (problems.length)
      disagreements.push(`story ${row.id}: ${problems.join('; ')} (history ${history.map((e) => `${e.sequence}:${e.action}`).join(' ')})`)
  }
  expect(disagreements).toEqual([])

  // 2. Every story takes its next allowed action, as the user whose job it is.
  const refusedAfter: string[] = []
  const always = () => 0.9
  for (const row of all) {
    const next = nextAction(row.stage as Stage, always)
    if (!next) continue
    const { as, ...body } = next
    const res = await api('POST', `/articles/${row.id}/workflow`, tokens[as], body)
    if (res.status !== 200 || res.body.stage !== TRANSITIONS[next.action].to)
      refusedAfter.push(`story ${row.id} ${row.stage} → ${next.action} as ${as}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  }
  expect(refusedAfter).toEqual([])

  // 3. Each event in a story's history delivered once: one delivery row, one webhook-id processed.
  const wanted = new Map<string, string[]>()
  const stageNow = new Map<string, Stage>()
  for (const row of all) {
    const history = await historyOf(row.id)
    wanted.set(String(row.id), expectedEvents(history))
    stageNow.set(String(row.id), history.at(-1)?.toStage as Stage)
  }
  const total = [...wanted.values()].reduce((sum, events) => sum + events.length, 0)
  const deliveries = await until(
    `${total} deliveries to succeed`,
    async () => {
      const rows = (
        await payload.find({ collection: 'deliveries', limit: 0, pagination: false, depth: 0, sort: 'version', showHiddenFields: true })
      ).docs as Doc[]
      return rows.length >= total && rows.every((row) => row.state === 'success' || row.state === 'skipped') ? rows : false
    },
    { timeout: 60_000, interval: 250 },
  ).catch(
    async () =>
      (await payload.find({ collection: 'deliveries', limit: 0, pagination: false, depth: 0, sort: 'version', showHiddenFields: true }))
        .docs as Doc[],
  )
  const delivered = new Map<string, Doc[]>()
  for (const row of deliveries) delivered.set(String(row.article), [...(delivered.get(String(row.article)) ?? []), row])
  const processedIds = new Set(receiver.processed.map((p) => p.id))
  const deliveryProblems: string[] = []
  for (const [id, events] of wanted) {
    const rows = delivered.get(id) ?? []
    const got = rows.map((row) => row.event)
    if (JSON.stringify(got) !== JSON.stringify(events))
      deliveryProblems.push(`story ${id}: history wants ${events.join(',') || 'nothing'}, deliveries are ${got.join(',') || 'none'}`)
    for (const row of rows) {
      // Skipped is a decision, not a loss, when a later event made the send pointless: a publish or correction
      // withdrawn before its turn came (the receiver must never briefly show a pulled story), or a withdrawal the
      // channel already has. Anything else left unsent is lost.
      const superseded =
        row.state === 'skipped' && /^superseded: |^already (unpublished|retracted) on this channel/.test(String(row.note ?? ''))
      if (row.state !== 'success' && !superseded)
        deliveryProblems.push(`story ${id}: ${row.event} v${row.version} is ${row.state} (${row.lastError ?? row.note ?? ''})`)
      else if (row.state === 'success' && !processedIds.has(row.webhookId))
        deliveryProblems.push(`story ${id}: ${row.event} v${row.version} (${row.webhookId}) never processed by the receiver`)
    }
    // What the receiver was last told agrees with the story now: live stories last got content, pulled ones a
    // withdrawal (or nothing, if they were pulled before any publish went out).
    const stage = stageNow.get(id)!
    const lastSent = rows.filter((row) => row.state === 'success').at(-1)
    const live = LIVE_STAGES.includes(stage)
    if (live && !['published', 'corrected', 'updated'].includes(String(lastSent?.event))) {
      deliveryProblems.push(`story ${id} is live (${stage}) but the receiver last got ${lastSent?.event ?? 'nothing'}`)
    }
    if (!live && lastSent && !['unpublished', 'retracted'].includes(String(lastSent.event))) {
      deliveryProblems.push(`story ${id} is not live (${stage}) but the receiver last got ${lastSent.event}`)
    }
  }
  // Nothing reached the receiver that no delivery row stands for (a second id for one event is a doubled delivery).
  const deliveredIds = new Set(deliveries.map((row) => String(row.webhookId)))
  for (const { id, payload: envelope } of receiver.processed) {
    if (!deliveredIds.has(id)) deliveryProblems.push(`receiver processed ${id} (${(envelope as Doc)?.type}) that no delivery stands for`)
  }
  expect(deliveryProblems).toEqual([])
  expect(refusals).toEqual([])
  expect(transitions + interrupted).toBeGreaterThanOrEqual(TRANSITIONS_WANTED)

  // What the start-up repairs did (each server's output): the kills did land mid-save.
  const output = [...logs, app!.output()].join('\n')
  const repairs = {
    workflow: output.match(/Workflow repair: /g)?.length ?? 0,
    deliveries: output.match(/Distribution repair: /g)?.length ?? 0,
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(1)
  console.log(
    `crash-consistency on ${desk.kind}, seed ${SEED}: ${kills} kills, ${transitions} transitions answered + ${interrupted} cut off by a kill, ` +
      `${imported.length} stories imported; ${all.length} stories checked, ${total} deliveries, ${deliveries.filter((row) => row.state === 'success').length} processed once and ${deliveries.filter((row) => row.state === 'skipped').length} skipped as superseded; ` +
      `start-up repairs: ${repairs.workflow} stories, ${repairs.deliveries} missed deliveries recorded; ` +
      `${seconds(driven - started)} s driving, ${seconds(performance.now() - started)} s in all`,
  )
}, 1_200_000)
