/**
 * The desk as a Chinese newsroom meets it, in a real browser against the built server (issue #14): one status
 * (the stage) in the header and the list; publish asks first and names the channels, and says "审核并发布" on
 * a story nobody approved; messages in Chinese with no rule ids or field paths; the dateline and byline
 * rendered live before any save, with the real pattern and the year; findings that quote their words, take
 * the reporter to them and are fixed in place on an unsaved story; the submit dialog pointing at style errors
 * before anything is sent; read-only states that say why; the outlet's own look; the findings one tap away on
 * a phone; every message (a failed login, a form's field errors, a server refusal) in Chinese; the empty channels
 * list saying what a channel is and who can add one. Screenshots land in tests/artifacts/desk-*.png — look at them.
 */
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { artifactsDir, creditAuthor, launchBrowser, logIn, screenshot, type Page } from '../support/browser'
import { lexical } from '../support/lexical'
import { startApp, type RunningApp } from '../support/server'
import { callApp, logInToApp } from '../support/app-client'

const PASSWORD = 'desk-demo-password'
let app: RunningApp
let reporterBrowser: Awaited<ReturnType<typeof launchBrowser>>
let editorBrowser: Awaited<ReturnType<typeof launchBrowser>>
let adminBrowser: Awaited<ReturnType<typeof launchBrowser>> | undefined
const tokens: Record<string, string> = {}
let dingId: number

async function api(method: string, url: string, who: 'reporter' | 'editor' | 'admin', body?: unknown) {
  const answer = await callApp(app.url, method, url, { token: tokens[who], body })
  if (!answer.ok) throw new Error(`${method} ${url}: ${answer.status} ${answer.text.slice(0, 300)}`)
  return answer.body
}

const story = async (title: string, paragraphs: string[], extra: Record<string, unknown> = {}) =>
  (
    await api('POST', '/api/articles?draft=true&depth=0', 'reporter', {
      title,
      body: lexical(...paragraphs),
      credits: [{ author: dingId, role: 'reporter' }],
      _status: 'draft',
      ...extra,
    })
  ).doc.id as number

const stageOf = (page: Page) => page.getByTestId('workflow-actions').getAttribute('data-stage')

const loggedIn = new Set<unknown>()

/** A new tab in this user's browser, logged in once per browser (the session cookie is shared by its tabs). */
async function pageAs(who: 'reporter' | 'editor', viewport?: { width: number; height: number }) {
  const browser = who === 'reporter' ? reporterBrowser : editorBrowser
  const page = await browser.browser.newPage()
  // The first admin page of a fresh server can take long on a loaded 2-core machine.
  page.setDefaultNavigationTimeout(120_000)
  if (viewport) await page.setViewportSize(viewport)
  if (!loggedIn.has(browser)) {
    await logIn(page, app.url, `${who}@newsroom.test`, PASSWORD)
    loggedIn.add(browser)
  }
  return page
}

async function openStory(page: Page, id: number) {
  await page.goto(`${app.url}/admin/collections/articles/${id}`)
  await page.getByTestId('workflow-actions').waitFor({ timeout: 60_000 })
}

beforeAll(async () => {
  // The test's channel receiver is on loopback: allow it past the channel address guard.
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD, NEWSROOM_CHANNEL_ALLOWLIST: '127.0.0.1' }, { startTimeoutMs: 180_000 })
  for (const who of ['reporter', 'editor', 'admin'] as const) tokens[who] = await logInToApp(app.url, `${who}@newsroom.test`, PASSWORD)
  dingId = (await api('GET', '/api/authors?where[name][equals]=丁宪民&depth=0', 'reporter')).docs[0].id
  reporterBrowser = await launchBrowser()
  editorBrowser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await reporterBrowser?.close()
  await editorBrowser?.close()
  await adminBrowser?.close()
  await app?.stop()
})

test('the desk has its own look: the outlet on the login page, in the title and the nav; Chinese dates; nothing empty on a draft', async () => {
  const page = await reporterBrowser.browser.newPage()
  page.setDefaultNavigationTimeout(120_000)
  await page.goto(`${app.url}/admin/login`)
  await page.getByTestId('newsroom-logo').waitFor({ timeout: 60_000 })
  expect(await page.getByTestId('newsroom-logo').innerText()).toContain('亮点黔西南')
  expect(await page.title()).toContain('亮点黔西南 编辑部')
  expect(await page.content()).not.toMatch(/payload-logo|graphic-logo/)
  await screenshot(page, 'desk-01-login')
  await logIn(page, app.url, 'reporter@newsroom.test', PASSWORD)
  loggedIn.add(reporterBrowser)
  await page.getByTestId('newsroom-icon').first().waitFor({ timeout: 30_000 })

  // The list: one status column (the stage), dates as 2026年12月5日 06:30.
  await page.goto(`${app.url}/admin/collections/articles`)
  const table = page.locator('table')
  await table.waitFor({ timeout: 60_000 })
  const headers = (await table.locator('thead').innerText()).replace(/\s+/g, ' ')
  expect(headers).toContain('流程状态')
  expect(headers).not.toMatch(/(^| )状态( |$)/)
  await expect.poll(() => table.locator('tbody').innerText(), { timeout: 30_000 }).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
  await screenshot(page, 'desk-02-list')

  // A draft: no empty "分发记录" block; the dateline date shows its year.
  const draft = await story('兴义市举办冬季长跑比赛', ['兴义市今天举办冬季长跑比赛，两千多名市民参加。'], {
    dateline: { date: '2026-12-05' },
  })
  await openStory(page, draft)
  const draftText = await page.locator('body').innerText()
  expect(draftText).not.toContain('本稿件发往各渠道的记录')
  expect(draftText).not.toContain('没有找到')
  await expect.poll(() => page.locator('#field-dateline__date input').first().inputValue(), { timeout: 30_000 }).toBe('2026年12月5日')
  // 讯 datelines carry no date: the hint says so instead of the date silently vanishing.
  await page.getByTestId('dateline-hint-date').waitFor({ timeout: 30_000 })
  await screenshot(page, 'desk-03-draft')
}, 300_000)

/** An error toast's text once it shows (Payload's toasts are sonner's; "提交中…" comes first). */
async function toastText(page: Page) {
  const toast = page.locator('[data-sonner-toast][data-type="error"]').last()
  await toast.waitFor({ timeout: 60_000 })
  return toast.innerText()
}

/** Two or more Latin letters in a row: English, a rule id or a field path (a URL or a name someone typed aside). */
const LATIN_WORD = /[A-Za-z]{2,}/

test('every message in the admin’s language: a failed login, the channel form, a refused picture edit, the account page; empty channels explain themselves', async () => {
  adminBrowser = await launchBrowser()
  const page = await adminBrowser.browser.newPage()
  page.setDefaultNavigationTimeout(120_000)

  // A failed login: the one Chinese sentence, not the API's bilingual answer.
  await page.goto(`${app.url}/admin/login`)
  await page.locator('input[name="email"]').fill('nobody@newsroom.test')
  await page.locator('input[name="password"]').fill('not-a-password')
  await page.locator('button[type="submit"]').click()
  const loginError = await toastText(page)
  expect(loginError).toContain('邮箱或密码不正确')
  expect(loginError).not.toMatch(LATIN_WORD)
  await screenshot(page, 'desk-14-login-error')
  await logIn(page, app.url, 'admin@newsroom.test', PASSWORD)

  // No channel yet: what a channel is, what happens meanwhile, and that this admin may add one (button below).
  await page.goto(`${app.url}/admin/collections/channels`)
  const empty = page.getByTestId('channels-empty')
  await empty.waitFor({ timeout: 60_000 })
  expect(await empty.innerText()).toMatch(/分发渠道是稿件发布后自动送达的地方[\s\S]*订阅源/)
  expect(await page.getByTestId('channels-empty-who').innerText()).toContain('你是管理员')
  const listText = await page.locator('.collection-list').innerText()
  expect(listText).not.toMatch(/没有结果|要么不存在/)
  expect(listText).toContain('只有管理员可以添加或修改渠道')
  const create = page.getByRole('link', { name: /创建新的/ })
  expect(await create.count()).toBeGreaterThan(0)
  await screenshot(page, 'desk-15-channels-empty-admin')

  // The channel form: a webhook without its URL is refused under the field, in Chinese.
  await create.first().click()
  await page.locator('#field-name').waitFor({ timeout: 60_000 })
  await page.locator('#field-name').fill('黔西南融媒体中心')
  await page.locator('#field-url').fill('ftp://receiver.example/hook')
  // Saved at once, as a reporter does: the form's own change round trip may still be out (its late answer used to
  // wipe the error; tests/e2e/save-errors-browser.test.ts).
  await page.locator('#action-save').click()
  const urlError = page.locator('.field-type:has(#field-url) .field-error')
  await urlError.waitFor({ timeout: 60_000 })
  expect(await urlError.innerText()).toContain('不支持“ftp”协议')
  // Chinese, naming only the protocols themselves.
  expect((await urlError.innerText()).replace(/ftp|https?/g, '')).not.toMatch(LATIN_WORD)
  // The toast names the field by its Chinese label, and the same protocols.
  const formToast = await toastText(page)
  expect(formToast).toContain('推送地址')
  expect(formToast.replace(/ftp|https?/g, '')).not.toMatch(LATIN_WORD)
  await screenshot(page, 'desk-16-channel-form-error')

  // The account page: the desk's settings, no "Payload 设置".
  await page.goto(`${app.url}/admin/account`)
  await page.getByText('界面设置').first().waitFor({ timeout: 60_000 })
  const account = await page.locator('body').innerText()
  expect(account).not.toContain('Payload')
  expect(account).toContain('界面设置')
  await screenshot(page, 'desk-17-account')

  // An editor may look at channels but not add them: the empty list says who can.
  const editor = await pageAs('editor')
  await editor.goto(`${app.url}/admin/collections/channels`)
  await editor.getByTestId('channels-empty').waitFor({ timeout: 60_000 })
  expect(await editor.getByTestId('channels-empty-who').innerText()).toContain('只有管理员可以添加或修改渠道')
  expect(await editor.getByRole('link', { name: /创建新的/ }).count()).toBe(0)
  await screenshot(editor, 'desk-18-channels-empty-editor')

  // A refusal from the server through Payload's own form (a picture a published story shows): Chinese only.
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 80 } } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bus.png')
  form.append('_payload', JSON.stringify({ alt: '兴义市公交车' }))
  const uploaded = await fetch(`${app.url}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${tokens.reporter}` }, body: form })
  const mediaId = ((await uploaded.json()) as any).doc.id
  const shown = await story('兴义市更新一批公交车', ['兴义市今天更新一批新能源公交车。'], { heroImage: mediaId })
  await api('POST', `/api/articles/${shown}/workflow`, 'reporter', { action: 'submit' })
  await api('POST', `/api/articles/${shown}/workflow`, 'editor', { action: 'publish' })
  const reporter = await pageAs('reporter')
  await reporter.goto(`${app.url}/admin/collections/media/${mediaId}`)
  await reporter.locator('#field-alt').waitFor({ timeout: 60_000 })
  await reporter.locator('#field-alt').fill('兴义市新能源公交车')
  await reporter.locator('#action-save').click()
  const refused = await toastText(reporter)
  expect(refused).toContain('只有编辑可以修改')
  expect(refused).not.toMatch(LATIN_WORD)
  await screenshot(reporter, 'desk-19-picture-refused')
}, 400_000)

test('a reporter writes a story: dateline and byline live before saving, findings that quote and jump, 一键修正 in place, submit points at errors', async () => {
  const page = await pageAs('reporter')
  await page.goto(`${app.url}/admin/collections/articles/create`)
  await page.locator('input[name="title"]').fill('兴义市开通第三条城市公交线路')
  const editor = page.locator('[data-lexical-editor="true"]').first()
  await editor.click()
  await page.keyboard.type('兴义市第三条城市公交线路今天开通,全程二十公里,沿途设站三十个.')

  // The place: the rendered dateline and the hint change before any save.
  await page.locator('#field-dateline__place').click()
  await page.keyboard.type('兴义')
  await page.getByRole('option', { name: '兴义市' }).click()
  await expect.poll(() => page.getByTestId('rendered-datelineText-value').innerText(), { timeout: 30_000 }).toBe('亮点黔西南兴义讯')
  expect(await page.getByTestId('dateline-hint-printed').innerText()).toBe('亮点黔西南兴义讯')
  expect(await page.getByTestId('dateline-hint').innerText()).toContain('〔媒体〕〔发稿地〕讯')
  // The credit: the byline renders before any save too.
  await creditAuthor(page, '丁宪民')
  await expect.poll(() => page.getByTestId('rendered-bylineText-value').innerText(), { timeout: 30_000 }).toBe('（丁宪民 报道）')
  expect(page.url()).toMatch(/\/create$/)

  // Findings: in Chinese, each quoting its words; a click selects them in the editor.
  const panel = page.getByTestId('house-style-panel')
  const findings = panel.getByTestId('house-style-finding')
  await expect.poll(() => findings.count(), { timeout: 30_000 }).toBeGreaterThan(1)
  const quotes = await panel.getByTestId('house-style-quote').allInnerTexts()
  expect(new Set(quotes).size).toBe(quotes.length) // identical complaints are told apart by their words
  expect(quotes[0]).toContain('线路今天开通,')
  const panelText = await panel.innerText()
  expect(panelText).not.toMatch(/punctuation|¶|body|\[/)
  await findings.first().locator('button').click()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(',')
  await screenshot(page, 'desk-04-reporter-findings')

  // 一键修正 on the unsaved story: the editor's text is fixed in place and the panel says what changed.
  const fixAll = page.locator('#house-style-fix-all')
  expect(await fixAll.isEnabled()).toBe(true)
  await fixAll.click()
  await expect.poll(() => panel.getByTestId('house-style-fixed').innerText(), { timeout: 30_000 }).toMatch(/^已修正 \d+ 处：/)
  await expect.poll(() => editor.innerText()).toContain('今天开通，全程二十公里，沿途设站三十个。')
  expect(page.url()).toMatch(/\/create$/)
  await panel.getByTestId('house-style-clean').waitFor({ timeout: 30_000 })
  await screenshot(page, 'desk-05-reporter-fixed-unsaved')

  // Saved, then a new slip: the panel shows it at once, and the submit dialog points at it before sending.
  await page.getByRole('button', { name: '保存草稿' }).click()
  await page.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 60_000 })
  await page.getByTestId('workflow-actions').waitFor({ timeout: 60_000 })
  await page.locator('[data-lexical-editor="true"]').first().click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('市民说,很方便.')
  await expect.poll(() => panel.getAttribute('data-errors'), { timeout: 30_000 }).not.toBe('0')
  await page.locator('#workflow-submit').click()
  const problem = page.getByTestId('workflow-problem')
  await problem.waitFor()
  expect(await problem.innerText()).toMatch(/体例检查发现 \d+ 个错误/)
  expect(await page.locator('#workflow-confirm').isDisabled()).toBe(true)
  await screenshot(page, 'desk-06-submit-points-at-errors')
  await page.getByTestId('workflow-show-findings').click()
  await page.getByTestId('workflow-dialog').waitFor({ state: 'detached' })
  await expect.poll(() => panel.locator('[data-active="true"]').count()).toBe(1)

  // Fixed, it goes: the stage changes on screen without a reload, and the story turns read-only with the reason.
  await page.locator('#house-style-fix-all').click()
  await panel.getByTestId('house-style-clean').waitFor({ timeout: 30_000 })
  let reloaded = false
  page.once('load', () => (reloaded = true))
  await page.locator('#workflow-submit').click()
  await page.getByTestId('workflow-dialog').waitFor()
  await page.locator('#workflow-confirm').click()
  await expect.poll(() => stageOf(page), { timeout: 30_000 }).toBe('submitted')
  expect(reloaded).toBe(false)
  await expect.poll(() => page.getByTestId('workflow-read-only').innerText(), { timeout: 30_000 }).toContain('请编辑退回')
  // The body turns read-only too (Lexical took typing it could never save), and typing changes nothing.
  const body = page.locator('[data-lexical-editor="true"]').first()
  await expect.poll(() => body.getAttribute('contenteditable'), { timeout: 30_000 }).toBe('false')
  const bodyBefore = await body.innerText()
  await body.click()
  await page.keyboard.type('不该写进去')
  expect(await body.innerText()).toBe(bodyBefore)
  // The header's one status is the stage, not Payload's draft/published.
  const header = await page.locator('.doc-controls__meta').innerText()
  expect(header).toContain('待审')
  expect(header).not.toMatch(/状态[:：]\s*草稿/)
  await screenshot(page, 'desk-07-reporter-submitted-read-only')
}, 400_000)

test('an editor publishes: it asks first, names the channels, says 审核并发布 on an unreviewed story, and speaks Chinese when style blocks it', async () => {
  await api('POST', '/api/channels', 'admin', { name: '黔西南融媒体中心', type: 'webhook', url: 'http://127.0.0.1:9/hook', enabled: true })
  const clean = await story('兴义市新建三座公共停车场', ['兴义市今年新建三座公共停车场，新增车位一千二百个。'])
  const messy = await story('兴义市新建停车场', ['兴义市今年新建三座公共停车场,新增车位一千二百个.'])
  const page = await pageAs('editor')

  // A style error: the dialog says so in Chinese, lists nothing technical, and will not send.
  await openStory(page, messy)
  await expect.poll(() => page.getByTestId('house-style-panel').getAttribute('data-errors'), { timeout: 30_000 }).not.toBe('0')
  await page.locator('.nr-publish-button').click()
  const dialog = page.getByTestId('workflow-dialog')
  await dialog.waitFor()
  const refused = await page.getByTestId('workflow-problem').innerText()
  expect(refused).toMatch(/体例检查发现 \d+ 个错误/)
  expect(refused).not.toMatch(/punctuation|¶|body|The following|\[/)
  expect(await page.locator('#workflow-confirm').isDisabled()).toBe(true)
  await screenshot(page, 'desk-08-editor-publish-blocked')
  await page.locator('#workflow-cancel').click()

  // A clean draft nobody reviewed: "审核并发布", with where it goes.
  await openStory(page, clean)
  expect(await stageOf(page)).toBe('draft')
  const publish = page.locator('.nr-publish-button')
  expect(await publish.innerText()).toBe('审核并发布')
  await publish.click()
  await dialog.waitFor()
  expect(await page.getByTestId('workflow-dialog-intro').innerText()).toContain('审核通过')
  await page.getByTestId('publish-recipients').waitFor({ timeout: 30_000 })
  expect(await page.getByTestId('publish-recipient').allInnerTexts()).toEqual(['黔西南融媒体中心（Webhook）'])
  expect(await page.getByTestId('publish-recipients').innerText()).toContain('订阅源')
  await screenshot(page, 'desk-09-editor-approve-and-publish')
  await page.locator('#workflow-confirm').click()
  await expect.poll(() => stageOf(page), { timeout: 30_000 }).toBe('published')
  await dialog.waitFor({ state: 'detached' })
  const history = await page
    .getByTestId('workflow-history-entry')
    .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-action')))
  expect(history.slice(0, 2)).toEqual(['publish', 'approve'])
  // Only what the editor may do now: no submit, no second publish.
  expect(await page.locator('#workflow-submit, #workflow-approve').count()).toBe(0)
  await screenshot(page, 'desk-10-editor-published')

  // The reporter sees why they cannot change it.
  const reporter = await pageAs('reporter')
  await openStory(reporter, clean)
  expect(await reporter.getByTestId('workflow-read-only').innerText()).toContain('只有编辑可以修改')
  await screenshot(reporter, 'desk-11-reporter-published-read-only')
}, 400_000)

test('an editor who sends a story back is not offered to submit it', async () => {
  const id = await story('兴义市举办农民丰收节', ['兴义市今天举办农民丰收节，展销农产品两百多种。'])
  await api('POST', `/api/articles/${id}/workflow`, 'reporter', { action: 'submit' })
  const page = await pageAs('editor')
  await openStory(page, id)
  await page.locator('#workflow-requestChanges').click()
  await page.locator('#workflow-note').fill('请补充参展人数')
  await page.locator('#workflow-confirm').click()
  await expect.poll(() => stageOf(page), { timeout: 30_000 }).toBe('changes_requested')
  expect(await page.locator('#workflow-submit').count()).toBe(0)
  expect(await page.getByTestId('workflow-sent-back-note').innerText()).toContain('请补充参展人数')
}, 300_000)

test('on a phone the findings are one tap away', async () => {
  const id = await story('兴义市开展消防演练', ['兴义市今天开展消防演练,三百多人参加.'])
  const page = await pageAs('reporter', { width: 390, height: 844 })
  await openStory(page, id)
  const jump = page.getByTestId('house-style-jump')
  await jump.waitFor({ state: 'visible', timeout: 30_000 })
  expect(await jump.innerText()).toMatch(/体例检查 \d+ 个错误/)
  expect(await jump.isVisible()).toBe(true)
  expect(await page.getByTestId('house-style-panel').isVisible()).toBe(true)
  const inView = () =>
    page
      .getByTestId('house-style-panel')
      .evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight)
  expect(await inView()).toBe(false)
  await page.screenshot({ path: path.join(artifactsDir, 'desk-12-phone.png') })
  await jump.click()
  await expect.poll(inView).toBe(true)
  await page.screenshot({ path: path.join(artifactsDir, 'desk-13-phone-findings.png') })
}, 300_000)
