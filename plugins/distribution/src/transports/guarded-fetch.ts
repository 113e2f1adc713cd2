/**
 * The one HTTP client for everything the CMS sends out to an address someone typed: webhook deliveries, the
 * WeChat API (its `apiBase` is channel data too) and images fetched by URL.
 *
 * Why not global fetch: fetch resolves the host itself, after any check we could make, so a DNS answer that
 * changes between the check and the connection (rebinding) would reach an internal address. Here the host
 * is resolved once (url-guard.ts checkDestination), every address checked, and node:http(s) is handed a
 * `lookup` that returns only those checked addresses. TLS still verifies the certificate against the host
 * name. Redirects are never followed: a 3xx comes back to the caller as it is.
 */
import type { LookupFunction } from 'node:net'
import http from 'node:http'
import https from 'node:https'

import { checkDestination, type HostResolver, parseAllowlist } from './url-guard'

export interface GuardedRequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  headers?: Record<string, string>
  body?: string | Uint8Array | FormData
  /** Whole request, connection to last body byte. */
  timeoutMs: number
  /** Trusted `host:port` entries. @default parseAllowlist() (NEWSROOM_CHANNEL_ALLOWLIST, read per request) */
  allowlist?: readonly string[]
  /** Tests substitute DNS. @default dns.lookup (all addresses) */
  resolve?: HostResolver
  /** A larger response is refused rather than buffered. @default 16 MB */
  maxResponseBytes?: number
}

/** Thrown for timeouts, in the shape fetch uses, so callers classify both alike. */
function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no response within ${timeoutMs} ms`), { name: 'TimeoutError' })
}

/** Network failures carry the system error as `cause` (ECONNREFUSED …), as fetch's do. */
function networkError(cause: NodeJS.ErrnoException): Error {
  return Object.assign(new Error(`network error: ${cause.code ?? cause.message}`), { cause })
}

async function encodeBody(body: GuardedRequestInit['body']): Promise<{ bytes?: Buffer; contentType?: string }> {
  if (body === undefined) return {}
  if (typeof body === 'string') return { bytes: Buffer.from(body) }
  if (body instanceof Uint8Array) return { bytes: Buffer.from(body) }
  // Multipart: let the platform write the boundary and parts, then send the bytes ourselves.
  const encoded = new Response(body)
  return { bytes: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? undefined }
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/**
 * Sends one request to `url` after checking where it goes; answers a standard Response (body buffered).
 * Throws UndeliverableUrlError when the destination is refused, a TimeoutError-named Error on timeout, and an
 * Error with `cause.code` on network failures.
 */
export async function guardedFetch(url: string | URL, init: GuardedRequestInit): Promise<Response> {
  const { url: target, addresses } = await checkDestination(url, init.allowlist ?? parseAllowlist(), init.resolve)
  const { bytes, contentType } = await encodeBody(init.body)
  const headers: Record<string, string> = { ...init.headers }
  if (contentType) headers['content-type'] = contentType
  if (bytes) headers['content-length'] = String(bytes.length)
  const maxBytes = init.maxResponseBytes ?? 16 * 1024 * 1024

  // Connect only to the checked addresses, whatever DNS would answer now.
  const pinned: LookupFunction = (_host, options, callback) => {
    const cb = callback as (err: NodeJS.ErrnoException | null, address: unknown, family?: number) => void
    const family = typeof options === 'object' && options ? (options.family as number | undefined) : undefined
    const usable = addresses.filter((a) => !family || a.family === family)
    if (!usable.length) return cb(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '')
    if (typeof options === 'object' && options?.all) return cb(null, usable)
    return cb(null, usable[0]!.address, usable[0]!.family)
  }

  const signal = AbortSignal.timeout(init.timeoutMs)
  const transport = target.protocol === 'https:' ? https : http
  return new Promise<Response>((resolve, reject) => {
    const request = transport.request(
      target,
      { method: init.method ?? 'GET', headers, lookup: pinned, signal, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) {
            response.destroy()
            reject(networkError(Object.assign(new Error(`response larger than ${maxBytes} bytes`), { code: 'ERESPONSETOOLARGE' })))
            return
          }
          chunks.push(chunk)
        })
        response.on('error', (error: NodeJS.ErrnoException) => reject(signal.aborted ? timeoutError(init.timeoutMs) : networkError(error)))
        response.on('end', () => {
          const responseHeaders = new Headers()
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue
            for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one)
          }
          const status = response.statusCode ?? 0
          if (status < 200 || status > 599)
            return reject(networkError(Object.assign(new Error(`invalid HTTP status ${status}`), { code: 'EBADSTATUS' })))
          const body = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks)
          resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers: responseHeaders }))
        })
      },
    )
    request.on('error', (error: NodeJS.ErrnoException) => reject(signal.aborted ? timeoutError(init.timeoutMs) : networkError(error)))
    request.end(bytes)
  })
}
