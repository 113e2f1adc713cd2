/**
 * The distribution plugin in the admin, in a real browser against the built server: an admin's channel shows
 * "•••• set" and never its secret; a story's deliveries are listed on the story; an editor sends a failed
 * delivery again with the button on its page. Screenshots land in tests/artifacts/.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser, logIn, screenshot } from '../support/browser'
import { startApp, type RunningApp } from '../support/server'
import { until } from '../support/wait'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import { callApp, logInToApp } from '../support/app-client'

const PASSWORD = 'distribution-demo-password'
const SECRET = `whsec_${Buffer.from('newsroom-admin-test-secret-0123456789').toString('base64')}`

let app: RunningApp
let browser: Awaited<ReturnType<typeof launchBrowser>>
let receiver: WebhookReceiver
let adminToken: string

async function api(method: string, path: string, body?: unknown) {
  const { status, body: json } = await callApp(app.url, method, `/api${path}`, { token: adminToken, body })
  return { status, body: json }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET, behaviour: { statuses: [422] } })
  app = await startApp({ NEWSROOM_DEMO_PASSWORD: PASSWORD, NEWSROOM_JOBS_INTERVAL_MS: '300' })
  browser = await launchBrowser()
  adminToken = await logInToApp(app.url, 'admin@newsroom.test', PASSWORD)
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await receiver?.close()
})

test('a failed delivery is listed on its story and sent again by an editor from the admin; the channel never shows its secret', async () => {
  const channel = await api('POST', '/channels', { name: '合作网站', type: 'webhook', enabled: true, url: receiver.url, secret: SECRET })
  expect(channel.status).toBe(201)
  const { body: list } = await api(
    'GET',
    `/articles?where[title][equals]=${encodeURIComponent('兴仁县“三抓三强”加快后进党组织转化')}&depth=0`,
  )
  const story = list.docs[0]
  // An edit of the live founding story goes out as an update; the receiver refuses it (422: permanent).
  expect((await api('PATCH', `/articles/${story.id}`, { dek: '12个后进党组织一年内全部转化', _status: 'published' })).status).toBe(200)
  const failed = await until('the update delivery to fail', async () => {
    const { body } = await api('GET', `/deliveries?where[article][equals]=${story.id}&depth=0`)
    return body.docs.find((d: any) => d.state === 'failed')
  })
  expect(failed.lastStatus).toBe(422)

  const page = await browser.browser.newPage()
  await logIn(page, app.url, 'admin@newsroom.test', PASSWORD)
  await page.goto(`${app.url}/admin/collections/channels/${channel.body.doc.id}`)
  await page.locator('input[name="name"]').waitFor({ timeout: 30_000 })
  await expect.poll(() => page.locator('input[name="secretStatus"]').inputValue(), { timeout: 30_000 }).toMatch(/•••• set/)
  // The stored secret is sealed (not rendered at all); the admin types a new one into the write-only input.
  expect(await page.locator('input[name="secret"]').count()).toBe(0)
  expect(await page.locator('input[name="newSecret"]').inputValue()).toBe('')
  expect(await page.content()).not.toContain(SECRET.slice(6, 30))
  await screenshot(page, 'distribution-channel')

  await page.goto(`${app.url}/admin/collections/articles/${story.id}`)
  await page.locator('input[name="title"]').waitFor({ timeout: 30_000 })
  await page.getByText('更新 · 兴仁县“三抓三强”加快后进党组织转化 → 合作网站').first().waitFor({ timeout: 30_000 })
  await screenshot(page, 'distribution-story-deliveries')
  await page.close()
  await browser.browser.clearCookies()

  const editorPage = await browser.browser.newPage()
  await logIn(editorPage, app.url, 'editor@newsroom.test', PASSWORD)
  await editorPage.goto(`${app.url}/admin/collections/deliveries/${failed.id}`)
  const retry = editorPage.getByRole('button', { name: '重新发送' })
  await retry.waitFor({ timeout: 30_000 })
  await screenshot(editorPage, 'distribution-failed-delivery')
  await retry.click()
  const delivered = await until('the retried delivery to succeed', async () => {
    const { body } = await api('GET', `/deliveries/${failed.id}?depth=0`)
    return body.state === 'success' ? body : false
  })
  expect(delivered).toMatchObject({ attempts: 2, lastStatus: 200 })
  expect(receiver.received.map((r) => r.id)).toEqual([failed.webhookId, failed.webhookId])
  // The button reloads the page after a successful retry; the delivery is then no longer retryable.
  await editorPage.getByText('仅失败的分发可以重新发送。').waitFor({ timeout: 30_000 })
  await screenshot(editorPage, 'distribution-retried-delivery')
}, 180_000)
