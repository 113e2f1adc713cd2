/**
 * The desk at the speed of news: every editorial action in a real browser (Debian chromium via playwright-core),
 * from the click that confirms it to the updated screen, beside the same action's API time.
 *
 * The built server (`npm start`'s, dist/server.mjs) runs on a fresh SQLite database with the demo desk. Each
 * round a reporter and an editor, each in their own browser, take a story through the desk:
 *   save      a new story's first "保存草稿" on the create form → its edit view with the action bar
 *   submit    提交审核 → stage 待审 on screen (twice a round: first submission and resubmission)
 *   requestChanges, approve, publish (the Publish button's confirmation), schedule → the new stage on screen
 *   fix       一键修正 on a story with half-width punctuation → "已修正 …" in the panel
 * The API time is the same request made over REST with the user's token (create; POST …/workflow; POST
 * /api/house-style/fix), on stories of its own. Timings are end to end on this machine (shared, so noisy: the
 * load average is recorded with them).
 *
 *   npx tsx tests/bench/desk.ts [--quick] [--baseline DIR]     (npm run bench runs it as one stage)
 *
 * --baseline DIR also starts the build of another checkout (DIR, built: e.g. a worktree of main) and takes
 * the same rounds there, alternating with this code round by round under the same load, and prints both
 * side by side (before → after). Only this code's figures go into desk.json.
 *
 * Prints a table and writes tests/bench/results/desk.json: desk_action_p95_ms (the slowest action's p95 in the
 * browser) and, per action, browser and API p95/median. Benchmarks print figures; nothing asserts a timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'

import { ensureBuild } from '../../scripts/ensure-build.mjs'
import { creditAuthor, launchBrowser, logIn, type Page } from '../support/browser'
import { lexical } from '../support/lexical'
import { startApp } from '../support/server'
import { resultsDir, summarise } from './support'

const quick = process.argv.includes('--quick')
const ROUNDS = quick ? 3 : 10
const PASSWORD = 'desk-bench-password'
const ACTIONS = ['save', 'submit', 'requestChanges', 'approve', 'publish', 'schedule', 'fix'] as const
type Action = (typeof ACTIONS)[number]

const CLEAN = ['兴义市第二条城市公交线路今天正式开通，全程十八公里，沿途设站二十四个。', '市交通运输局表示，新线路将方便城北新区居民出行。']
const HALF_WIDTH = ['兴义市今天开通第三条公交线路,全程二十公里,沿途设站三十个.', '市民表示,出行更方便了.']

type Samples = Record<Action, number[]>
const samples = (): Samples => Object.fromEntries(ACTIONS.map((a) => [a, []])) as never

const baselineIndex = process.argv.indexOf('--baseline')
const baselineRoot = baselineIndex > 0 ? process.argv[baselineIndex + 1] : undefined

/** One server and its two users' browsers, with the figures taken on it. */
interface Desk {
  name: string
  browserMs: Samples
  apiMs: Samples
  round(round: number): Promise<void>
  close(): Promise<void>
}

async function openDesk(name: string, root?: string): Promise<Desk> {
  const app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD, NEWSROOM_LOG_LEVEL: 'warn' }, { root })
  const reporterBrowser = await launchBrowser()
  const editorBrowser = await launchBrowser()
  const browserMs = samples()
  const apiMs = samples()
  const api = async (method: string, url: string, token: string, body?: unknown) => {
    const started = performance.now()
    const res = await fetch(`${app.url}${url}`, {
      method,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as any
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`)
    return { json, ms: performance.now() - started }
  }
  const login = async (email: string) => (await api('POST', '/api/users/login', '', { email, password: PASSWORD })).json.token as string
  const reporterToken = await login('reporter@newsroom.test')
  const editorToken = await login('editor@newsroom.test')
  const author = (await api('GET', '/api/authors?where[name][equals]=丁宪民&depth=0', reporterToken)).json.docs[0].id
  const newStory = async (title: string, paragraphs: string[]) =>
    api('POST', '/api/articles?draft=true&depth=0', reporterToken, {
      title,
      body: lexical(...paragraphs),
      credits: [{ author, role: 'reporter' }],
      _status: 'draft',
    })
  const act = async (id: number, action: string, token: string, extra: Record<string, unknown> = {}) =>
    (await api('POST', `/api/articles/${id}/workflow`, token, { action, ...extra })).ms

  const reporter = await reporterBrowser.browser.newPage()
  const editor = await editorBrowser.browser.newPage()
  await logIn(reporter, app.url, 'reporter@newsroom.test', PASSWORD)
  await logIn(editor, app.url, 'editor@newsroom.test', PASSWORD)

  const open = async (page: Page, id: number) => {
    await page.goto(`${app.url}/admin/collections/articles/${id}`)
    await page.getByTestId('workflow-actions').waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
  }
  const stageIs = (page: Page, stage: string) =>
    page.waitForFunction(
      (s) =>
        document.querySelector('[data-testid="workflow-actions"]')?.getAttribute('data-stage') === s &&
        !document.querySelector('[data-testid="workflow-dialog"]'),
      stage,
      { polling: 'raf', timeout: 60_000 },
    )
  /** Open the action's dialog, then time confirm → the new stage on screen. */
  const timeAction = async (page: Page, button: string, stage: string, note?: string) => {
    await page.locator(button).click()
    await page.getByTestId('workflow-dialog').waitFor()
    if (note) await page.locator('#workflow-note').fill(note)
    // The publish dialog first says where the story goes.
    if (button === '.nr-publish-button') await page.getByTestId('publish-recipients').waitFor()
    const started = performance.now()
    await page.locator('#workflow-confirm').click()
    await stageIs(page, stage)
    return performance.now() - started
  }

  const round = async (n: number) => {
    const title = `第${n}条：兴义市开通城市公交线路`
    // ---- save: a new story's first save, from the create form to its edit view.
    await reporter.goto(`${app.url}/admin/collections/articles/create`)
    await reporter.locator('input[name="title"]').fill(title)
    await reporter.locator('[data-lexical-editor="true"]').first().click()
    await reporter.keyboard.type(CLEAN[0]!)
    await creditAuthor(reporter, '丁宪民')
    let started = performance.now()
    await reporter.getByRole('button', { name: '保存草稿' }).click()
    await reporter.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 60_000 })
    await reporter.getByTestId('workflow-actions').waitFor({ timeout: 60_000 })
    browserMs.save.push(performance.now() - started)
    const id = Number(/(\d+)$/.exec(reporter.url())![1])
    await reporter.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined)
    await reporter.getByTestId('house-style-clean').waitFor({ timeout: 30_000 })

    // ---- submit → send back → resubmit → approve → publish. After a reporter's submit the story must be
    // read-only on screen too (its fields disabled), not only show the new stage.
    browserMs.submit.push(await timeAction(reporter, '#workflow-submit', 'submitted'))
    await reporter.waitForSelector('input[name="title"][disabled]', { timeout: 60_000 })
    await open(editor, id)
    browserMs.requestChanges.push(await timeAction(editor, '#workflow-requestChanges', 'changes_requested', '请补充首末班车时间'))
    await open(reporter, id)
    browserMs.submit.push(await timeAction(reporter, '#workflow-submit', 'submitted'))
    await open(editor, id)
    browserMs.approve.push(await timeAction(editor, '#workflow-approve', 'approved'))
    browserMs.publish.push(await timeAction(editor, '.nr-publish-button', 'published'))

    // ---- schedule: an editor schedules a reporter's draft.
    const later = (await newStory(`${title}（定时）`, CLEAN)).json.doc.id
    await open(editor, later)
    browserMs.schedule.push(await timeAction(editor, '#workflow-schedule', 'scheduled'))

    // ---- 一键修正 on a story with half-width punctuation.
    const messy = (await newStory(`${title}（待修正）`, HALF_WIDTH)).json.doc.id
    await open(reporter, messy)
    await reporter.locator('#house-style-fix-all').waitFor({ timeout: 30_000 })
    started = performance.now()
    await reporter.locator('#house-style-fix-all').click()
    await reporter.getByTestId('house-style-fixed').waitFor({ timeout: 60_000 })
    browserMs.fix.push(performance.now() - started)

    // ---- The same actions over the API, on stories of their own.
    const created = await newStory(`${title}（接口）`, CLEAN)
    apiMs.save.push(created.ms)
    const apiId = created.json.doc.id
    apiMs.submit.push(await act(apiId, 'submit', reporterToken))
    apiMs.requestChanges.push(await act(apiId, 'requestChanges', editorToken, { note: '请补充' }))
    apiMs.submit.push(await act(apiId, 'submit', reporterToken))
    apiMs.approve.push(await act(apiId, 'approve', editorToken))
    apiMs.publish.push(await act(apiId, 'publish', editorToken))
    const apiLater = (await newStory(`${title}（接口定时）`, CLEAN)).json.doc.id
    apiMs.schedule.push(await act(apiLater, 'schedule', editorToken, { publishAt: new Date(Date.now() + 3_600_000).toISOString() }))
    apiMs.fix.push((await api('POST', '/api/house-style/fix', reporterToken, { title, body: lexical(...HALF_WIDTH), credits: [] })).ms)
  }

  return {
    name,
    browserMs,
    apiMs,
    round,
    close: async () => {
      await reporterBrowser.close()
      await editorBrowser.close()
      await app.stop()
    },
  }
}

const figures = (desk: Desk) =>
  Object.fromEntries(
    ACTIONS.map((a) => {
      const b = summarise(desk.browserMs[a])
      const p = summarise(desk.apiMs[a])
      return [
        a,
        {
          browser_p95_ms: b.p95,
          browser_median_ms: b.median,
          api_p95_ms: p.p95,
          api_median_ms: p.median,
          samples: desk.browserMs[a].length,
        },
      ]
    }),
  )

async function main() {
  await ensureBuild()
  const desks: Desk[] = []
  try {
    if (baselineRoot) desks.push(await openDesk(`baseline (${baselineRoot})`, baselineRoot))
    desks.push(await openDesk('this code'))
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so neither always meets the machine as the other left it.
      for (const desk of round % 2 ? desks : [...desks].reverse()) await desk.round(round)
      console.log(`round ${round}/${ROUNDS} done`)
    }
  } finally {
    for (const desk of desks) await desk.close()
  }

  const load = loadavg().map((l) => Math.round(l * 100) / 100)
  const current = desks[desks.length - 1]!
  const actions = figures(current)
  const baseline = baselineRoot ? figures(desks[0]!) : undefined
  const worst = Math.max(...Object.values(actions).map((a) => a.browser_p95_ms))
  if (baseline) {
    console.log(`\nbaseline: ${baselineRoot}; same rounds, alternating, in one run`)
    console.log('action           browser p95 before → after   median before → after   |   API p95 before / after   (ms)')
    for (const [name, a] of Object.entries(actions)) {
      const b = baseline[name]!
      console.log(
        `${name.padEnd(16)} ${String(b.browser_p95_ms).padStart(10)} → ${String(a.browser_p95_ms).padEnd(10)} ${String(b.browser_median_ms).padStart(10)} → ${String(a.browser_median_ms).padEnd(10)}   | ${String(b.api_p95_ms).padStart(9)} / ${a.api_p95_ms}`,
      )
    }
    console.log(`desk_action_p95_ms before=${Math.max(...Object.values(baseline).map((a) => a.browser_p95_ms))} after=${worst}`)
  } else {
    console.log('\naction           browser p95   median   |   API p95   median   (ms)')
    for (const [name, a] of Object.entries(actions)) {
      console.log(
        `${name.padEnd(16)} ${String(a.browser_p95_ms).padStart(11)} ${String(a.browser_median_ms).padStart(8)}   | ${String(a.api_p95_ms).padStart(9)} ${String(a.api_median_ms).padStart(8)}`,
      )
    }
  }
  console.log(`desk_action_p95_ms=${worst} (slowest action's p95; load average ${load.join(' ')})`)
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(
    path.join(resultsDir, 'desk.json'),
    JSON.stringify({ desk_action_p95_ms: worst, rounds: ROUNDS, actions, loadavg: load, at: new Date().toISOString() }, null, 2) + '\n',
  )
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
