/**
 * Debian's chromium driven by playwright-core, headless, with a fresh profile and the flags this offline
 * machine needs. Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
 */
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { artifactsDir } from './artifacts'

export { artifactsDir }

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || execSync('which chromium', { encoding: 'utf8' }).trim()
}

export async function launchBrowser(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'newsroom-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return { browser: context, close: () => context.close() }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const file = path.join(artifactsDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Log in through the admin's own login form. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
}

/**
 * In the story form, adds the first credit and picks its author as a reporter does: 添加署名, type the name,
 * choose it. The add click is repeated while no credit row has appeared (on a loaded machine a click that lands
 * while the form is still settling from the previous field is dropped), never once a row is there.
 */
export async function creditAuthor(page: Page, name: string): Promise<void> {
  const author = page.locator('[id^="field-credits__0__author"]')
  for (let tries = 0; tries < 6 && (await author.count()) === 0; tries++) {
    await page
      .getByRole('button', { name: /添加.*署名/ })
      .first()
      .click()
    await author.waitFor({ timeout: 5_000 }).catch(() => undefined)
  }
  await author.click()
  await page.keyboard.type(name)
  await page.getByRole('option', { name }).click()
}

export type { Browser, Page }
