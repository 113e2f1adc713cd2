/**
 * The one outbound HTTP client: it connects only to the addresses it checked (no DNS-rebinding window),
 * never follows a redirect, honours the host:port allowlist, and WeChat's apiBase goes through it too.
 * Real local servers on 127.0.0.1; DNS is substituted where a test needs a host name to answer differently.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { guardedFetch } from '../../../plugins/distribution/src/transports/guarded-fetch'
import { UndeliverableUrlError } from '../../../plugins/distribution/src/transports/url-guard'
import { WeChatClient, WeChatError } from '../../../plugins/distribution/src/channel-types/wechat/wechat-client'
import { startFakeWeChat } from '../../support/fake-wechat'

interface Recorded {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** A local server that records requests and answers with `reply`. */
async function localServer(reply: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => res.end('ok')) {
  const received: Recorded[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      reply(req, res)
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { port, url: `http://127.0.0.1:${port}`, received }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  )
  expect(error).toBeInstanceOf(Error)
  return error!
}

describe('guardedFetch', () => {
  it('sends to an allowlisted host:port and returns the answer; JSON and multipart bodies arrive intact', async () => {
    const server = await localServer((_req, res) => {
      res.setHeader('x-answer', '42')
      res.end('{"ok":true}')
    })
    const allowlist = [`127.0.0.1:${server.port}`]
    const response = await guardedFetch(`${server.url}/hook?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"稿件":"黔西南"}',
      timeoutMs: 5000,
      allowlist,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-answer')).toBe('42')
    expect(await response.json()).toEqual({ ok: true })
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/hook?x=1', body: '{"稿件":"黔西南"}' })

    const form = new FormData()
    form.append('media', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'cover.png')
    await guardedFetch(server.url, { method: 'POST', body: form, timeoutMs: 5000, allowlist })
    expect(server.received[1]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(server.received[1]!.body).toContain('filename="cover.png"')
  })

  it('refuses loopback when the allowlist names another port, and sends nothing', async () => {
    const server = await localServer()
    const error = await rejection(guardedFetch(server.url, { timeoutMs: 5000, allowlist: [`127.0.0.1:${server.port + 1}`] }))
    expect(error).toBeInstanceOf(UndeliverableUrlError)
    expect(error.message).toContain('loopback address')
    expect(server.received).toHaveLength(0)
  })

  it('connects to the address it checked: a host name the system cannot resolve reaches the checked address', async () => {
    const server = await localServer()
    let lookups = 0
    const resolve = async () => {
      lookups++
      return [{ address: '127.0.0.1', family: 4 }]
    }
    const response = await guardedFetch(`http://receiver.newsroom.invalid:${server.port}/hook`, {
      timeoutMs: 5000,
      allowlist: [`receiver.newsroom.invalid:${server.port}`],
      resolve,
    })
    expect(response.status).toBe(200)
    expect(server.received[0]!.headers.host).toBe(`receiver.newsroom.invalid:${server.port}`)
    expect(lookups).toBe(1)
  })

  it('DNS rebinding: a second answer pointing at loopback is never used; DNS is asked once', async () => {
    const server = await localServer()
    let lookups = 0
    // First answer public (passes the check), every later one loopback (what an attacker's DNS would do).
    const resolve = async () => (lookups++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }])
    await rejection(guardedFetch(`http://rebind.newsroom.invalid:${server.port}/hook`, { timeoutMs: 300, allowlist: [], resolve }))
    expect(lookups).toBe(1)
    expect(server.received).toHaveLength(0)
  })

  it('a host that resolves to one internal address among public ones is refused before connecting', async () => {
    const server = await localServer()
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]
    const error = await rejection(
      guardedFetch(`http://mixed.newsroom.invalid:${server.port}/`, { timeoutMs: 5000, allowlist: [], resolve }),
    )
    expect(error.message).toMatch(/resolves to 127\.0\.0\.1: loopback address/)
    expect(server.received).toHaveLength(0)
  })

  it('never follows a redirect: the 3xx comes back and the target is not contacted', async () => {
    const target = await localServer()
    const redirecting = await localServer((_req, res) => {
      res.statusCode = 307
      res.setHeader('location', `${target.url}/internal`)
      res.end()
    })
    const response = await guardedFetch(redirecting.url, { method: 'POST', body: 'x', timeoutMs: 5000, allowlist: ['127.0.0.1:*'] })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(`${target.url}/internal`)
    expect(target.received).toHaveLength(0)
  })

  it('times out with a TimeoutError and refuses an oversized answer', async () => {
    const slow = await localServer((_req, res) => setTimeout(() => res.end('late'), 2000))
    const timedOut = await rejection(guardedFetch(slow.url, { timeoutMs: 200, allowlist: ['127.0.0.1:*'] }))
    expect(timedOut.name).toBe('TimeoutError')
    const big = await localServer((_req, res) => res.end(Buffer.alloc(64 * 1024)))
    const tooBig = await rejection(guardedFetch(big.url, { timeoutMs: 5000, allowlist: ['127.0.0.1:*'], maxResponseBytes: 1024 }))
    expect(tooBig.message).toMatch(/network error: ERESPONSETOOLARGE/)
  })
})

describe('WeChat goes through the same guard', () => {
  it('an apiBase on loopback with the allowlist naming another port never receives the token request (no AppSecret sent)', async () => {
    const fake = await startFakeWeChat()
    try {
      const port = Number(new URL(fake.url).port)
      const client = new WeChatClient({
        appId: fake.appId,
        appSecret: fake.appSecret,
        apiBase: fake.url,
        tokenCache: new Map(),
        allowlist: [`127.0.0.1:${port + 1}`],
      })
      const error = await rejection(client.getAccessToken())
      expect(error).toBeInstanceOf(WeChatError)
      expect(error.message).toMatch(/apiBase Channel URL host "127\.0\.0\.1" is not deliverable: .*loopback/)
      expect((error as WeChatError).retryable).toBe(false)
      expect(error.message).not.toContain(fake.appSecret)
      expect(fake.state.calls).toHaveLength(0)

      // Allowlisted by host and port, the same client setup reaches it.
      const allowed = new WeChatClient({
        appId: fake.appId,
        appSecret: fake.appSecret,
        apiBase: fake.url,
        tokenCache: new Map(),
        allowlist: [`127.0.0.1:${port}`],
      })
      expect(await allowed.getAccessToken()).toBeTruthy()
      expect(fake.state.calls.map((c) => c.path)).toEqual(['/cgi-bin/token'])
    } finally {
      await fake.close()
    }
  })

  it('an apiBase spelled as IPv4-mapped IPv6 is refused too', async () => {
    const client = new WeChatClient({
      appId: 'wx',
      appSecret: 'appsecret_0123456789',
      apiBase: 'http://[::ffff:0:127.0.0.1]:9',
      tokenCache: new Map(),
      allowlist: [],
    })
    const error = await rejection(client.getAccessToken())
    expect(error.message).toMatch(/IPv4-translated/)
  })
})
