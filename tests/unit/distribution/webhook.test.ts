import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { toNinjs } from '../../../plugins/distribution/src/channel-types/webhook/ninjs'
import { classifyStatus } from '../../../plugins/distribution/src/channel-types/webhook/budget'
import { sendWebhook } from '../../../plugins/distribution/src/channel-types/webhook/send-webhook'
import { makePublishedArticle } from '../../support/published-article'
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver'

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`
const LOCAL = ['127.0.0.1:*']

let receivers: WebhookReceiver[] = []
afterEach(async () => {
  const closing = receivers
  receivers = []
  await Promise.all(closing.map((r) => r.close()))
})

async function receiver(options: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(options)
  receivers.push(r)
  return r
}

describe('sendWebhook', () => {
  it('delivers a NINJS payload the receiver can verify with the standardwebhooks package', async () => {
    const secret = newSecret()
    const hook = await receiver({ secret })
    const article = makePublishedArticle({ id: 501 })
    const payload = { type: 'article.published', timestamp: '2012-11-26T03:00:00.000Z', data: toNinjs(article, 'published') }

    const result = await sendWebhook({ url: hook.url, secret, id: 'dlv_501_v3_published', payload, timeoutMs: 5000, allowlist: LOCAL })

    expect(result).toMatchObject({ ok: true, status: 200, retryable: false, disableChannel: false })
    expect(hook.received).toHaveLength(1)
    const [request] = hook.received
    expect(request.verified).toBe(true)
    expect(request.id).toBe('dlv_501_v3_published')
    expect(request.signature).toMatch(/^v1,[A-Za-z0-9+/=]+$/)
    expect(Math.abs(Number(request.timestamp) - Date.now() / 1000)).toBeLessThan(60)
    expect(request.headers['content-type']).toBe('application/json')
    expect(hook.processed[0].payload).toEqual(JSON.parse(JSON.stringify(payload)))
  })

  it('sends markup in text fields as JSON escapes: same values, no live tags in the raw body', async () => {
    const secret = newSecret()
    const hook = await receiver({ secret })
    const article = makePublishedArticle({ headline: '<script>alert(1)</script>标题 & 更正' })
    const result = await sendWebhook({ url: hook.url, secret, id: 'dlv_xss', payload: toNinjs(article, 'published'), allowlist: LOCAL })
    expect(result.ok).toBe(true)
    expect(hook.received[0].body).not.toMatch(/[<>]/)
    expect((hook.processed[0].payload as { headlines: { value: string }[] }).headlines[0]!.value).toBe(
      '<script>alert(1)</script>标题 & 更正',
    )
  })

  it('fails verification when the receiver holds a different secret (401, not retried)', async () => {
    const hook = await receiver({ secret: newSecret() })
    const result = await sendWebhook({ url: hook.url, secret: newSecret(), id: 'dlv_wrong', payload: { a: 1 }, allowlist: LOCAL })
    expect(hook.received[0].verified).toBe(false)
    expect(hook.received[0].verifyError).toMatch(/signature/i)
    expect(result).toMatchObject({ ok: false, status: 401, retryable: false, disableChannel: false })
    expect(hook.acceptedIds.size).toBe(0)
  })

  it('classifies receiver answers: 5xx/408/429 retried, other 4xx not, 410 disables the channel', async () => {
    const secret = newSecret()
    const statuses = [500, 502, 503, 504, 408, 429, 400, 404, 422, 410, 204]
    const hook = await receiver({ secret, behaviour: { statuses } })
    const results = []
    for (const [i] of statuses.entries()) {
      results.push(await sendWebhook({ url: hook.url, secret, id: `dlv_${i}`, payload: { i }, allowlist: LOCAL }))
    }
    const summary = results.map((r) => [r.status, r.retryable, r.disableChannel, r.ok])
    expect(summary).toEqual([
      [500, true, false, false],
      [502, true, false, false],
      [503, true, false, false],
      [504, true, false, false],
      [408, true, false, false],
      [429, true, false, false],
      [400, false, false, false],
      [404, false, false, false],
      [422, false, false, false],
      [410, false, true, false],
      [204, false, false, true],
    ])
    expect(results[9].error).toMatch(/410 Gone.*disable the channel/)
    expect(classifyStatus(301)).toEqual({ ok: false, retryable: false, disableChannel: false })
  })

  it('keeps the same webhook-id on every retry so the receiver processes the story once', async () => {
    const secret = newSecret()
    const hook = await receiver({ secret, behaviour: { statuses: [500, 500, 200] } })
    const send = () => sendWebhook({ url: hook.url, secret, id: 'dlv_same', payload: { story: 1 }, allowlist: LOCAL })

    const attempts = [await send(), await send(), await send()]
    expect(attempts.map((a) => a.ok)).toEqual([false, false, true])
    expect(attempts.slice(0, 2).every((a) => a.retryable)).toBe(true)
    expect(hook.received.map((r) => r.id)).toEqual(['dlv_same', 'dlv_same', 'dlv_same'])

    // A redelivery after success (e.g. the worker died before recording it) is recognised as a duplicate.
    const again = await send()
    expect(again.ok).toBe(true)
    expect(hook.received.at(-1)?.duplicate).toBe(true)
    expect(hook.acceptCounts.get('dlv_same')).toBe(2)
    expect(hook.processed).toHaveLength(1)
  })

  it('scripted random 5xx repeats exactly for the same seed (reproducible chaos)', async () => {
    const secret = newSecret()
    const run = async () => {
      const hook = await receiver({ secret, behaviour: { random5xx: { rate: 0.4, seed: 20121126 } } })
      const statuses = []
      for (let i = 0; i < 12; i++)
        statuses.push((await sendWebhook({ url: hook.url, secret, id: `dlv_r${i}`, payload: { i }, allowlist: LOCAL })).status)
      return statuses
    }
    const first = await run()
    expect(await run()).toEqual(first)
    expect(first).toContain(503)
    expect(first).toContain(200)
  })

  it('times out a slow receiver and marks it retryable', async () => {
    const secret = newSecret()
    const hook = await receiver({ secret, behaviour: { delayMs: [1000, 0] } })
    const slow = await sendWebhook({ url: hook.url, secret, id: 'dlv_slow', payload: {}, timeoutMs: 150, allowlist: LOCAL })
    expect(slow).toMatchObject({ ok: false, retryable: true, disableChannel: false })
    expect(slow.status).toBeUndefined()
    expect(slow.error).toMatch(/timed out/)
  })

  it('retries when nothing listens (connection refused)', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const result = await sendWebhook({ url: `http://127.0.0.1:${port}/`, secret: newSecret(), id: 'dlv_x', payload: {}, allowlist: LOCAL })
    expect(result).toMatchObject({ ok: false, retryable: true })
    expect(result.error).toMatch(/ECONNREFUSED/)
  })

  it('reports Retry-After when a receiver asks to slow down', async () => {
    const secret = newSecret()
    const server = createServer((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' })
      res.end('slow down')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const result = await sendWebhook({ url: `http://127.0.0.1:${port}/`, secret, id: 'dlv_429', payload: {}, allowlist: LOCAL })
      expect(result).toMatchObject({ ok: false, status: 429, retryable: true, retryAfterMs: 120_000 })
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('does not follow redirects (they could lead to an internal address)', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' })
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const result = await sendWebhook({
        url: `http://127.0.0.1:${port}/`,
        secret: newSecret(),
        id: 'dlv_307',
        payload: {},
        allowlist: LOCAL,
      })
      expect(result).toMatchObject({ ok: false, status: 307, retryable: false })
      expect(result.error).toMatch(/redirects are not followed/)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('refuses internal addresses unless allowlisted, without sending anything', async () => {
    const secret = newSecret()
    const hook = await receiver({ secret })
    const result = await sendWebhook({ url: hook.url, secret, id: 'dlv_ssrf', payload: {}, allowlist: [] })
    expect(result).toMatchObject({ ok: false, retryable: false, disableChannel: false })
    expect(result.error).toMatch(/"127\.0\.0\.1" is not deliverable: 127\.0\.0\.1 is not reachable: loopback address/)
    expect(result.error).toContain('NEWSROOM_CHANNEL_ALLOWLIST')
    expect(hook.received).toHaveLength(0)
  })

  it('never puts the secret or the signature into error text, even when a receiver echoes them', async () => {
    const secret = newSecret()
    const key = secret.slice('whsec_'.length)
    const hook = await receiver({
      secret,
      behaviour: { script: (_i, req) => ({ status: 500, body: `bad request, you sent ${req.signature} with key ${secret} / ${key}` }) },
    })
    const echoed = await sendWebhook({ url: hook.url, secret, id: 'dlv_echo', payload: {}, allowlist: LOCAL })
    expect(echoed.ok).toBe(false)
    expect(echoed.error).toContain('[redacted]')
    const signature = hook.received[0].signature.replace(/^v1,/, '')
    for (const needle of [secret, key, signature]) expect(echoed.error).not.toContain(needle)

    const blocked = await sendWebhook({ url: 'http://10.0.0.5/hook', secret, id: 'dlv_b', payload: {}, allowlist: [] })
    expect(blocked.error).not.toContain(key)

    const malformed = 'whsec_not base64 at all!!'
    const bad = await sendWebhook({ url: hook.url, secret: malformed, id: 'dlv_bad', payload: {}, allowlist: LOCAL })
    expect(bad).toMatchObject({ ok: false, retryable: false })
    expect(bad.error).toMatch(/not a valid Standard Webhooks secret/)
    expect(bad.error).not.toContain('not base64 at all')
  })
})
