import { mkdtemp, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PublishedImage } from '../../../plugins/distribution/src/types'
import { type CachedToken, WeChatClient, WeChatError } from '../../../plugins/distribution/src/channel-types/wechat/wechat-client'
import { loadImageFile, publishToWeChat, retractFromWeChat } from '../../../plugins/distribution/src/channel-types/wechat/wechat-publish'
import { type FakeWeChat, startFakeWeChat } from '../../support/fake-wechat'
import { fakeImageBytes, makeImage, makePublishedArticle } from '../../support/published-article'

let fake: FakeWeChat
let tokenCache: Map<string, CachedToken>

beforeEach(async () => {
  fake = await startFakeWeChat({ publishingPolls: 2 })
  tokenCache = new Map()
})
afterEach(async () => {
  await fake.close()
})

const client = (overrides: Partial<ConstructorParameters<typeof WeChatClient>[0]> = {}) =>
  new WeChatClient({ appId: fake.appId, appSecret: fake.appSecret, apiBase: fake.url, tokenCache, timeoutMs: 5000, ...overrides })

/** Image bytes by URL: 60 KB JPEGs unless the test says otherwise. */
function loader(sizes: Record<string, { size: number; kind?: 'jpeg' | 'png' | 'gif' }> = {}) {
  return async (image: PublishedImage) => {
    const spec = sizes[image.url] ?? { size: 60_000 }
    return { bytes: fakeImageBytes(spec.size, spec.kind ?? 'jpeg'), filename: image.url.split('/').pop() ?? 'x.jpg' }
  }
}

const noSleep = { sleep: async () => undefined, pollIntervalMs: 1 }

describe('publishToWeChat against the fake WeChat API', () => {
  it('publishes end to end: token, body images, cover, draft, submit, poll', async () => {
    const article = makePublishedArticle({ images: [makeImage('huaxi-1'), makeImage('huaxi-2')] })
    const waits: number[] = []
    const result = await publishToWeChat(client(), article, {
      loadImage: loader(),
      pollIntervalMs: 25,
      sleep: async (ms) => {
        waits.push(ms)
      },
    })

    expect(result).toMatchObject({ ok: true, state: 'published', status: 0, retryable: false })
    expect(result.articleUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(result.articleId).toBeTruthy()
    expect(result.publishId).toBeTruthy()
    expect(result.warnings).toEqual([])

    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(1)
    expect(fake.callsTo('/cgi-bin/media/uploadimg')).toHaveLength(2)
    expect(fake.callsTo('/cgi-bin/material/add_material')).toHaveLength(1)
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(1)
    // Two "publishing" answers, then success; the poll interval is respected between polls.
    expect(fake.callsTo('/cgi-bin/freepublish/get')).toHaveLength(3)
    expect(waits).toEqual([25, 25])

    const [draft] = [...fake.state.drafts.values()]
    const sent = draft.articles[0]
    expect(sent).toMatchObject({
      title: '兴仁县“三抓三强”加快后进党组织转化',
      author: '丁宪民',
      content_source_url: article.url,
      need_open_comment: 0,
      only_fans_can_comment: 0,
    })
    expect(fake.state.materials.has(sent.thumb_media_id as string)).toBe(true)
    const content = sent.content as string
    expect(content).toContain('亮点黔西南讯')
    expect(content.match(/src="http:\/\/mmbiz\.qpic\.cn\/[^"]+"/g)).toHaveLength(2)
    expect(content).not.toContain('news.example.cn/media')
    // The cover is the hero picture, uploaded once as permanent material.
    expect(fake.callsTo('/cgi-bin/material/add_material')[0].query.type).toBe('image')
  })

  it('caches the access token: two publishes, one token request', async () => {
    const first = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    const second = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(first.ok && second.ok).toBe(true)
    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(1)
    const tokens = new Set(fake.state.calls.filter((c) => c.accessToken).map((c) => c.accessToken))
    expect(tokens.size).toBe(1)
  })

  it('shares one token request between concurrent jobs', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(1)
  })

  it('refreshes an expired token once and carries on', async () => {
    await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    fake.expireTokens()
    const result = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(result.ok).toBe(true)
    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(2)
    expect(fake.state.calls.some((c) => c.errcode === 42001)).toBe(true)
  })

  it('refreshes a token another server invalidated (40001)', async () => {
    const c = client()
    await c.getAccessToken()
    fake.revokeTokens()
    const result = await publishToWeChat(c, makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(result.ok).toBe(true)
    expect(fake.state.calls.filter((call) => call.errcode === 40001)).toHaveLength(1)
    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(2)
  })

  it('refreshes ahead of expires_in (5-minute margin)', async () => {
    let now = 1_000_000
    const c = client({ now: () => now })
    const first = await c.getAccessToken()
    now += 7200_000 - 6 * 60_000
    expect(await c.getAccessToken()).toBe(first)
    now += 2 * 60_000
    expect(await c.getAccessToken()).not.toBe(first)
    expect(fake.callsTo('/cgi-bin/token')).toHaveLength(2)
  })

  it('reports a failed publish (platform audit) as permanent', async () => {
    fake.state.publishOutcome = 4
    const result = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(result).toMatchObject({ ok: false, state: 'failed', status: 4, retryable: false })
    expect(result.error).toMatch(/platform audit failed \(publish_status 4\)/)
    expect(result.resume).toBeUndefined()
  })

  it('after a "normal failure" (3) resumes with the same draft instead of making another', async () => {
    fake.state.publishOutcome = 3
    const failed = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(failed).toMatchObject({ ok: false, status: 3, retryable: true })
    expect(failed.resume?.mediaId).toBe(failed.mediaId)

    fake.state.publishOutcome = 0
    const retried = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep, resume: failed.resume })
    expect(retried.ok).toBe(true)
    expect(fake.state.drafts.size).toBe(1)
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(2)
  })

  it('when still publishing after maxPolls, asks to poll again later and never resubmits', async () => {
    fake.state.publishingPolls = 5
    const pending = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep, maxPolls: 2 })
    expect(pending).toMatchObject({ ok: false, state: 'publishing', status: 1, retryable: true })
    expect(pending.resume).toEqual({ publishId: pending.publishId })

    const later = await publishToWeChat(client(), makePublishedArticle(), {
      loadImage: loader(),
      ...noSleep,
      maxPolls: 10,
      resume: pending.resume,
    })
    expect(later).toMatchObject({ ok: true, state: 'published', publishId: pending.publishId })
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(1)
    expect(fake.state.drafts.size).toBe(1)
  })

  it('treats system busy and HTTP 500 as retryable', async () => {
    fake.failNext(1, 'busy', '/cgi-bin/draft/add')
    const busy = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(busy).toMatchObject({ ok: false, state: 'failed', errcode: -1, retryable: true })

    fake.failNext(1, 'http500', '/cgi-bin/freepublish/submit')
    const http = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(http).toMatchObject({ ok: false, retryable: true })
    expect(http.error).toMatch(/HTTP 500/)
    expect(http.resume?.mediaId).toBeTruthy()

    fake.failNext(1, 'rate-limit')
    const limited = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(limited).toMatchObject({ ok: false, errcode: 45009, retryable: true })
  })

  it('keeps polling through a transient error while publishing', async () => {
    fake.failNext(1, 'busy', '/cgi-bin/freepublish/get')
    const result = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(result.ok).toBe(true)
  })

  it('leaves out body images WeChat would refuse (over 1 MB, not jpg/png) and says so', async () => {
    const big = makeImage('big-photo')
    const gif = makeImage('animated')
    const fine = makeImage('fine')
    const article = makePublishedArticle({ images: [big, gif, fine] })
    const result = await publishToWeChat(client(), article, {
      loadImage: loader({ [big.url]: { size: 2 * 1024 * 1024 }, [gif.url]: { size: 10_000, kind: 'gif' } }),
      ...noSleep,
    })
    expect(result.ok).toBe(true)
    expect(fake.callsTo('/cgi-bin/media/uploadimg')).toHaveLength(1)
    expect(result.warnings.join('\n')).toMatch(/big-photo.*image too large/)
    expect(result.warnings.join('\n')).toMatch(/animated.*invalid file type/)
    const content = [...fake.state.drafts.values()][0].articles[0].content as string
    expect(content.match(/<img /g)).toHaveLength(1)
  })

  it('fails clearly when there is no picture for the cover', async () => {
    const result = await publishToWeChat(client(), makePublishedArticle({ heroImage: null, images: [] }), {
      loadImage: loader(),
      ...noSleep,
    })
    expect(result).toMatchObject({ ok: false, state: 'failed', retryable: false })
    expect(result.error).toMatch(/cover image \(thumb_media_id\)/)
    expect(fake.callsTo('/cgi-bin/draft/add')).toHaveLength(0)
  })

  it('retracts a published article with freepublish/delete', async () => {
    const published = await publishToWeChat(client(), makePublishedArticle(), { loadImage: loader(), ...noSleep })
    const retracted = await retractFromWeChat(client(), published.articleId as string)
    expect(retracted).toEqual({ ok: true, retryable: false })
    expect(fake.callsTo('/cgi-bin/freepublish/delete')[0].json).toEqual({ article_id: published.articleId, index: 0 })
    expect((await client().getPublishStatus(published.publishId as string)).publish_status).toBe(5)

    const again = await retractFromWeChat(client(), published.articleId as string)
    expect(again).toMatchObject({ ok: false, errcode: 40007, retryable: false })
  })

  it('rejects bad credentials with typed errors that never contain the appsecret', async () => {
    const wrongSecret = client({ appSecret: 'not-the-right-secret-123' })
    const error = await wrongSecret.getAccessToken().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WeChatError)
    expect(error).toMatchObject({ errcode: 40125, retryable: false })
    expect(String((error as Error).message)).not.toContain('not-the-right-secret-123')

    // A wrongly configured channel for the same account does not borrow a token the right one obtained.
    await client().getAccessToken()
    const borrowed = await wrongSecret.getAccessToken().catch((e: unknown) => e)
    expect(borrowed).toMatchObject({ errcode: 40125 })

    const wrongApp = await client({ appId: 'wx_nobody' })
      .getAccessToken()
      .catch((e: unknown) => e)
    expect(wrongApp).toMatchObject({ errcode: 40013 })

    const result = await publishToWeChat(wrongSecret, makePublishedArticle(), { loadImage: loader(), ...noSleep })
    expect(result).toMatchObject({ ok: false, errcode: 40125, retryable: false })
    expect(JSON.stringify(result)).not.toContain('not-the-right-secret-123')
    // The fake's own call log never holds the secret either.
    expect(JSON.stringify(fake.state.calls)).not.toContain(fake.appSecret)
  })

  it('redacts the appsecret and token even if WeChat echoes the request URL', async () => {
    const echo = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      if (req.url?.startsWith('/cgi-bin/token')) res.end(JSON.stringify({ access_token: 'echo_token_abcdef123456', expires_in: 7200 }))
      else res.end(JSON.stringify({ errcode: 40164, errmsg: `invalid ip 10.0.0.1, not in whitelist, request ${req.url}` }))
    })
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
    const { port } = echo.address() as AddressInfo
    try {
      const c = new WeChatClient({ appId: 'wx_echo', appSecret: 'echo_secret_987654321', apiBase: `http://127.0.0.1:${port}`, tokenCache })
      const error = (await c.submitPublish('m1').catch((e: unknown) => e)) as WeChatError
      expect(error.errcode).toBe(40164)
      expect(error.message).not.toContain('echo_token_abcdef123456')
      expect(error.message).toContain('[redacted]')
    } finally {
      echo.closeAllConnections()
      await new Promise<void>((resolve) => echo.close(() => resolve()))
    }
  })

  it('reads images from disk by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsroom-wechat-'))
    const path = join(dir, 'hero.jpg')
    await writeFile(path, fakeImageBytes(2048))
    const file = await loadImageFile({ ...makeImage('hero'), filePath: path })
    expect(file.bytes.byteLength).toBe(2048)
    expect(file.filename).toBe('hero.jpg')
  })
})

describe('the fake WeChat API enforces the documented contract', () => {
  async function call(path: string, body: unknown, token?: string) {
    const t = token ?? (await client().getAccessToken())
    const response = await fetch(`${fake.url}${path}?access_token=${t}`, { method: 'POST', body: JSON.stringify(body) })
    return (await response.json()) as { errcode?: number; errmsg?: string; media_id?: string }
  }

  it('validates draft limits and refuses script', async () => {
    const { mediaId } = await client().addCoverMaterial({ bytes: fakeImageBytes(1000), filename: 'c.jpg' })
    const base = { title: '标题', author: '丁宪民', digest: '摘要', content: '<p>正文</p>', thumb_media_id: mediaId }
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, title: '题'.repeat(33) }] })).errcode).toBe(45003)
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, author: '名'.repeat(17) }] })).errcode).toBe(45110)
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, digest: '摘'.repeat(129) }] })).errcode).toBe(45004)
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, content: 'x'.repeat(20_000) }] })).errcode).toBe(45002)
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, content: '<p>hi</p><script>alert(1)</script>' }] })).errcode).toBe(
      45166,
    )
    expect((await call('/cgi-bin/draft/add', { articles: [{ ...base, thumb_media_id: 'nope' }] })).errcode).toBe(40007)
    expect((await call('/cgi-bin/draft/add', { articles: [] })).errcode).toBe(44003)
    const ok = await call('/cgi-bin/draft/add', { articles: [base] })
    expect(ok.errcode).toBeUndefined()
    expect(ok.media_id).toBeTruthy()
  })

  it('checks tokens and upload types', async () => {
    expect((await call('/cgi-bin/draft/add', {}, 'bogus')).errcode).toBe(40001)
    const form = new FormData()
    form.append('media', new Blob([fakeImageBytes(100, 'gif')], { type: 'image/gif' }), 'a.gif')
    const token = await client().getAccessToken()
    const upload = await fetch(`${fake.url}/cgi-bin/media/uploadimg?access_token=${token}`, { method: 'POST', body: form })
    expect(((await upload.json()) as { errcode: number }).errcode).toBe(40005)
    const big = new FormData()
    big.append('media', new Blob([fakeImageBytes(1024 * 1024 + 1)], { type: 'image/jpeg' }), 'a.jpg')
    const tooBig = await fetch(`${fake.url}/cgi-bin/media/uploadimg?access_token=${token}`, { method: 'POST', body: big })
    expect(((await tooBig.json()) as { errcode: number }).errcode).toBe(40009)
  })
})
