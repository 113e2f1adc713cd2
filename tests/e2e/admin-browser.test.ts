/**
 * A reporter's first look: log in to the admin in a real browser and open the founding story. The
 * screenshots land in tests/artifacts/ — look at them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser, logIn, screenshot } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'

let app: RunningApp
let browser: Awaited<ReturnType<typeof launchBrowser>>
const PASSWORD = 'reporter-demo-password'

beforeAll(async () => {
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD })
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

test('the reporter logs in and opens the founding story in the admin', async () => {
  const page = await browser.browser.newPage()
  await logIn(page, app.url, 'reporter@newsroom.test', PASSWORD)
  await page.goto(`${app.url}/admin/collections/articles`)
  const row = page.getByRole('link', { name: '兴仁县“三抓三强”加快后进党组织转化' })
  await row.waitFor({ timeout: 30_000 })
  await screenshot(page, 'foundation-article-list')
  await row.click()
  await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
  await page.locator('input[name="title"]').waitFor({ timeout: 30_000 })
  await screenshot(page, 'foundation-founding-story-loading')
  // The headline field holds the cleaned headline; the editor shows the sub-headings; the sidebar the rendered dateline.
  await expect.poll(() => page.locator('input[name="title"]').inputValue(), { timeout: 30_000 }).toBe('兴仁县“三抓三强”加快后进党组织转化')
  await page.locator('[data-lexical-editor="true"] h2', { hasText: '抓班子 强组织' }).waitFor()
  await expect.poll(() => page.getByTestId('rendered-datelineText-value').innerText()).toBe('亮点黔西南讯')
  await expect.poll(() => page.getByTestId('rendered-bylineText-value').innerText()).toBe('（丁宪民 报道）')
  await screenshot(page, 'foundation-founding-story')
})
