/**
 * Debian's chromium driven by playwright-core, headless, with a fresh profile and the flags this offline
 * machine needs. Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
 */
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const artifactsDir = path.resolve(import.meta.dirname, '..', 'artifacts')

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

export type { Browser, Page }
