/**
 * The house-style panel as a reporter meets it, in a real browser against the built server: a story pasted the
 * way content farms hand it over (traditional script, 字(pinyin), half-width marks, the credit typed at the
 * end) — created beforehand through the Local API, as the reporter — opens with its findings in the sidebar,
 * in Chinese, each quoting the words it is about; a click on one highlights those words in the editor;
 * 一键修正 fixes the story on screen, without a reload, says what it changed, and autosave keeps the draft.
 * Screenshots land in tests/artifacts/house-style-*.png — look at them.
 */
import type { Payload } from 'payload'

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { blocksToLexical } from '../../plugins/house-style'
import { artifactsDir, launchBrowser, logIn, screenshot } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'

const PASSWORD = 'reporter-demo-password'
const REPORTER = 'reporter@newsroom.test'

const PASTED = {
  title: '興仁縣加快後進黨組織轉化',
  paragraphs: [
    '興仁縣採取“三抓三強(qiáng)”措施,進一步加快後進黨組織轉(zhuǎn)化速度。',
    '全縣162個村(居、社區)支書赴華西學習,成效顯著。（丁宪民 报道）',
  ],
}
const CLEAN = {
  title: '兴仁县加快后进党组织转化',
  paragraphs: ['兴仁县采取“三抓三强”措施，进一步加快后进党组织转化速度。', '全县162个村（居、社区）支书赴华西学习，成效显著。'],
}

let app: RunningApp
let browser: Awaited<ReturnType<typeof launchBrowser>>
let payload: Payload
let storyId: string | number
let databaseDir: string
let postgresDatabase = ''

async function onPostgres(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

beforeAll(async () => {
  // One database for the server and for this process's Local API (SQLite waits for the other writer).
  databaseDir = mkdtempSync(path.join(tmpdir(), 'newsroom-house-style-'))
  let databaseUri = `file:${path.join(databaseDir, 'desk.db')}`
  if (process.env.TEST_DATABASE_URI) {
    // Named for this test run: the global teardown drops it once this process and its pool are gone.
    postgresDatabase = `newsroom_e2e_${process.env.NEWSROOM_TEST_RUN ?? 'adhoc'}_style${process.pid}`
    await onPostgres(`CREATE DATABASE ${postgresDatabase}`)
    const url = new URL(process.env.TEST_DATABASE_URI)
    url.pathname = `/${postgresDatabase}`
    databaseUri = url.toString()
  }
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD, DATABASE_URI: databaseUri })

  process.env.DATABASE_URI = databaseUri
  process.env.NEWSROOM_SEED = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  payload = await getPayload({ config })
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: REPORTER } }, limit: 1 })
  const reporter = docs[0]!
  const story = await payload.create({
    collection: 'articles',
    data: { title: PASTED.title, body: blocksToLexical(PASTED.paragraphs.map((text) => ({ type: 'paragraph' as const, text }))) },
    draft: true,
    user: reporter,
    overrideAccess: false,
  })
  storyId = story.id
  expect((story as any).styleErrorCount).toBeGreaterThan(0)

  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await payload?.destroy()
  await app?.stop()
  rmSync(databaseDir, { recursive: true, force: true })
})

test('the reporter sees the findings in Chinese, presses 一键修正, and the story comes back clean', async () => {
  const page = await browser.browser.newPage()
  // Tall enough for the whole sidebar, so the screenshots show the full list of findings.
  await page.setViewportSize({ width: 1440, height: 1800 })
  const browserErrors: string[] = []
  page.on('pageerror', (error) => browserErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text())
  })
  try {
    await reporterFixesTheStory(page)
  } catch (error) {
    await screenshot(page, 'house-style-panel-failure').catch(() => undefined)
    const panel = await page
      .getByTestId('house-style-panel')
      .innerText({ timeout: 1000 })
      .catch(() => '(no panel)')
    throw new Error(
      `${error instanceof Error ? error.message : error}\nThe panel said:\n${panel}\nBrowser errors:\n${browserErrors.join('\n')}\nServer output:\n${app.output().slice(-3000)}`,
      { cause: error },
    )
  }
}, 240_000)

async function reporterFixesTheStory(page: Awaited<ReturnType<typeof browser.browser.newPage>>) {
  const lint = { sent: 0, answered: 0 }
  page.on('request', (request) => {
    if (request.url().endsWith('/api/house-style/lint')) lint.sent++
  })
  page.on('response', (response) => {
    if (response.url().endsWith('/api/house-style/lint') && response.ok()) lint.answered++
  })
  await logIn(page, app.url, REPORTER, PASSWORD)
  await page.goto(`${app.url}/admin/collections/articles/${storyId}`)
  const panel = page.getByTestId('house-style-panel')
  await panel.waitFor({ timeout: 60_000 })

  // The findings, in the admin's language (简体中文), readable: severity, place, message, what the fix does.
  const findings = panel.getByTestId('house-style-finding')
  await findings.first().waitFor({ timeout: 30_000 })
  await expect.poll(() => panel.getByTestId('house-style-summary').textContent(), { timeout: 30_000 }).toMatch(/^\d+ 个错误/)
  const rules = await findings.evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')))
  for (const rule of ['house-script', 'pinyin-artifact', 'punctuation-fullwidth', 'no-byline-in-body']) expect(rules).toContain(rule)
  const panelText = (await panel.innerText()).replace(/\s+/g, ' ')
  expect(panelText).toContain('体例检查')
  expect(panelText).toContain('错误 正文第1段')
  expect(panelText).toContain('“強”后残留拼音注音“(qiáng)”')
  expect(panelText).toContain('→ 删除“(qiáng)”')
  expect(panelText).toContain('署名“（丁宪民 报道）”写在了正文里，应填入署名字段')
  expect(panelText).not.toMatch(/ruleId|"severity"|\{"|Error|Body/) // no raw JSON, no English
  // Severity colour on each item's marker.
  const marker = await findings
    .first()
    .locator('button')
    .evaluate((item) => getComputedStyle(item).borderLeftColor)
  expect(marker).toBe('rgb(217, 45, 32)')
  // The live lint of the open form has answered; then, with nothing typed, the panel stays quiet.
  await expect.poll(() => lint.answered, { timeout: 30_000 }).toBeGreaterThan(0)
  const sent = lint.sent
  await page.waitForTimeout(3_000)
  expect(lint.sent).toBe(sent)
  await screenshot(page, 'house-style-panel-findings')
  await panel.screenshot({ path: path.join(artifactsDir, 'house-style-panel-findings-closeup.png') })

  // Each finding quotes the words around it; a click selects and highlights them in the editor.
  const pinyin = panel.locator('[data-rule="pinyin-artifact"]').filter({ hasText: '(qiáng)' }).first()
  expect(await pinyin.getByTestId('house-style-quote').innerText()).toContain('三抓三強(qiáng)')
  await pinyin.locator('button').click()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('(qiáng)')
  expect(await page.evaluate(() => (CSS as any).highlights?.get('nr-finding')?.size)).toBe(1)
  await screenshot(page, 'house-style-panel-jump')

  const fixAll = panel.getByRole('button', { name: /一键修正/ })
  await expect.poll(() => fixAll.isEnabled()).toBe(true)
  let reloaded = false
  page.once('load', () => (reloaded = true))
  await fixAll.click()

  // In place: the panel says what changed; no findings; the headline and body fixed, the credit out of the body.
  await expect
    .poll(() => panel.getByTestId('house-style-fixed').innerText(), { timeout: 60_000 })
    .toMatch(/^已修正 \d+ 处：.*删除“\(qiáng\)”/)
  expect(reloaded).toBe(false)
  await page.getByTestId('house-style-clean').waitFor({ timeout: 60_000 })
  await expect.poll(() => page.locator('input[name="title"]').inputValue(), { timeout: 30_000 }).toBe(CLEAN.title)
  const editor = page.locator('[data-lexical-editor="true"]').first()
  await expect.poll(() => editor.innerText(), { timeout: 30_000 }).toContain(CLEAN.paragraphs[0])
  const bodyText = await editor.innerText()
  expect(bodyText).toContain(CLEAN.paragraphs[1])
  expect(bodyText).not.toContain('报道')
  expect(await page.getByTestId('house-style-finding').count()).toBe(0)
  await screenshot(page, 'house-style-panel-fixed')
  await page.getByTestId('house-style-panel').screenshot({ path: path.join(artifactsDir, 'house-style-panel-fixed-closeup.png') })

  // Autosave keeps it as a draft: clean, with the credit moved into the credits.
  const latest = async () => (await payload.findByID({ collection: 'articles', id: storyId, draft: true, depth: 1 })) as any
  await expect.poll(async () => (await latest()).styleErrorCount, { timeout: 30_000 }).toBe(0)
  const stored = await latest()
  expect(stored._status).toBe('draft')
  expect(stored.credits.map((c: any) => [c.author.name, c.role])).toEqual([['丁宪民', 'reporter']])
}
