/**
 * Signed webhook push (Standard Webhooks): POST the JSON payload with webhook-id / webhook-timestamp /
 * webhook-signature headers, and classify the outcome for the delivery job.
 *
 * The delivery's message id is the webhook-id: the same id on every retry, so the receiver can drop duplicates.
 * Statuses are classified in budget.ts (what is worth another attempt); network failures are retried.
 */
import { Webhook } from 'standardwebhooks'
import { safeJsonStringify } from '../../formatters/safe-html'
import { guardedFetch } from '../../transports/guarded-fetch'
import { UndeliverableUrlError } from '../../transports/url-guard'
import { classifyStatus } from './budget'

export interface SendWebhookOptions {
  url: string
  /** `whsec_` + base64 key. Never appears in any error text. */
  secret: string
  /** The delivery's message id (`msg_` + ULID): the receiver's idempotency key. */
  id: string
  /** Serialised as JSON (with `<`, `>`, `&` \u-escaped: same values, no markup in the raw body) unless already a string. */
  payload: unknown
  /** @default 10000 */
  timeoutMs?: number
  /** Hosts exempt from the SSRF guard. @default parseAllowlist() (NEWSROOM_CHANNEL_ALLOWLIST) */
  allowlist?: readonly string[]
  /** Signing time; tests pin it. @default new Date() */
  timestamp?: Date
  /** @default 'Newsroom-Distribution/1.0' */
  userAgent?: string
}

export interface WebhookResult {
  ok: boolean
  status?: number
  error?: string
  retryable: boolean
  /** 410 Gone: the receiver asks us to stop; the channel should be disabled. */
  disableChannel: boolean
  durationMs: number
  /** From a Retry-After header on 429/503: the receiver asks us to slow down. */
  retryAfterMs?: number
}

/** Longest slice of a receiver's error body kept for the Delivery row. */
const MAX_ERROR_BODY = 300

/** Removes the secret (with and without its prefix) and the signature from any text we keep. */
function redactor(secret: string, extra: string[] = []): (text: string) => string {
  const needles = [secret, secret.replace(/^whsec_/, ''), ...extra].filter((s) => s && s.length >= 4)
  return (text) => needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text)
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

async function readSnippet(response: Response): Promise<string> {
  try {
    const text = await response.text()
    return text.replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_BODY)
  } catch {
    return ''
  }
}

function networkErrorText(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no response within ${timeoutMs} ms (timed out)`
  const cause = err?.cause
  if (cause?.code) return `network error: ${cause.code}${cause.message ? ` (${cause.message})` : ''}`
  return `network error: ${err?.message ?? String(error)}`
}

/** POSTs one signed delivery and classifies the outcome. Never throws. */
export async function sendWebhook(options: SendWebhookOptions): Promise<WebhookResult> {
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? 10_000
  const elapsed = () => Math.round(performance.now() - started)
  let redact = redactor(options.secret)
  const fail = (error: string, retryable: boolean, status?: number): WebhookResult => ({
    ok: false,
    ...(status !== undefined ? { status } : {}),
    error: redact(error),
    retryable,
    disableChannel: false,
    durationMs: elapsed(),
  })

  const body = typeof options.payload === 'string' ? options.payload : safeJsonStringify(options.payload)
  const timestamp = options.timestamp ?? new Date()
  let signature: string
  try {
    signature = new Webhook(options.secret).sign(options.id, timestamp, body)
  } catch {
    // The library's message could quote the key material; ours names the field only.
    return fail('channel secret is not a valid Standard Webhooks secret (expected whsec_ followed by base64)', false)
  }
  redact = redactor(options.secret, [signature.replace(/^v1,/, '')])

  let response: Response
  try {
    response = await guardedFetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': options.userAgent ?? 'Newsroom-Distribution/1.0',
        'webhook-id': options.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      timeoutMs,
      // Hosts exempt from the SSRF guard: the caller's, else NEWSROOM_CHANNEL_ALLOWLIST.
      ...(options.allowlist ? { allowlist: options.allowlist } : {}),
    })
  } catch (error) {
    // Refused destinations (internal address, unknown host) are explained, never sent; redirects come back as 3xx.
    if (error instanceof UndeliverableUrlError) return fail(error.message, error.retryable)
    return fail(networkErrorText(error, timeoutMs), true)
  }

  const status = response.status
  const outcome = classifyStatus(status)
  if (outcome.ok) {
    await response.body?.cancel().catch(() => undefined)
    return { ok: true, status, retryable: false, disableChannel: false, durationMs: elapsed() }
  }

  const snippet = await readSnippet(response)
  let error = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`
  if (status >= 300 && status < 400)
    error = `HTTP ${status}: the receiver redirected (${response.headers.get('location') ?? 'no location'}); redirects are not followed, update the channel URL`
  if (outcome.disableChannel)
    error = `HTTP 410 Gone: the receiver asked to stop deliveries; disable the channel${snippet ? ` (${snippet})` : ''}`
  const result: WebhookResult = {
    ok: false,
    status,
    error: redact(error),
    retryable: outcome.retryable,
    disableChannel: outcome.disableChannel,
    durationMs: elapsed(),
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
  if (retryAfterMs !== undefined && outcome.retryable) result.retryAfterMs = retryAfterMs
  return result
}
