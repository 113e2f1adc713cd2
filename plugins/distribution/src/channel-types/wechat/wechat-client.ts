/**
 * WeChat Official Account (公众号) API client: access token, body images, cover material, drafts and
 * free publishing, as documented at developers.weixin.qq.com.
 *
 * Why a token cache shared across client instances: the token endpoint has a small daily quota and every
 * new token invalidates the previous one (after a short grace period), so every channel job for the same
 * account must reuse one token instead of fetching its own.
 * Secrets: the appsecret and the access token travel in query strings; no error message or recorded
 * URL ever contains them.
 */
import { createHash } from 'node:crypto'

import { guardedFetch } from '../../transports/guarded-fetch'
import { UndeliverableUrlError } from '../../transports/url-guard'
import { RATE_LIMIT_ERRCODES, WECHAT_REQUEST_TIMEOUT_MS } from './budget'

export const WECHAT_API_BASE = 'https://api.weixin.qq.com'

/** Token errors: refresh once and retry. */
const TOKEN_ERRCODES = new Set([40001, 40014, 42001])
/** Transient: system busy, rate limits (budget.ts), and token errors (a refresh may fix them). */
const RETRYABLE_ERRCODES = new Set([-1, ...RATE_LIMIT_ERRCODES, ...TOKEN_ERRCODES])

export class WeChatError extends Error {
  readonly errcode: number
  readonly errmsg: string
  readonly retryable: boolean
  /** The API path that failed, without query string. */
  readonly endpoint: string
  readonly httpStatus?: number
  constructor(errcode: number, errmsg: string, options: { endpoint?: string; retryable?: boolean; httpStatus?: number } = {}) {
    const endpoint = options.endpoint ?? ''
    super(`WeChat ${endpoint || 'API'} failed: errcode ${errcode} (${errmsg})`)
    this.name = 'WeChatError'
    this.errcode = errcode
    this.errmsg = errmsg
    this.endpoint = endpoint
    this.retryable = options.retryable ?? RETRYABLE_ERRCODES.has(errcode)
    if (options.httpStatus !== undefined) this.httpStatus = options.httpStatus
  }
}

export function isTokenError(errcode: number): boolean {
  return TOKEN_ERRCODES.has(errcode)
}

export interface CachedToken {
  token: string
  /** epoch ms after which the token is not used any more */
  refreshAt: number
}

/** Process-wide token cache, keyed by API base + appId. */
const sharedTokenCache = new Map<string, CachedToken>()

/** Token requests in flight, per cache and key: concurrent jobs (each with its own client) wait for one. */
const inflightByCache = new WeakMap<Map<string, CachedToken>, Map<string, Promise<string>>>()

export interface WeChatClientOptions {
  appId: string
  appSecret: string
  /** @default 'https://api.weixin.qq.com' */
  apiBase?: string
  /** @default 15000 */
  timeoutMs?: number
  /** Refresh this long before expires_in runs out. @default 300000 (5 minutes) */
  refreshMarginMs?: number
  /** @default a process-wide cache shared by all clients */
  tokenCache?: Map<string, CachedToken>
  /** @default Date.now */
  now?: () => number
  /** Trusted `host:port` entries for the SSRF guard. @default NEWSROOM_CHANNEL_ALLOWLIST */
  allowlist?: readonly string[]
}

export interface ImageFile {
  bytes: Uint8Array
  /** e.g. cover.jpg; WeChat checks the extension too */
  filename: string
  /** image/jpeg, image/png …; derived from the bytes when absent */
  contentType?: string
}

export interface WeChatDraftArticle {
  title: string
  author?: string
  digest?: string
  content: string
  content_source_url?: string
  thumb_media_id: string
  need_open_comment?: 0 | 1
  only_fans_can_comment?: 0 | 1
}

export const PUBLISH_STATUS = {
  0: 'published',
  1: 'publishing',
  2: 'original-check failed',
  3: 'failed',
  4: 'platform audit failed',
  5: 'deleted after publishing',
  6: 'banned',
} as const

export type PublishStatusCode = keyof typeof PUBLISH_STATUS

export interface PublishStatus {
  publish_id: string
  publish_status: number
  article_id?: string
  article_detail?: { count: number; item: { idx: number; article_url: string }[] }
  fail_idx?: number[]
}

/** Body images: jpg/png, under 1 MB. */
export const BODY_IMAGE_MAX_BYTES = 1024 * 1024
/** Permanent image material: up to 10 MB. */
export const MATERIAL_IMAGE_MAX_BYTES = 10 * 1024 * 1024

export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/gif' | 'image/bmp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png'
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif'
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp'
  return null
}

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp' }

/** WeChat checks the file name extension: make it agree with the bytes. */
function normalisedFilename(filename: string, type: string): string {
  const base = (filename.split(/[\\/]/).pop() || 'image').replace(/\.[a-z0-9]+$/i, '') || 'image'
  return `${base}.${EXTENSION[type] ?? 'jpg'}`
}

interface CallOptions {
  method?: 'GET' | 'POST'
  query?: Record<string, string>
  json?: unknown
  form?: FormData
}

export class WeChatClient {
  readonly appId: string
  readonly apiBase: string
  readonly #appSecret: string
  readonly #secretFingerprint: string
  readonly #timeoutMs: number
  readonly #refreshMarginMs: number
  readonly #cache: Map<string, CachedToken>
  readonly #now: () => number
  readonly #allowlist: readonly string[] | undefined
  /** Tokens this client has held, for redaction even after the cache moved on. */
  readonly #seenTokens = new Set<string>()

  constructor(options: WeChatClientOptions) {
    if (!options.appId) throw new Error('WeChat channel: appId is required')
    if (!options.appSecret) throw new Error('WeChat channel: appSecret is required')
    this.appId = options.appId
    this.#appSecret = options.appSecret
    this.#secretFingerprint = createHash('sha256').update(options.appSecret).digest('hex').slice(0, 16)
    this.apiBase = (options.apiBase ?? WECHAT_API_BASE).replace(/\/+$/, '')
    this.#timeoutMs = options.timeoutMs ?? WECHAT_REQUEST_TIMEOUT_MS
    this.#refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000
    this.#cache = options.tokenCache ?? sharedTokenCache
    this.#now = options.now ?? Date.now
    this.#allowlist = options.allowlist
  }

  /**
   * By account, plus a fingerprint of the secret: a channel configured with a wrong secret must not
   * borrow the token another channel obtained for the same appId.
   */
  get #cacheKey(): string {
    return `${this.apiBase}|${this.appId}|${this.#secretFingerprint}`
  }

  /** Replaces secrets with [redacted] in text that may end up in logs or Delivery rows. */
  redact(text: string): string {
    const current = this.#cache.get(this.#cacheKey)?.token
    if (current) this.#remember(current)
    const needles = [this.#appSecret, ...this.#seenTokens].filter((s) => s.length >= 4)
    return needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text)
  }

  #remember(token: string): void {
    this.#seenTokens.add(token)
    if (this.#seenTokens.size > 8) this.#seenTokens.delete(this.#seenTokens.values().next().value as string)
  }

  /** Forget the cached token (after WeChat rejected it). */
  invalidateToken(): void {
    this.#cache.delete(this.#cacheKey)
  }

  /** A valid access token: cached until ~5 minutes before expires_in, one request at a time. */
  async getAccessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const cached = this.#cache.get(this.#cacheKey)
    if (!options.forceRefresh && cached && cached.refreshAt > this.#now()) {
      this.#remember(cached.token)
      return cached.token
    }
    // Concurrent jobs share one token request: a second request would invalidate the first token.
    let inflight = inflightByCache.get(this.#cache)
    if (!inflight) inflightByCache.set(this.#cache, (inflight = new Map()))
    const key = this.#cacheKey
    let pending = inflight.get(key)
    if (!pending) {
      const requests = inflight
      pending = this.#fetchToken().finally(() => requests.delete(key))
      inflight.set(key, pending)
    }
    return pending
  }

  async #fetchToken(): Promise<string> {
    const data = await this.#request<{ access_token?: string; expires_in?: number }>('/cgi-bin/token', {
      method: 'GET',
      query: { grant_type: 'client_credential', appid: this.appId, secret: this.#appSecret },
    })
    if (!data.access_token)
      throw new WeChatError(-1, 'token response without access_token', { endpoint: '/cgi-bin/token', retryable: true })
    const lifetimeMs = (data.expires_in ?? 7200) * 1000
    // Short-lived tokens (tests, odd responses) still get half their life rather than none.
    const margin = Math.min(this.#refreshMarginMs, lifetimeMs / 2)
    this.#remember(data.access_token)
    this.#cache.set(this.#cacheKey, { token: data.access_token, refreshAt: this.#now() + lifetimeMs - margin })
    return data.access_token
  }

  /** Calls an endpoint with the token; on a token error refreshes the token once and retries once. */
  async #call<T>(path: string, options: CallOptions): Promise<T> {
    const token = await this.getAccessToken()
    try {
      return await this.#request<T>(path, { ...options, query: { ...options.query, access_token: token } })
    } catch (error) {
      if (!(error instanceof WeChatError) || !isTokenError(error.errcode)) throw error
      if (this.#cache.get(this.#cacheKey)?.token === token) this.invalidateToken()
      const fresh = await this.getAccessToken()
      return this.#request<T>(path, { ...options, query: { ...options.query, access_token: fresh } })
    }
  }

  async #request<T>(path: string, options: CallOptions): Promise<T> {
    const url = new URL(this.apiBase + path)
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value)
    // apiBase is channel data: the request goes through the SSRF guard like any webhook, so the AppSecret
    // in the token query can never be sent to an internal address.
    const init: Parameters<typeof guardedFetch>[1] = {
      method: options.method ?? 'POST',
      timeoutMs: this.#timeoutMs,
      ...(this.#allowlist ? { allowlist: this.#allowlist } : {}),
    }
    if (options.form) init.body = options.form
    else if (options.json !== undefined) {
      init.body = JSON.stringify(options.json)
      init.headers = { 'content-type': 'application/json; charset=utf-8' }
    }

    let response: Response
    try {
      response = await guardedFetch(url, init)
    } catch (error) {
      if (error instanceof UndeliverableUrlError) {
        throw new WeChatError(-1, this.redact(`apiBase ${error.message}`), { endpoint: path, retryable: error.retryable })
      }
      const err = error as { name?: string; message?: string; cause?: { code?: string } }
      const reason =
        err?.name === 'TimeoutError'
          ? `no response within ${this.#timeoutMs} ms`
          : `network error: ${err?.cause?.code ?? err?.message ?? 'unknown'}`
      throw new WeChatError(-1, this.redact(reason), { endpoint: path, retryable: true })
    }
    const text = await response.text().catch(() => '')
    if (!response.ok) {
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500
      throw new WeChatError(
        -1,
        this.redact(
          `HTTP ${response.status}${response.status >= 300 && response.status < 400 ? ' (redirects are not followed; check apiBase)' : ''}`,
        ),
        { endpoint: path, retryable, httpStatus: response.status },
      )
    }
    let data: Record<string, unknown>
    try {
      data = JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new WeChatError(-1, 'response is not JSON', { endpoint: path, retryable: true, httpStatus: response.status })
    }
    const errcode = typeof data.errcode === 'number' ? data.errcode : 0
    if (errcode !== 0) {
      throw new WeChatError(errcode, this.redact(String(data.errmsg ?? 'unknown error')), { endpoint: path })
    }
    return data as T
  }

  #imageForm(image: ImageFile, allowed: readonly string[], maxBytes: number, endpoint: string): FormData {
    const type = sniffImageType(image.bytes) ?? image.contentType ?? ''
    // Checked before uploading: a sure rejection should not spend API quota.
    if (!allowed.includes(type)) {
      throw new WeChatError(40005, `invalid file type: ${image.filename} is ${type || 'not an image'}; allowed ${allowed.join(', ')}`, {
        endpoint,
        retryable: false,
      })
    }
    if (image.bytes.byteLength >= maxBytes) {
      throw new WeChatError(40009, `image too large: ${image.filename} is ${image.bytes.byteLength} bytes; the limit is ${maxBytes}`, {
        endpoint,
        retryable: false,
      })
    }
    const form = new FormData()
    form.append('media', new Blob([new Uint8Array(image.bytes)], { type }), normalisedFilename(image.filename, type))
    return form
  }

  /** Uploads an image for use inside article content (jpg/png, < 1 MB); returns its mmbiz.qpic.cn URL. */
  async uploadBodyImage(image: ImageFile): Promise<string> {
    const endpoint = '/cgi-bin/media/uploadimg'
    const form = this.#imageForm(image, ['image/jpeg', 'image/png'], BODY_IMAGE_MAX_BYTES, endpoint)
    const data = await this.#call<{ url?: string }>(endpoint, { form })
    if (!data.url) throw new WeChatError(-1, 'uploadimg returned no url', { endpoint, retryable: true })
    return data.url
  }

  /** Adds a permanent image material (the cover); media_id is the draft's thumb_media_id. */
  async addCoverMaterial(image: ImageFile): Promise<{ mediaId: string; url?: string }> {
    const endpoint = '/cgi-bin/material/add_material'
    const form = this.#imageForm(image, ['image/jpeg', 'image/png', 'image/gif', 'image/bmp'], MATERIAL_IMAGE_MAX_BYTES, endpoint)
    const data = await this.#call<{ media_id?: string; url?: string }>(endpoint, { form, query: { type: 'image' } })
    if (!data.media_id) throw new WeChatError(-1, 'add_material returned no media_id', { endpoint, retryable: true })
    return data.url ? { mediaId: data.media_id, url: data.url } : { mediaId: data.media_id }
  }

  /** Creates a draft (草稿); returns its media_id. */
  async addDraft(articles: WeChatDraftArticle[]): Promise<string> {
    const data = await this.#call<{ media_id?: string }>('/cgi-bin/draft/add', { json: { articles } })
    if (!data.media_id) throw new WeChatError(-1, 'draft/add returned no media_id', { endpoint: '/cgi-bin/draft/add', retryable: true })
    return data.media_id
  }

  /** Submits a draft for publishing; the returned publish_id means accepted, not live. */
  async submitPublish(mediaId: string): Promise<string> {
    const data = await this.#call<{ publish_id?: string | number }>('/cgi-bin/freepublish/submit', { json: { media_id: mediaId } })
    if (data.publish_id === undefined)
      throw new WeChatError(-1, 'freepublish/submit returned no publish_id', { endpoint: '/cgi-bin/freepublish/submit', retryable: true })
    return String(data.publish_id)
  }

  /** The outcome of a submitted publish: 0 published, 1 publishing, 2–6 failures. */
  async getPublishStatus(publishId: string): Promise<PublishStatus> {
    const data = await this.#call<PublishStatus>('/cgi-bin/freepublish/get', { json: { publish_id: publishId } })
    return { ...data, publish_id: String(data.publish_id ?? publishId), publish_status: Number(data.publish_status) }
  }

  /** Deletes a published article; index 0 (or absent) deletes every article of that publish. */
  async deletePublished(articleId: string, index = 0): Promise<void> {
    await this.#call('/cgi-bin/freepublish/delete', { json: { article_id: articleId, index } })
  }
}
