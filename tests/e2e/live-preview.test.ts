/**
 * Live preview as a reporter meets it, in a real browser against the built server: the story open in the
 * admin, the live preview toggled on, and the reader page beside the editor following every change — headline,
 * body, dateline place, a new credit — while nothing is saved (autosave is held back for the whole test, and
 * the stored draft is checked unchanged). Anonymous readers get no draft by any path: the preview page, its
 * render endpoint, the public story page and GraphQL. Screenshots: tests/artifacts/live-preview-*.png.
 */
import path from 'node:path'
import type { Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { artifactsDir, creditAuthor, launchBrowser, logIn, screenshot } from '../support/browser'
import { lexical } from '../support/lexical'
import { startApp, type RunningApp } from '../support/server'
import { callApp, logInToApp } from '../support/app-client'

const PASSWORD = 'live-preview-e2e-pass'
const TITLE = '兴义市开通第四条城市公交线路'
const FIRST_PARAGRAPH = '兴义市第四条城市公交线路今天开通，全程二十二公里。'
const NEW_TITLE = '兴义市第四条公交线路今起运营'
const TYPED = '市民说，出行方便多了。'

let app: RunningApp
const tokens: Record<string, string> = {}
let storyId: number
let slug: string

async function api(method: string, url: string, who: 'reporter' | 'editor' | null, body?: unknown) {
  const { status, text, body: json, headers } = await callApp(app.url, method, url, { token: who ? tokens[who] : null, body })
  return { status, text, json, headers }
}

const storedDraft = async () => (await api('GET', `/api/articles/${storyId}?draft=true&depth=0`, 'editor')).json

beforeAll(async () => {
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD })
  for (const who of ['reporter', 'editor'] as const) tokens[who] = await logInToApp(app.url, `${who}@newsroom.test`, PASSWORD)
  // A new draft of the reporter's: the house dateline (亮点黔西南讯), nobody credited yet.
  const created = await api('POST', '/api/articles?draft=true&depth=0', 'reporter', {
    title: TITLE,
    body: lexical(FIRST_PARAGRAPH),
    _status: 'draft',
  })
  expect(created.status, created.text).toBe(201)
  storyId = created.json.doc.id
  slug = created.json.doc.slug
}, 240_000)

afterAll(async () => {
  await app?.stop()
})

describe('who may see a preview', () => {
  test('anonymous: the preview page is 401 (a log-in link, no draft), its render endpoint 401, the story page 404, GraphQL null', async () => {
    const preview = await api('GET', `/preview/news/${storyId}`, null)
    expect(preview.status).toBe(401)
    expect(preview.text).toContain('/admin/login?redirect=')
    expect(preview.text).not.toContain(TITLE)
    expect(preview.headers.get('cache-control')).toContain('no-store')
    const render = await api('POST', `/api/articles/${storyId}/preview`, null, { title: '匿名' })
    expect(render.status).toBe(401)
    expect(render.text).not.toContain(TITLE)
    // A forged cookie is no session.
    const forged = await fetch(`${app.url}/preview/news/${storyId}`, { headers: { cookie: 'payload-token=forged' }, redirect: 'manual' })
    expect(forged.status).toBe(401)
    expect((await api('GET', `/news/${slug}`, null)).status).toBe(404)
    const graphql = await api('POST', '/api/graphql', null, {
      query: 'query ($slug: String!) { Story(slug: $slug) { title } }',
      variables: { slug },
    })
    expect(graphql.json.data.Story).toBeNull()
  })

  test('logged in: the preview page is the reader page of the draft, with its dateline; never cached, never indexed', async () => {
    const preview = await api('GET', `/preview/news/${storyId}`, 'reporter')
    expect(preview.status).toBe(200)
    expect(preview.text).toContain(`<h1>${TITLE}</h1>`)
    expect(preview.text).toContain('<span class="nr-dateline">亮点黔西南讯</span>')
    expect(preview.text).toMatch(/<meta name="robots" content="noindex, nofollow"\/>/)
    expect(preview.headers.get('cache-control')).toMatch(/no-store/)
    expect((await api('GET', '/preview/news/999999', 'reporter')).status).toBe(404)
  })

  test('the render endpoint names a field sent in the wrong shape (400) and an unknown story (404)', async () => {
    const wrong = await api('POST', `/api/articles/${storyId}/preview`, 'reporter', { title: 5 })
    expect(wrong.status).toBe(400)
    expect(wrong.json.errors[0]).toMatchObject({ field: 'title', message: 'title must be a string' })
    const credits = await api('POST', `/api/articles/${storyId}/preview`, 'reporter', { credits: 'ding' })
    expect(credits.json.errors[0]).toMatchObject({ field: 'credits' })
    expect((await api('POST', `/api/articles/${storyId}/preview`, 'reporter', '{not json')).status).toBe(400)
    expect((await api('POST', '/api/articles/999999/preview', 'reporter', {})).status).toBe(404)
  })
})

test('in a browser: the preview beside the editor follows headline, body, dateline and byline before anything is saved', async () => {
  const { browser, close } = await launchBrowser()
  const page = await browser.newPage()
  page.setDefaultNavigationTimeout(120_000)
  const browserErrors: string[] = []
  page.on('pageerror', (error) => browserErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text())
  })
  // Autosave is held back: whatever the preview shows below was never saved.
  const heldSaves: Route[] = []
  await page.route(
    (url) => url.pathname === `/api/articles/${storyId}`,
    (route) => (route.request().method() === 'PATCH' ? void heldSaves.push(route) : route.continue()),
  )
  try {
    await logIn(page, app.url, 'reporter@newsroom.test', PASSWORD)
    await page.goto(`${app.url}/admin/collections/articles/${storyId}`)
    await page.locator('input[name="title"]').waitFor({ timeout: 60_000 })
    await page.locator('#live-preview-toggler').click()
    const preview = page.frameLocator('#live-preview-iframe')
    await expect.poll(() => preview.locator('h1').textContent(), { timeout: 60_000 }).toBe(TITLE)
    expect(await preview.locator('.nr-dateline').textContent()).toBe('亮点黔西南讯')
    expect(await preview.locator('.masthead .brand').textContent()).toBe('亮点黔西南')

    // The headline.
    await page.locator('input[name="title"]').fill(NEW_TITLE)
    await expect.poll(() => preview.locator('h1').textContent(), { timeout: 30_000 }).toBe(NEW_TITLE)
    await expect.poll(() => preview.getByTestId('preview-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('live')

    // The body.
    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.type(TYPED)
    await expect.poll(() => preview.locator('.story-body').innerText(), { timeout: 30_000 }).toContain(TYPED)
    expect(await preview.locator('.story-body p').first().innerText()).toMatch(/^亮点黔西南讯/)

    // The dateline's place, rendered as the save will render it.
    await page.locator('#field-dateline__place').click()
    await page.keyboard.type('兴义')
    await page.getByRole('option', { name: '兴义市' }).click()
    await expect.poll(() => preview.locator('.nr-dateline').textContent(), { timeout: 30_000 }).toBe('亮点黔西南兴义讯')

    // A credit: the byline at the end of the story and the credit line under the headline.
    await creditAuthor(page, '丁宪民')
    await expect.poll(() => preview.locator('.nr-byline').textContent(), { timeout: 30_000 }).toBe('（丁宪民 报道）')
    expect((await preview.locator('.meta .credits').innerText()).replace(/\s+/g, ' ')).toBe('记者 丁宪民')
    await expect.poll(() => preview.getByTestId('preview-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('live')
    await screenshot(page, 'live-preview-admin')
    await page.locator('#live-preview-iframe').screenshot({ path: path.join(artifactsDir, 'live-preview-frame.png') })

    // None of it was saved: the stored draft is as created. Autosave fires once the form has been still for its
    // interval, so wait for it to have tried (and been held) before reading the stored draft.
    await expect.poll(() => heldSaves.length, { timeout: 30_000 }).toBeGreaterThan(0)
    const stored = await storedDraft()
    expect(stored).toMatchObject({ title: TITLE, datelineText: '亮点黔西南讯', bylineText: '' })
    expect(JSON.stringify(stored.body)).not.toContain(TYPED)
    expect(browserErrors).toEqual([])
  } catch (error) {
    await screenshot(page, 'live-preview-failure').catch(() => undefined)
    const status = await page
      .frameLocator('#live-preview-iframe')
      .getByTestId('preview-status')
      .innerText({ timeout: 1000 })
      .catch(() => '(no preview status)')
    throw new Error(
      `${error instanceof Error ? error.message : error}\nPreview said: ${status}\nBrowser errors:\n${browserErrors.join('\n')}\nServer output:\n${app.output().slice(-3000)}`,
      { cause: error },
    )
  } finally {
    for (const route of heldSaves.splice(0)) await route.abort().catch(() => undefined)
    await close()
  }
}, 300_000)
