/**
 * The running server's doors, as a browser and an attacker meet them: security headers on every kind of
 * response, the admin working under its CSP in a real browser, cookie sessions refused from foreign origins
 * (CSRF), CORS closed except to configured origins, one answer for every failed login (no email enumeration,
 * lockout included), GraphQL's login closed, and per-address rate limits on login and forgot-password.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { FAILED_LOGIN_MESSAGE } from '../../src/login-answer'
import { launchBrowser, logIn, screenshot } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'

const PASSWORD = 'security-demo-password'
const LOGIN_LIMIT = 25
const RESET_LIMIT = 4
const FRONTEND = 'https://frontend.example'
const EVIL = 'https://evil.example'

let app: RunningApp
beforeAll(async () => {
  app = await startApp({
    NEWSROOM_DEMO_PASSWORD: PASSWORD,
    NEWSROOM_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    NEWSROOM_PASSWORD_RESET_RATE_LIMIT: String(RESET_LIMIT),
    NEWSROOM_CORS_ORIGINS: FRONTEND,
  })
}, 180_000)
afterAll(async () => {
  await app?.stop()
})

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  })

async function tokenOf(email: string): Promise<{ token: string; cookie: string }> {
  const res = await login(email, PASSWORD)
  expect(res.status).toBe(200)
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('payload-token='))!
    .split(';')[0]!
  return { token: (await res.json()).token, cookie }
}

describe('security headers', () => {
  test('admin, REST, GraphQL, feeds and probes all carry CSP with frame-ancestors self, nosniff and SAMEORIGIN', async () => {
    const responses = {
      admin: await fetch(`${app.url}/admin/login`),
      rest: await fetch(`${app.url}/api/articles?limit=1`),
      graphql: await fetch(`${app.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ Articles { totalDocs } }"}',
      }),
      feed: await fetch(`${app.url}/feeds/rss.xml`),
      notFound: await fetch(`${app.url}/api/articles/999999999`),
      healthz: await fetch(`${app.url}/healthz`),
    }
    for (const [name, res] of Object.entries(responses)) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, name).toContain("frame-ancestors 'self'")
      expect(csp, name).toContain("default-src 'self'")
      expect(csp, name).toContain("object-src 'none'")
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), name).toBe('SAMEORIGIN')
      expect(res.headers.get('referrer-policy'), name).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-powered-by'), name).toBeNull()
      // Plain HTTP here: no HSTS (it would be ignored, and wrong on a laptop).
      expect(res.headers.get('strict-transport-security'), name).toBeNull()
    }
    expect(responses.feed.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(responses.rest.headers.get('cross-origin-resource-policy')).toBe('same-site')
  })

  test('the admin works under the CSP in a real browser: log in, open a story, no CSP violation', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.browser.newPage()
      const violations: string[] = []
      page.on('console', (message) => {
        if (/content security policy/i.test(message.text())) violations.push(message.text())
      })
      page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`))
      await logIn(page, app.url, 'editor@newsroom.test', PASSWORD)
      await page.goto(`${app.url}/admin/collections/articles`)
      const row = page.getByRole('link', { name: '兴仁县“三抓三强”加快后进党组织转化' })
      await row.waitFor({ timeout: 30_000 })
      await row.click()
      await page.waitForURL(/\/admin\/collections\/articles\/[^/]+$/)
      await expect
        .poll(() => page.locator('input[name="title"]').inputValue(), { timeout: 30_000 })
        .toBe('兴仁县“三抓三强”加快后进党组织转化')
      await page.locator('[data-lexical-editor="true"] h2', { hasText: '抓班子 强组织' }).waitFor({ timeout: 30_000 })
      await screenshot(page, 'security-admin-under-csp')
      expect(violations).toEqual([])
    } finally {
      await browser.close()
    }
  })
})

describe('origins', () => {
  test('a cookie-authenticated request from a foreign Origin cannot create a draft; from the site itself it can', async () => {
    const { token, cookie } = await tokenOf('reporter@newsroom.test')
    const count = async () =>
      (await (await fetch(`${app.url}/api/articles?draft=true&limit=0`, { headers: { authorization: `JWT ${token}` } })).json()).totalDocs
    const before = await count()
    const draft = (origin: string) =>
      fetch(`${app.url}/api/articles?draft=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify({ title: '跨站请求伪造测试稿', _status: 'draft' }),
      })
    const forged = await draft(EVIL)
    expect(forged.status).toBe(403)
    expect(await count()).toBe(before)
    // Not even with a look-alike origin or the public origin's scheme swapped.
    expect((await draft(app.url.replace('http:', 'https:'))).status).toBe(403)
    expect((await draft(`${app.url}.evil.example`)).status).toBe(403)
    const genuine = await draft(app.url)
    expect(genuine.status).toBe(201)
    expect(await count()).toBe(before + 1)
  })

  test('CORS is closed to other origins and open to NEWSROOM_CORS_ORIGINS', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/api/articles`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    const evil = await preflight(EVIL)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const evilGet = await fetch(`${app.url}/api/articles?limit=1`, { headers: { origin: EVIL } })
    expect(evilGet.headers.get('access-control-allow-origin')).toBeNull()
    const frontend = await fetch(`${app.url}/api/graphql`, {
      method: 'POST',
      headers: { origin: FRONTEND, 'content-type': 'application/json' },
      body: '{"query":"{ Articles { totalDocs } }"}',
    })
    expect(frontend.headers.get('access-control-allow-origin')).toBe(FRONTEND)
    // A CORS-allowed frontend still gets no session from the cookie: it is not a trusted origin.
    const { cookie } = await tokenOf('editor@newsroom.test')
    const me = await (await fetch(`${app.url}/api/users/me`, { headers: { cookie, origin: FRONTEND } })).json()
    expect(me.user).toBeNull()
  })
})

describe('login', () => {
  test('an unknown email, a wrong password and a locked account get the same answer', async () => {
    const unknown = await login('nobody-here@newsroom.test', 'whatever-password')
    const unknownBody = await unknown.json()
    const wrong = await login('reporter@newsroom.test', 'wrong-password')
    const wrongBody = await wrong.json()
    expect([unknown.status, wrong.status]).toEqual([401, 401])
    expect(wrongBody).toEqual(unknownBody)
    expect(unknownBody.errors[0].message).toBe(FAILED_LOGIN_MESSAGE)

    // Lock the reporter (maxLoginAttempts 10), then the right password gets that same answer too.
    for (let i = 0; i < 10; i++) await login('reporter@newsroom.test', `wrong-${i}`)
    const locked = await login('reporter@newsroom.test', PASSWORD)
    expect(locked.status).toBe(401)
    expect(await locked.json()).toEqual(unknownBody)
    // And an unknown email "locked" by as many attempts still answers the same.
    expect(await (await login('nobody-here@newsroom.test', 'again')).json()).toEqual(unknownBody)
  })

  test('forgot-password answers the same whether or not the email exists', async () => {
    const forgot = (email: string) =>
      fetch(`${app.url}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
    const known = await forgot('editor@newsroom.test')
    const unknown = await forgot('nobody-here@newsroom.test')
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual(await unknown.json())
  })

  test('GraphQL login and password mutations are closed (they would walk around the rate limit)', async () => {
    const res = await fetch(`${app.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { loginUser(email: "admin@newsroom.test", password: "${PASSWORD}") { token } }` }),
    })
    const body = await res.json()
    expect(body.data?.loginUser ?? null).toBeNull()
    expect(body.errors[0].message).toMatch(/login is not available over GraphQL: use REST \(POST \/api\/users\/login\)/)
    const forgot = await (
      await fetch(`${app.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { forgotPasswordUser(email: "admin@newsroom.test") }` }),
      })
    ).json()
    expect(forgot.errors[0].message).toMatch(/forgotPassword is not available over GraphQL/)
  })
})

// Last: these exhaust this address's allowance on this server.
describe('rate limits', () => {
  test('failed logins from one address hit 429 within the limit; then even the right password waits', async () => {
    let status = 0
    let attempts = 0
    while (attempts < LOGIN_LIMIT + 1) {
      attempts++
      status = (await login('admin@newsroom.test', `guess-${attempts}`)).status
      if (status === 429) break
    }
    expect(status).toBe(429)
    // The earlier tests' failures count too: the limit is per address, not per test.
    expect(attempts).toBeLessThanOrEqual(LOGIN_LIMIT + 1)
    const blocked = await login('admin@newsroom.test', PASSWORD)
    expect(blocked.status).toBe(429)
    const body = await blocked.json()
    expect(body.errors[0].message).toMatch(/Too many failed logins from this address/)
    expect(blocked.headers.get('ratelimit-policy')).toMatch(new RegExp(`q=${LOGIN_LIMIT}`))
  })

  test('forgot-password is limited per address too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < RESET_LIMIT + 1; i++) {
      const res = await fetch(`${app.url}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `someone-${i}@newsroom.test` }),
      })
      statuses.push(res.status)
    }
    // Two requests went out in the enumeration test above.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2)
    expect(statuses.slice(0, RESET_LIMIT - 2).every((s) => s === 200)).toBe(true)
  })
})
