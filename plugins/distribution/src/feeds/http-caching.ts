/**
 * Conditional GET for feeds and sitemaps: a strong ETag from the body bytes and Last-Modified from the
 * newest story update, so feed readers polling every few minutes get a 304 instead of the whole feed.
 * Rules from RFC 9110 §13: If-None-Match wins over If-Modified-Since; GET compares ETags weakly.
 */
import { createHash } from 'node:crypto'

/** Strong ETag: quoted sha256 (base64url) of the exact bytes served. */
export function computeEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`
}

/** Newest updatedAt, truncated to whole seconds (HTTP dates have no milliseconds). */
export function lastModifiedOf(items: readonly { updatedAt: string }[]): Date | undefined {
  let newest = Number.NEGATIVE_INFINITY
  for (const item of items) {
    const at = Date.parse(item.updatedAt)
    if (!Number.isNaN(at) && at > newest) newest = at
  }
  return Number.isFinite(newest) ? new Date(Math.floor(newest / 1000) * 1000) : undefined
}

export type RequestHeaders = Headers | Record<string, string | string[] | undefined>

function header(headers: RequestHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name)
  const value = key === undefined ? undefined : headers[key]
  return Array.isArray(value) ? value.join(', ') : value
}

/** Entity tags of an If-None-Match list (`W/"a", "b"`), opaque values without the weak prefix. */
function parseEtagList(value: string): string[] {
  return [...value.matchAll(/(?:W\/)?"([^"]*)"/g)].map((m) => m[1])
}

/** True when the client's cached copy is current and a 304 should be sent. */
export function isNotModified(requestHeaders: RequestHeaders, current: { etag?: string; lastModified?: Date }): boolean {
  const ifNoneMatch = header(requestHeaders, 'if-none-match')
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return current.etag !== undefined
    if (!current.etag) return false
    const opaque = parseEtagList(current.etag)[0]
    return parseEtagList(ifNoneMatch).includes(opaque)
  }
  const ifModifiedSince = header(requestHeaders, 'if-modified-since')
  if (ifModifiedSince && current.lastModified) {
    const since = Date.parse(ifModifiedSince)
    if (Number.isNaN(since)) return false
    return Math.floor(current.lastModified.getTime() / 1000) <= Math.floor(since / 1000)
  }
  return false
}

export interface CachedResponse {
  status: 200 | 304
  headers: Record<string, string>
  /** Empty on 304. */
  body: string
}

/**
 * The response for a feed body: 200 with the body, or 304 without it. Both carry ETag, Last-Modified and
 * Cache-Control so the client can keep revalidating.
 */
export function conditionalResponse(
  requestHeaders: RequestHeaders,
  body: string,
  options: { lastModified?: Date; contentType: string; maxAgeSeconds?: number },
): CachedResponse {
  const etag = computeEtag(body)
  const headers: Record<string, string> = {
    etag,
    'cache-control': `public, max-age=${options.maxAgeSeconds ?? 300}`,
  }
  if (options.lastModified) headers['last-modified'] = options.lastModified.toUTCString()
  if (isNotModified(requestHeaders, { etag, ...(options.lastModified ? { lastModified: options.lastModified } : {}) })) {
    return { status: 304, headers, body: '' }
  }
  return { status: 200, headers: { ...headers, 'content-type': options.contentType }, body }
}
