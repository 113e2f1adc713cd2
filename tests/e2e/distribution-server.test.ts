/**
 * Distribution in the built server process (src/server.ts, as `npm start` runs it), sharing its database with
 * this test process, which writes the stories (Local API) while the server's own job runner delivers them:
 * the feeds on the Express host; a publish delivered by the running server; the server SIGKILLed in the middle
 * of a slow delivery and restarted on the same database — the delivery completes and the receiver processes
 * it once; and (PostgreSQL only) two server processes on one database, each delivery sent once.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  // On SQLite, a database file both processes can open (the default for tests is in-memory).
  // (tests/support/env-setup.ts gave this file a temp folder of its own.)
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${process.env.NEWSROOM_DATA_DIR}/shared.db`
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})

import { FAST_RECOVERY_ENV, startApp, type RunningApp } from '../support/server'
import { until } from '../support/wait'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import {
  bootDistributionDesk,
  closeDistributionDesk,
  createChannel,
  deliveriesOf,
  publishStory,
  SECRET,
  type DistributionDesk,
  switchOffChannels,
} from '../support/distribution-desk'

const SERVER_ENV = FAST_RECOVERY_ENV

let d: DistributionDesk
const apps: RunningApp[] = []
const receivers: WebhookReceiver[] = []
const channels: unknown[] = []

async function server(): Promise<RunningApp> {
  const app = await startApp(SERVER_ENV, { databaseUri: process.env.DATABASE_URI! })
  apps.push(app)
  return app
}

async function onlyChannel(receiver: WebhookReceiver, extra: Record<string, unknown> = {}) {
  await switchOffChannels(d, channels)
  const channel = await createChannel(d, { name: `站点${channels.length}`, type: 'webhook', url: receiver.url, secret: SECRET, ...extra })
  channels.push(channel.id)
  return channel
}

beforeAll(async () => {
  d = await bootDistributionDesk()
}, 120_000)
/** Stops a server once (a second stop() of an exited child would wait for an exit that already happened). */
async function stop(app: RunningApp, signal: NodeJS.Signals) {
  const index = apps.indexOf(app)
  if (index === -1) return
  apps.splice(index, 1)
  await app.stop(signal)
}

afterAll(async () => {
  for (const app of [...apps]) await stop(app, 'SIGKILL').catch(() => undefined)
  try {
    await Promise.all(receivers.map((r) => r.close()))
  } finally {
    await closeDistributionDesk(d)
  }
}, 120_000)

describe('one server process', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await server()
  }, 180_000)

  test('the Express host serves the feeds and the news sitemap, with 304 for a current copy', async () => {
    await publishStory(d, { title: '兴仁县乡村学校开学' })
    const rss = await until('the story in the feed', async () => {
      const res = await fetch(`${app.url}/feeds/rss.xml`)
      const body = await res.text()
      return res.status === 200 && body.includes('兴仁县乡村学校开学') ? { res, body } : false
    })
    expect(rss.res.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    const etag = rss.res.headers.get('etag')!
    expect((await fetch(`${app.url}/feeds/rss.xml`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect((await fetch(`${app.url}/feeds/sections/xianyu/atom.xml`)).status).toBe(200)
    expect(await (await fetch(`${app.url}/feeds/regions/qianxinan/feed.json`)).json()).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
    })
    expect(await (await fetch(`${app.url}/sitemaps/news.xml`)).text()).toContain('<news:title>兴仁县乡村学校开学</news:title>')
    expect((await fetch(`${app.url}/feeds/sections/nope/rss.xml`)).status).toBe(404)
  })

  test('a story published while the server runs is delivered by its job runner', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET })
    receivers.push(receiver)
    await onlyChannel(receiver)
    const id = await publishStory(d)
    const [delivery] = await until('the delivery', async () => {
      const rows = await deliveriesOf(d, id)
      return rows[0]?.state === 'success' ? rows : false
    })
    expect(receiver.processed.map((p) => p.id)).toEqual([delivery!.webhookId])
  })

  test('SIGKILL in the middle of a slow delivery; restarted on the same database, the delivery completes and is processed once', async () => {
    // The first POST takes 4 s to answer; the server is killed while it waits.
    const receiver = await startWebhookReceiver({ secret: SECRET, behaviour: { delayMs: [4000] } })
    receivers.push(receiver)
    await onlyChannel(receiver, { timeoutMs: 6000 })
    const id = await publishStory(d)
    await until('the first POST to arrive', async () => receiver.received.length > 0)
    await stop(app, 'SIGKILL')

    const [stranded] = await deliveriesOf(d, id)
    expect(stranded).toMatchObject({ state: 'pending', attempts: 0 })

    const restarted = await server()
    const [done] = await until(
      'the delivery to complete after the restart',
      async () => {
        const rows = await deliveriesOf(d, id)
        return rows[0]?.state === 'success' ? rows : false
      },
      { timeout: 90_000 },
    )
    expect(done!.attempts).toBe(2)
    const attempts = await d.payload.find({
      collection: 'delivery-attempts',
      where: { delivery: { equals: done!.id } },
      sort: 'number',
      depth: 0,
    })
    expect(attempts.docs.map((a: any) => [a.number, a.outcome])).toEqual([
      [1, 'abandoned'],
      [2, 'success'],
    ])
    // The killed server's POST reached the receiver and was answered later; the retry carried the same
    // webhook-id, so the receiver processed the story once.
    await until('the slow reply to finish', async () => receiver.received.every((r) => r.status !== 0))
    expect(receiver.received.map((r) => r.id)).toEqual([done!.webhookId, done!.webhookId])
    expect(receiver.processed.map((p) => p.id)).toEqual([done!.webhookId])
    expect(restarted.output()).toMatch(/running at/)
  }, 180_000)
})

describe.skipIf(!process.env.TEST_DATABASE_URI)('two server processes on one PostgreSQL database', () => {
  test('every delivery is sent once, whichever process runs it', async () => {
    for (const app of [...apps]) await stop(app, 'SIGTERM').catch(() => undefined)
    const receiver = await startWebhookReceiver({ secret: SECRET, behaviour: { delayMs: 100 } })
    receivers.push(receiver)
    await onlyChannel(receiver)
    const second = await startWebhookReceiver({ secret: SECRET, behaviour: { delayMs: 100 } })
    receivers.push(second)
    const secondChannel = await createChannel(d, { name: '第二站点', type: 'webhook', url: second.url, secret: SECRET })
    channels.push(secondChannel.id)
    await server()
    await server()

    const ids: unknown[] = []
    for (let i = 0; i < 20; i++) ids.push(await publishStory(d, { title: `双进程稿件${i}` }))
    const rows = await until(
      'all 40 deliveries',
      async () => {
        const all = (await deliveriesOf(d)).filter((row) => ids.some((id) => String(id) === String(row.article)))
        return all.length === 40 && all.every((row) => row.state === 'success') ? all : false
      },
      { timeout: 120_000 },
    )
    const posts = new Map<string, number>()
    for (const r of [receiver, second]) for (const request of r.received) posts.set(request.id, (posts.get(request.id) ?? 0) + 1)
    for (const row of rows) expect(posts.get(row.webhookId)).toBe(1)
    expect(rows.every((row) => row.attempts === 1)).toBe(true)
    const attempts = await d.payload.find({
      collection: 'delivery-attempts',
      where: { delivery: { in: rows.map((r) => r.id) } },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const workers = new Set(attempts.docs.map((a: any) => String(a.worker).split(':').slice(0, 2).join(':')))
    console.log(`two processes: ${attempts.docs.length} attempts by ${workers.size} processes (${[...workers].join(', ')})`)
    expect(attempts.docs).toHaveLength(40)
  }, 300_000)
})
