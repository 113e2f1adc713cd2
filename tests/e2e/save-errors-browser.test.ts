/**
 * A refused save's field errors stay under the fields (src/admin/save-errors/KeepSaveErrors.tsx).
 *
 * Payload's edit view sends the form state to the server shortly after each change, unvalidated before the first
 * submit. When that answer lands after a refused save's, Payload marks every field valid again and the error
 * under the field vanishes a moment after it appeared (it failed desk-browser on loaded CI machines). Here the
 * race is made certain: the browser holds the form-state answer back until the save's refusal is on screen.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser, logIn, screenshot, type Page } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'

const PASSWORD = 'save-errors-password'
let app: RunningApp
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD }, { startTimeoutMs: 180_000 })
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

/** Holds the admin's form-state answers back until released; counts those that came back. */
async function holdFormState(page: Page) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let answered = 0
  await page.route('**/admin/collections/**', async (route) => {
    const request = route.request()
    if (request.method() !== 'POST' || !(request.postData() ?? '').includes('"form-state"')) return route.continue()
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
    answered++
  })
  return { release, answered: () => answered }
}

const urlError = (page: Page) => page.locator('.field-type:has(#field-url) .field-error')

test('a channel URL refused on save stays marked under the field when an older form-state answer lands after the refusal', async () => {
  const page = await browser.browser.newPage()
  page.setDefaultNavigationTimeout(120_000)
  await logIn(page, app.url, 'admin@newsroom.test', PASSWORD)
  await page.goto(`${app.url}/admin/collections/channels/create`)
  await page.locator('#field-name').waitFor({ timeout: 60_000 })
  const held = await holdFormState(page)

  // The form sends its state 250 ms after a change; listen before typing, or a slow fill lets it go unseen.
  const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('"form-state"'), { timeout: 30_000 })
  await page.locator('#field-name').fill('黔西南融媒体中心')
  await page.locator('#field-url').fill('ftp://receiver.example/hook')
  // That request is now out, and held.
  await sent
  await page.locator('#action-save').click()
  await urlError(page).waitFor({ timeout: 60_000 })
  expect(await urlError(page).innerText()).toContain('不支持“ftp”协议')

  // The older answer lands after the refusal.
  held.release()
  await expect.poll(held.answered, { timeout: 10_000 }).toBeGreaterThan(0)
  // Give React a moment to apply it, then the error must still be there.
  await page.waitForTimeout(1000)
  expect(await urlError(page).count()).toBe(1)
  expect(await urlError(page).innerText()).toContain('不支持“ftp”协议')
  await screenshot(page, 'save-errors-1-kept')

  // Once the reporter corrects the value, the stale refusal goes: the field is checked afresh.
  await page.locator('#field-url').fill('https://receiver.example/hook')
  await urlError(page).waitFor({ state: 'detached', timeout: 30_000 })
  await screenshot(page, 'save-errors-2-corrected')
}, 180_000)
