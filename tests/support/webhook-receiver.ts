/**
 * A local Standard Webhooks receiver, as a well-behaved downstream system would be: it verifies every
 * signature with the `standardwebhooks` package, treats webhook-id as the idempotency key (a redelivered
 * id is acknowledged but not processed twice), and can be scripted to fail (status sequences, seeded
 * random 5xx, slow responses for timeouts, 410 Gone).
 *
 * It is also the wire conformance check of every delivery any test captures: each signature is verified
 * again with `svix` (an independent implementation), each article payload is validated against the official
 * IPTC schema of the NINJS version it declares, and each retry of a webhook-id must carry the same bytes as
 * its first attempt. A violation is kept in `violations` and makes `close()` reject, so a test that starts a
 * receiver fails on any non-conformant delivery without asserting it itself.
 */
import { seededRandom } from './seeded-random'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { ninjsErrors, ninjsValidators } from './ninjs-schemas'

export interface ReceiverReply {
  status: number
  delayMs?: number
  body?: string
}

export interface ReceiverBehaviour {
  /** Status per request in arrival order; after the list runs out, `fallbackStatus`. e.g. [500, 500, 200] */
  statuses?: number[]
  /** @default 200 */
  fallbackStatus?: number
  /** Answer 5xx at this rate (0..1) using a seeded RNG, so a "random" run repeats exactly. */
  random5xx?: { rate: number; seed: number; status?: number }
  /** Wait before answering (per request in order, or every request). */
  delayMs?: number | number[]
  /** Full control: decides the reply for request number `index` (0-based). */
  script?: (index: number, request: ReceivedWebhook) => ReceiverReply
  /** Skip the timestamp tolerance check (for replay tests with pinned timestamps). */
  ignoreTimestamp?: boolean
}

export interface ReceivedWebhook {
  index: number
  id: string
  timestamp: string
  signature: string
  body: string
  verified: boolean
  verifyError?: string
  /** Parsed payload when verified. */
  payload?: unknown
  status: number
  duplicate: boolean
  headers: Record<string, string>
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** Ids accepted (2xx) at least once. */
  acceptedIds: Set<string>
  /** How many times each id was accepted (a count > 1 means redelivery of a processed message). */
  acceptCounts: Map<string, number>
  /** Payloads processed, each id once, in order. */
  processed: { id: string; payload: unknown }[]
  /** Wire conformance problems (svix disagrees, NINJS schema errors, a retry with different bytes). */
  violations: string[]
  /** Rejects when there are violations. */
  close(): Promise<void>
}

export { seededRandom }

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startWebhookReceiver(options: { secret: string; behaviour?: ReceiverBehaviour }): Promise<WebhookReceiver> {
  const webhook = new Webhook(options.secret)
  const behaviour = options.behaviour ?? {}
  const random = behaviour.random5xx ? seededRandom(behaviour.random5xx.seed) : null
  const received: ReceivedWebhook[] = []
  const acceptedIds = new Set<string>()
  const acceptCounts = new Map<string, number>()
  const processed: { id: string; payload: unknown }[] = []
  const violations: string[] = []
  const firstBody = new Map<string, string>()
  const svix = new SvixWebhook(options.secret)
  // Compiled now, not inside the first request: compiling takes long enough on a busy machine to time a sender out.
  ninjsValidators()

  /** Checks of a verified request that do not depend on the test's scripted reply. */
  function conformance(request: ReceivedWebhook): void {
    const where = `request ${request.index} (webhook-id ${request.id})`
    if (!behaviour.ignoreTimestamp) {
      try {
        svix.verify(request.body, {
          'webhook-id': request.id,
          'webhook-timestamp': request.timestamp,
          'webhook-signature': request.signature,
        })
      } catch (error) {
        violations.push(`${where}: svix rejects the signature: ${(error as Error).message}`)
      }
    }
    const first = firstBody.get(request.id)
    if (first === undefined) firstBody.set(request.id, request.body)
    else if (first !== request.body) violations.push(`${where}: a retry's body differs from the first attempt's`)
    const envelope = request.payload as { type?: unknown; timestamp?: unknown; data?: unknown } | null
    if (typeof envelope?.type === 'string' && envelope.type.startsWith('article.')) {
      for (const error of ninjsErrors(envelope.data)) violations.push(`${where}: NINJS ${error}`)
      if (typeof envelope.timestamp !== 'string' || Number.isNaN(Date.parse(envelope.timestamp)))
        violations.push(`${where}: envelope timestamp is not a date`)
    }
  }

  function decide(index: number, request: ReceivedWebhook): ReceiverReply {
    if (behaviour.script) return behaviour.script(index, request)
    const delays = behaviour.delayMs
    const delayMs = Array.isArray(delays) ? delays[index] : delays
    const withDelay = (status: number): ReceiverReply => (delayMs ? { status, delayMs } : { status })
    if (behaviour.statuses && index < behaviour.statuses.length) return withDelay(behaviour.statuses[index])
    if (random && behaviour.random5xx && random() < behaviour.random5xx.rate) return withDelay(behaviour.random5xx.status ?? 503)
    return withDelay(behaviour.fallbackStatus ?? 200)
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req)
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]))
      const index = received.length
      const request: ReceivedWebhook = {
        index,
        id: headers['webhook-id'] ?? '',
        timestamp: headers['webhook-timestamp'] ?? '',
        signature: headers['webhook-signature'] ?? '',
        body,
        verified: false,
        status: 0,
        duplicate: false,
        headers,
      }
      received.push(request)

      try {
        const verifyHeaders = {
          'webhook-id': request.id,
          'webhook-timestamp': behaviour.ignoreTimestamp ? String(Math.floor(Date.now() / 1000)) : request.timestamp,
          'webhook-signature': request.signature,
        }
        // With ignoreTimestamp the signature must still match the original timestamp: verify by re-signing.
        if (behaviour.ignoreTimestamp) {
          const expected = webhook.sign(request.id, new Date(Number(request.timestamp) * 1000), body)
          if (!request.signature.split(' ').includes(expected)) throw new Error('No matching signature found')
          request.payload = JSON.parse(body)
        } else {
          request.payload = webhook.verify(body, verifyHeaders)
        }
        request.verified = true
        conformance(request)
      } catch (error) {
        request.verifyError = (error as Error).message
      }

      if (!request.verified) {
        request.status = 401
        res.writeHead(401, { 'content-type': 'text/plain' })
        res.end('invalid signature')
        return
      }

      const reply = decide(index, request)
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
      request.status = reply.status
      if (reply.status >= 200 && reply.status < 300) {
        request.duplicate = acceptedIds.has(request.id)
        acceptCounts.set(request.id, (acceptCounts.get(request.id) ?? 0) + 1)
        if (!request.duplicate) {
          acceptedIds.add(request.id)
          processed.push({ id: request.id, payload: request.payload })
        }
      }
      if (res.destroyed) return
      res.writeHead(reply.status, { 'content-type': 'text/plain' })
      res.end(reply.body ?? (request.duplicate ? 'duplicate' : String(reply.status)))
    })()
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/newsroom`,
    received,
    acceptedIds,
    acceptCounts,
    processed,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => {
          if (error) reject(error)
          else if (violations.length) reject(new Error(`non-conformant webhook deliveries:\n${violations.join('\n')}`))
          else resolve()
        })
      }),
  }
}
