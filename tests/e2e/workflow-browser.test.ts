/**
 * The workflow in a real browser: a reporter writes a story in the Lexical editor, credits themselves and
 * submits it; an editor finds it in the review queue and sends it back with a note; the reporter reads the
 * note, adds the missing fact and resubmits; the editor approves it and publishes it with the Publish
 * button; anonymous GraphQL then returns it. Screenshots of each step land in tests/artifacts/ — look at them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'

import { creditAuthor, launchBrowser, logIn, screenshot, type Page } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'

let app: RunningApp
let reporterBrowser: Awaited<ReturnType<typeof launchBrowser>>
let editorBrowser: Awaited<ReturnType<typeof launchBrowser>>
const PASSWORD = 'workflow-demo-password'
const HEADLINE = '兴义市开通第二条城市公交线路'

beforeAll(async () => {
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD })
  reporterBrowser = await launchBrowser()
  editorBrowser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await reporterBrowser?.close()
  await editorBrowser?.close()
  await app?.stop()
})

const stageOf = (page: Page) => page.getByTestId('workflow-actions').getAttribute('data-stage')

/** Confirm an action in its dialog; the page updates in place (no reload) and the dialog closes. */
async function takeAction(page: Page, action: string, note?: string) {
  await page.locator(`#workflow-${action}`).click()
  const dialog = page.getByTestId('workflow-dialog')
  await dialog.waitFor()
  if (note) await page.locator('#workflow-note').fill(note)
  await page.locator('#workflow-confirm').click()
  await dialog.waitFor({ state: 'detached', timeout: 30_000 })
}

test('a reporter writes and submits a story; an editor approves and publishes it; the public reads it', async () => {
  // ---- The reporter writes the story in the admin.
  const reporter = await reporterBrowser.browser.newPage()
  await logIn(reporter, app.url, 'reporter@newsroom.test', PASSWORD)
  // The dashboard opens with the reporter's own lists.
  await reporter.locator('#dashboard-workflow-my-stories').waitFor()
  expect(await reporter.getByTestId('dashboard-workflow-my-stories-count').textContent()).toBe('1')
  await screenshot(reporter, 'workflow-01-reporter-dashboard')

  await reporter.goto(`${app.url}/admin/collections/articles/create`)
  await reporter.locator('input[name="title"]').fill(HEADLINE)
  const editor = reporter.locator('[data-lexical-editor="true"]').first()
  await editor.click()
  await reporter.keyboard.type('兴义市第二条城市公交线路今天正式开通，全程十八公里，沿途设站二十四个。')
  await reporter.keyboard.press('Enter')
  await reporter.keyboard.type('市交通运输局表示，新线路将方便城北新区居民出行。')

  // Credit themselves as the reporter (记者).
  await creditAuthor(reporter, '丁宪民')

  // The first save creates the story (autosave takes over from there); the action bar appears with its stage.
  await reporter.getByRole('button', { name: '保存草稿' }).click()
  // A freshly started server's first save is its slowest, and CI runs this file beside the crash test's servers:
  // once (PostgreSQL, 2026-12-06, the machine busier still) 30 s ran out before the story opened, as desk-browser
  // already allows 60 s for. How fast a save is, is the desk benchmark's to say (tests/bench/desk.ts); here it must
  // open the saved story, and say what was on screen if it did not.
  await reporter.waitForURL(/\/admin\/collections\/articles\/\d+$/, { timeout: 60_000 }).catch(async (error: unknown) => {
    // Payload's toasts are sonner's; allInnerTexts does not wait for one to appear.
    const onScreen = (await reporter.locator('[data-sonner-toast]').allInnerTexts()).join(' | ')
    throw new Error(`the first save did not open the story (still at ${reporter.url()}); on screen: ${onScreen || 'no message'}`, {
      cause: error,
    })
  })
  await expect.poll(() => stageOf(reporter), { timeout: 30_000 }).toBe('draft')
  await expect.poll(() => reporter.getByTestId('house-style-clean').isVisible(), { timeout: 30_000 }).toBe(true)
  await screenshot(reporter, 'workflow-02-reporter-writing')
  // A reporter has no Publish button and no editor actions.
  expect(await reporter.locator('#workflow-approve, .nr-publish-button').count()).toBe(0)

  await takeAction(reporter, 'submit', '请王老师审阅')
  await expect.poll(() => stageOf(reporter)).toBe('submitted')
  expect(await reporter.locator('#workflow-submit').count()).toBe(0)
  await reporter.getByTestId('workflow-history-entry').first().waitFor()
  await screenshot(reporter, 'workflow-03-reporter-submitted')
  const storyUrl = reporter.url()
  // Leave the story so the editor does not find it locked.
  await reporter.goto(`${app.url}/admin`)

  // ---- The editor finds it in the review queue and sends it back with a note.
  const desk = await editorBrowser.browser.newPage()
  await logIn(desk, app.url, 'editor@newsroom.test', PASSWORD)
  expect(await desk.getByTestId('dashboard-workflow-review-queue-count').textContent()).toBe('1')
  await screenshot(desk, 'workflow-04-editor-dashboard')
  await desk.locator('#dashboard-workflow-review-queue .card__click').click()
  await desk.getByRole('link', { name: HEADLINE }).waitFor({ timeout: 30_000 })
  await screenshot(desk, 'workflow-05-editor-review-queue')
  await desk.getByRole('link', { name: HEADLINE }).click()
  await desk.waitForURL(storyUrl)
  await desk.getByTestId('workflow-actions').waitFor({ timeout: 30_000 })
  await expect.poll(() => stageOf(desk)).toBe('submitted')
  await screenshot(desk, 'workflow-06-editor-opens-story')
  await desk.locator('#workflow-requestChanges').click()
  await desk.getByTestId('workflow-dialog').waitFor()
  // The note is required: confirming without one keeps the dialog open and says so.
  await desk.locator('#workflow-confirm').click()
  await desk.getByTestId('workflow-problem').waitFor()
  await screenshot(desk, 'workflow-07-editor-request-changes')
  await desk.locator('#workflow-note').fill('请补充首末班车时间')
  await desk.locator('#workflow-confirm').click()
  await expect.poll(() => stageOf(desk), { timeout: 30_000 }).toBe('changes_requested')
  await desk.goto(`${app.url}/admin`)

  // ---- The reporter sees why, adds the missing fact and submits again.
  await reporter.goto(`${app.url}/admin`)
  expect(await reporter.getByTestId('dashboard-workflow-sent-back-count').textContent()).toBe('1')
  await reporter.locator('#dashboard-workflow-sent-back .card__click').click()
  await reporter.getByRole('link', { name: HEADLINE }).waitFor({ timeout: 30_000 })
  await screenshot(reporter, 'workflow-08-reporter-sent-back-list')
  await reporter.getByRole('link', { name: HEADLINE }).click()
  await reporter.waitForURL(storyUrl)
  await expect
    .poll(() => reporter.getByTestId('workflow-sent-back-note').textContent(), { timeout: 30_000 })
    .toContain('请补充首末班车时间')
  await screenshot(reporter, 'workflow-09-reporter-sees-note')
  await reporter.locator('[data-lexical-editor="true"]').first().click()
  await reporter.keyboard.press('ControlOrMeta+End')
  await reporter.keyboard.press('Enter')
  await reporter.keyboard.type('首班车早上六点半发车，末班车晚上九点收车。')
  await takeAction(reporter, 'submit')
  await expect.poll(() => stageOf(reporter)).toBe('submitted')
  await reporter.goto(`${app.url}/admin`)

  // ---- The editor approves it and publishes it with the Publish button.
  await desk.goto(storyUrl)
  await desk.getByTestId('workflow-actions').waitFor({ timeout: 30_000 })
  await expect.poll(() => stageOf(desk)).toBe('submitted')
  await takeAction(desk, 'approve')
  await expect.poll(() => stageOf(desk)).toBe('approved')
  await screenshot(desk, 'workflow-10-editor-approved')

  // Publish asks first, saying where the story goes.
  await desk.locator('.nr-publish-button').click()
  await desk.getByTestId('publish-recipients').waitFor()
  await desk.locator('#workflow-confirm').click()
  await desk.getByTestId('workflow-dialog').waitFor({ state: 'detached', timeout: 30_000 })
  await expect.poll(() => stageOf(desk)).toBe('published')
  await expect.poll(() => desk.getByTestId('workflow-history-entry').count()).toBe(6)
  await screenshot(desk, 'workflow-11-editor-published')

  // ---- The public reads it.
  const res = await fetch(`${app.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: `query ($t: String) { Articles(where: { title: { equals: $t } }) { docs { title stage datelineText bylineText html } } }`,
      variables: { t: HEADLINE },
    }),
  })
  const story = ((await res.json()) as any).data.Articles.docs[0]
  // Published for the public; the stage itself is desk business (null for anonymous readers).
  expect(story).toMatchObject({ title: HEADLINE, stage: null, datelineText: '亮点黔西南讯', bylineText: '（丁宪民 报道）' })
  expect(story.html).toContain('全程十八公里')
  expect(story.html).toContain('末班车晚上九点收车')

  // ---- A correction, printed at the end of the story.
  await takeAction(desk, 'correct', '本文原称沿途设站二十四个，实为二十二个。')
  await expect.poll(() => stageOf(desk)).toBe('corrected')
  await screenshot(desk, 'workflow-12-editor-corrected')
  const corrected = await fetch(`${app.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: `query ($t: String) { Articles(where: { title: { equals: $t } }) { docs { stage html } } }`,
      variables: { t: HEADLINE },
    }),
  })
  const afterCorrection = ((await corrected.json()) as any).data.Articles.docs[0]
  // The public reads the correction in the story; the stage stays desk business (null for anonymous readers).
  expect(afterCorrection.stage).toBeNull()
  expect(afterCorrection.html).toMatch(/更正（[^）]+）：本文原称沿途设站二十四个，实为二十二个。/)

  // The reporter sees the story as published, with its history, and cannot change it.
  await reporter.goto(storyUrl)
  await expect.poll(() => stageOf(reporter), { timeout: 30_000 }).toBe('corrected')
  expect(await reporter.locator('#workflow-correct, .nr-publish-button').count()).toBe(0)
  await screenshot(reporter, 'workflow-13-reporter-sees-corrected')
}, 400_000)
