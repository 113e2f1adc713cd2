/**
 * A local fake of the WeChat Official Account API, built from the documented contract (errcodes,
 * limits, request shapes), for tests that must not reach api.weixin.qq.com.
 *
 * Like the real API it answers HTTP 200 with `{errcode, errmsg}` on errors. Every call is recorded in
 * `state.calls` (with the secret and the token replaced, so assertions can print them safely), tokens
 * can be expired or revoked, publishes stay "publishing" for a configurable number of polls, and faults
 * (system busy, HTTP 500) can be injected for the next K calls.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeWeChatOptions {
  /** @default 'wx_fake_appid' */
  appId?: string
  /** @default 'fake_appsecret_0123456789abcdef' */
  appSecret?: string
  /** expires_in of issued tokens. @default 7200 */
  tokenTtlSeconds?: number
  /** freepublish/get answers publish_status 1 this many times before the outcome. @default 1 */
  publishingPolls?: number
  /** The final publish_status. @default 0 */
  publishOutcome?: number
  /** The clock, for token expiry. @default Date.now */
  now?: () => number
}

export type FaultKind = 'busy' | 'http500' | 'rate-limit'

export interface FakeWeChatCall {
  method: string
  path: string
  /** Query with secret/access_token redacted. */
  query: Record<string, string>
  /** The token presented (for token-reuse assertions). */
  accessToken?: string
  json?: unknown
  /** For multipart uploads. */
  file?: { filename: string; type: string; size: number }
  errcode: number
  httpStatus: number
}

export interface FakeDraft {
  mediaId: string
  articles: Record<string, unknown>[]
}

export interface FakePublish {
  publishId: string
  mediaId: string
  polls: number
  outcome: number
  articleId?: string
  deleted: boolean
}

export interface FakeWeChatState {
  calls: FakeWeChatCall[]
  tokens: Map<string, number>
  tokensIssued: number
  images: Map<string, { filename: string; size: number }>
  materials: Map<string, { filename: string; size: number; url: string }>
  drafts: Map<string, FakeDraft>
  publishes: Map<string, FakePublish>
  faults: { kind: FaultKind; remaining: number; path?: string }[]
  publishingPolls: number
  publishOutcome: number
}

export interface FakeWeChat {
  url: string
  appId: string
  appSecret: string
  state: FakeWeChatState
  /** Calls to one path (e.g. '/cgi-bin/token'). */
  callsTo(path: string): FakeWeChatCall[]
  /** Makes every issued token expired (next use → 42001). */
  expireTokens(): void
  /** Forgets every token (next use → 40001), as when another server fetched a new one. */
  revokeTokens(): void
  /** The next `count` calls (to `path`, or to any endpoint) fail with the fault. */
  failNext(count: number, kind?: FaultKind, path?: string): void
  close(): Promise<void>
}

const ERR = {
  ok: [0, 'ok'],
  busy: [-1, 'system error'],
  invalidCredential: [40001, 'invalid credential, access_token is invalid or not latest'],
  invalidGrant: [40002, 'invalid grant_type'],
  invalidFileType: [40005, 'invalid file type'],
  invalidMediaId: [40007, 'invalid media_id'],
  invalidImageSize: [40009, 'invalid image size'],
  invalidAppid: [40013, 'invalid appid'],
  invalidAppsecret: [40125, 'invalid appsecret'],
  tokenMissing: [41001, 'access_token missing'],
  mediaMissing: [41005, 'media data missing'],
  tokenExpired: [42001, 'access_token expired'],
  emptyNews: [44003, 'empty news data'],
  contentTooLong: [45002, 'content size out of limit'],
  titleTooLong: [45003, 'title size out of limit'],
  digestTooLong: [45004, 'description size out of limit'],
  rateLimit: [45009, 'reach max api daily quota limit'],
  authorTooLong: [45110, 'author size out of limit'],
  invalidContent: [45166, 'invalid content'],
  invalidMediaType: [40004, 'invalid media type'],
} as const satisfies Record<string, readonly [number, string]>

type ErrKey = keyof typeof ERR

class Reply {
  constructor(
    readonly body: Record<string, unknown>,
    readonly httpStatus = 200,
  ) {}
  static error(key: ErrKey, detail?: string) {
    const [errcode, errmsg] = ERR[key]
    return new Reply({ errcode, errmsg: detail ? `${errmsg}: ${detail} rid: fake` : `${errmsg} rid: fake` })
  }
  static ok(data: Record<string, unknown> = {}) {
    return new Reply({ errcode: 0, errmsg: 'ok', ...data })
  }
}

function sniff(bytes: Uint8Array): 'jpeg' | 'png' | 'gif' | 'bmp' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'gif'
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'bmp'
  return null
}

const codePoints = (value: unknown) => (typeof value === 'string' ? [...value].length : 0)
const id = (prefix: string) => `${prefix}${randomBytes(12).toString('base64url')}`

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startFakeWeChat(options: FakeWeChatOptions = {}): Promise<FakeWeChat> {
  const appId = options.appId ?? 'wx_fake_appid'
  const appSecret = options.appSecret ?? 'fake_appsecret_0123456789abcdef'
  const ttl = options.tokenTtlSeconds ?? 7200
  const now = options.now ?? Date.now
  const state: FakeWeChatState = {
    calls: [],
    tokens: new Map(),
    tokensIssued: 0,
    images: new Map(),
    materials: new Map(),
    drafts: new Map(),
    publishes: new Map(),
    faults: [],
    publishingPolls: options.publishingPolls ?? 1,
    publishOutcome: options.publishOutcome ?? 0,
  }

  function checkToken(token: string | undefined): Reply | null {
    if (!token) return Reply.error('tokenMissing')
    const expiresAt = state.tokens.get(token)
    if (expiresAt === undefined) return Reply.error('invalidCredential')
    if (expiresAt <= now()) return Reply.error('tokenExpired')
    return null
  }

  async function readUpload(
    req: IncomingMessage,
    body: Buffer,
    call: FakeWeChatCall,
  ): Promise<{ bytes: Uint8Array; filename: string } | Reply> {
    const type = req.headers['content-type'] ?? ''
    if (!type.startsWith('multipart/form-data')) return Reply.error('mediaMissing')
    const form = await new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    }).formData()
    const media = form.get('media')
    if (!media || typeof media === 'string') return Reply.error('mediaMissing')
    const bytes = new Uint8Array(await media.arrayBuffer())
    const filename = (media as File).name ?? 'media'
    call.file = { filename, type: media.type, size: bytes.byteLength }
    return { bytes, filename }
  }

  async function handle(req: IncomingMessage, url: URL, body: Buffer, call: FakeWeChatCall): Promise<Reply> {
    const path = url.pathname
    const q = (name: string) => url.searchParams.get(name) ?? undefined

    if (path === '/cgi-bin/token') {
      if (q('grant_type') !== 'client_credential') return Reply.error('invalidGrant')
      if (q('appid') !== appId) return Reply.error('invalidAppid')
      if (q('secret') !== appSecret) return Reply.error('invalidAppsecret')
      const token = id('fake_token_')
      state.tokens.set(token, now() + ttl * 1000)
      state.tokensIssued++
      return new Reply({ access_token: token, expires_in: ttl })
    }

    const tokenError = checkToken(q('access_token'))
    if (tokenError) return tokenError

    const json = (): Record<string, unknown> | null => {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as unknown
        call.json = parsed
        return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
      } catch {
        return null
      }
    }

    switch (path) {
      case '/cgi-bin/media/uploadimg': {
        const upload = await readUpload(req, body, call)
        if (upload instanceof Reply) return upload
        const kind = sniff(upload.bytes)
        if (kind !== 'jpeg' && kind !== 'png') return Reply.error('invalidFileType')
        if (upload.bytes.byteLength > 1024 * 1024) return Reply.error('invalidImageSize')
        const url = `http://mmbiz.qpic.cn/mmbiz_${kind === 'jpeg' ? 'jpg' : 'png'}/${id('')}/0`
        state.images.set(url, { filename: upload.filename, size: upload.bytes.byteLength })
        return new Reply({ url })
      }
      case '/cgi-bin/material/add_material': {
        if (!['image', 'voice', 'video', 'thumb'].includes(q('type') ?? '')) return Reply.error('invalidMediaType')
        const upload = await readUpload(req, body, call)
        if (upload instanceof Reply) return upload
        if (!sniff(upload.bytes)) return Reply.error('invalidFileType')
        if (upload.bytes.byteLength > 10 * 1024 * 1024) return Reply.error('invalidImageSize')
        const mediaId = id('fake_media_')
        const url = `http://mmbiz.qpic.cn/mmbiz_jpg/${id('')}/0?wx_fmt=jpeg`
        state.materials.set(mediaId, { filename: upload.filename, size: upload.bytes.byteLength, url })
        return new Reply({ media_id: mediaId, url })
      }
      case '/cgi-bin/draft/add': {
        const data = json()
        const articles = data?.articles
        if (!Array.isArray(articles) || articles.length === 0) return Reply.error('emptyNews')
        for (const raw of articles as Record<string, unknown>[]) {
          if (typeof raw.title !== 'string' || !raw.title) return Reply.error('emptyNews', 'title missing')
          if (codePoints(raw.title) > 32) return Reply.error('titleTooLong')
          if (codePoints(raw.author) > 16) return Reply.error('authorTooLong')
          if (codePoints(raw.digest) > 128) return Reply.error('digestTooLong')
          const content = typeof raw.content === 'string' ? raw.content : ''
          if (!content) return Reply.error('emptyNews', 'content missing')
          if (content.length >= 20_000 || Buffer.byteLength(content, 'utf8') >= 1024 * 1024) return Reply.error('contentTooLong')
          if (/<script\b/i.test(content)) return Reply.error('invalidContent', 'script is not allowed')
          if (typeof raw.thumb_media_id !== 'string' || !state.materials.has(raw.thumb_media_id))
            return Reply.error('invalidMediaId', 'thumb_media_id')
        }
        const mediaId = id('fake_draft_')
        state.drafts.set(mediaId, { mediaId, articles: articles as Record<string, unknown>[] })
        return new Reply({ media_id: mediaId })
      }
      case '/cgi-bin/freepublish/submit': {
        const data = json()
        const mediaId = data?.media_id
        if (typeof mediaId !== 'string' || !state.drafts.has(mediaId)) return Reply.error('invalidMediaId')
        const publishId = String(2_247_483_647 + state.publishes.size + 1)
        state.publishes.set(publishId, { publishId, mediaId, polls: 0, outcome: state.publishOutcome, deleted: false })
        return Reply.ok({ publish_id: publishId, msg_data_id: Number(publishId) })
      }
      case '/cgi-bin/freepublish/get': {
        const data = json()
        const publish = state.publishes.get(String(data?.publish_id ?? ''))
        if (!publish) return Reply.error('invalidMediaId', 'publish_id')
        publish.polls++
        if (publish.deleted)
          return new Reply({ publish_id: publish.publishId, publish_status: 5, article_id: publish.articleId, fail_idx: [] })
        if (publish.polls <= state.publishingPolls) return new Reply({ publish_id: publish.publishId, publish_status: 1 })
        if (publish.outcome !== 0) return new Reply({ publish_id: publish.publishId, publish_status: publish.outcome, fail_idx: [1] })
        publish.articleId ??= id('fake_article_')
        return new Reply({
          publish_id: publish.publishId,
          publish_status: 0,
          article_id: publish.articleId,
          article_detail: { count: 1, item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${publish.articleId}` }] },
          fail_idx: [],
        })
      }
      case '/cgi-bin/freepublish/delete': {
        const data = json()
        const publish = [...state.publishes.values()].find((p) => p.articleId && p.articleId === data?.article_id)
        if (!publish || publish.deleted) return Reply.error('invalidMediaId', 'article_id')
        publish.deleted = true
        return Reply.ok()
      }
      default:
        return new Reply({ errcode: 48001, errmsg: 'api unauthorized' }, 404)
    }
  }

  function takeFault(path: string): FaultKind | null {
    const fault = state.faults.find((f) => f.remaining > 0 && (!f.path || f.path === path))
    if (!fault) return null
    fault.remaining--
    return fault.kind
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const body = await readBody(req)
      const query = Object.fromEntries(url.searchParams)
      const accessToken = query.access_token
      if (query.secret) query.secret = '[redacted]'
      if (query.access_token) query.access_token = '[redacted]'
      const call: FakeWeChatCall = { method: req.method ?? 'GET', path: url.pathname, query, errcode: 0, httpStatus: 200 }
      if (accessToken) call.accessToken = accessToken
      state.calls.push(call)

      let reply: Reply
      const fault = takeFault(url.pathname)
      if (fault === 'http500') reply = new Reply({ error: 'internal' }, 500)
      else if (fault === 'busy') reply = Reply.error('busy')
      else if (fault === 'rate-limit') reply = Reply.error('rateLimit')
      else {
        try {
          reply = await handle(req, url, body, call)
        } catch (error) {
          reply = new Reply({ errcode: -1, errmsg: `fake server error: ${(error as Error).message}` }, 500)
        }
      }
      call.httpStatus = reply.httpStatus
      call.errcode = typeof reply.body.errcode === 'number' ? reply.body.errcode : 0
      res.writeHead(reply.httpStatus, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(reply.body))
    })()
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    state,
    callsTo: (path) => state.calls.filter((c) => c.path === path),
    expireTokens() {
      for (const token of state.tokens.keys()) state.tokens.set(token, now() - 1)
    },
    revokeTokens() {
      state.tokens.clear()
    },
    failNext(count, kind = 'busy', path) {
      state.faults.push({ kind, remaining: count, ...(path ? { path } : {}) })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
