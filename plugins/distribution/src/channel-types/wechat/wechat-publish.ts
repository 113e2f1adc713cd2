/**
 * Publishing one story to a WeChat Official Account: token → body images (uploadimg) → cover
 * (add_material, the draft's thumb_media_id) → draft/add → freepublish/submit → poll freepublish/get.
 *
 * freepublish/submit only means "accepted": the outcome arrives later, so we poll a bounded number of
 * times. Submitting twice would publish the story twice, so the result tells the job what to keep for the
 * next attempt (`resume`): a publishId means "only poll again", a mediaId means "submit this draft again".
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { toWeChatArticle } from './wechat-article'
import type { OutputScript, PublishedArticle, PublishedImage } from '../../types'
import { guardedFetch } from '../../transports/guarded-fetch'
import {
  type ImageFile,
  MATERIAL_IMAGE_MAX_BYTES,
  PUBLISH_STATUS,
  type PublishStatus,
  type WeChatClient,
  WeChatError,
} from './wechat-client'

export interface WeChatResume {
  /** A submitted publish whose outcome is not known yet: poll it, never submit again. */
  publishId?: string
  /** A draft that exists but is not (successfully) submitted: submit it instead of making another. */
  mediaId?: string
}

export interface PublishToWeChatOptions {
  /** Reads an image's bytes. @default the local file (filePath) or a GET of its URL */
  loadImage?: (image: PublishedImage) => Promise<ImageFile>
  /** @default 3000 */
  pollIntervalMs?: number
  /** @default 20 */
  maxPolls?: number
  /** @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>
  script?: OutputScript
  /** @default false */
  needOpenComment?: boolean
  /** @default false */
  onlyFansCanComment?: boolean
  /** A cover material already on the account, used when the story has no picture at all. */
  defaultThumbMediaId?: string
  /** @default 20000 */
  maxContentChars?: number
  /** What a previous attempt left behind (from its result's `resume`). */
  resume?: WeChatResume
}

export interface WeChatPublishResult {
  ok: boolean
  /** published: live; publishing: accepted, outcome unknown after maxPolls; failed: see error */
  state: 'published' | 'publishing' | 'failed'
  /** freepublish/get publish_status (0 ok, 1 publishing, 2–6 failures) when known */
  status?: number
  publishId?: string
  mediaId?: string
  articleId?: string
  articleUrl?: string
  error?: string
  errcode?: number
  retryable: boolean
  /** Store on the delivery and pass back as options.resume on the next attempt. */
  resume?: WeChatResume
  /** Images left out (too large, wrong type, not uploadable) and similar non-fatal notes. */
  warnings: string[]
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Image bytes up to 10 MB from disk, or over HTTP. */
export async function loadImageFile(image: PublishedImage, timeoutMs = 15_000): Promise<ImageFile> {
  const filename = basename(image.filePath || new URL(image.url).pathname) || 'image.jpg'
  if (image.filePath) {
    const bytes = new Uint8Array(await readFile(image.filePath))
    return { bytes, filename, ...(image.mimeType ? { contentType: image.mimeType } : {}) }
  }
  // An image URL is data too: fetched through the SSRF guard, no redirects, at most 10 MB.
  const response = await guardedFetch(image.url, { timeoutMs, maxResponseBytes: MATERIAL_IMAGE_MAX_BYTES })
  if (!response.ok) throw new Error(`image ${image.url}: HTTP ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const contentType = response.headers.get('content-type') ?? image.mimeType ?? undefined
  return { bytes, filename, ...(contentType ? { contentType } : {}) }
}

function describe(error: unknown): { error: string; errcode?: number; retryable: boolean } {
  if (error instanceof WeChatError) return { error: error.message, errcode: error.errcode, retryable: error.retryable }
  return { error: (error as Error)?.message ?? String(error), retryable: false }
}

function statusText(status: number): string {
  return PUBLISH_STATUS[status as keyof typeof PUBLISH_STATUS] ?? `unknown status ${status}`
}

/** Polls freepublish/get until the publish succeeds, fails, or maxPolls run out. */
export async function pollWeChatPublish(
  client: WeChatClient,
  publishId: string,
  options: Pick<PublishToWeChatOptions, 'pollIntervalMs' | 'maxPolls' | 'sleep'> & { mediaId?: string; warnings?: string[] } = {},
): Promise<WeChatPublishResult> {
  const maxPolls = Math.max(1, options.maxPolls ?? 20)
  const sleep = options.sleep ?? defaultSleep
  const warnings = options.warnings ?? []
  const base = { publishId, ...(options.mediaId ? { mediaId: options.mediaId } : {}), warnings }
  let last: PublishStatus | undefined
  let lastError: ReturnType<typeof describe> | undefined

  for (let poll = 0; poll < maxPolls; poll++) {
    if (poll > 0) await sleep(options.pollIntervalMs ?? 3000)
    try {
      last = await client.getPublishStatus(publishId)
      lastError = undefined
    } catch (error) {
      lastError = describe(error)
      if (!lastError.retryable) break
      continue
    }
    const status = last.publish_status
    if (status === 1) continue
    if (status === 0) {
      const item = last.article_detail?.item?.[0]
      return {
        ok: true,
        state: 'published',
        status,
        ...base,
        ...(last.article_id ? { articleId: String(last.article_id) } : {}),
        ...(item?.article_url ? { articleUrl: item.article_url } : {}),
        retryable: false,
      }
    }
    // 3 is WeChat's "normal failure": the draft is intact, submitting it again may work. 2, 4, 6 are
    // verdicts (originality check, platform audit, ban) and 5 means someone deleted it: no retry.
    const retryable = status === 3 && !!options.mediaId
    return {
      ok: false,
      state: 'failed',
      status,
      ...base,
      error: `WeChat publish ${publishId} ${statusText(status)} (publish_status ${status})${last.fail_idx?.length ? `; failed articles ${last.fail_idx.join(', ')}` : ''}`,
      retryable,
      ...(retryable ? { resume: { mediaId: options.mediaId } } : {}),
    }
  }

  if (lastError && !lastError.retryable) {
    return { ok: false, state: 'failed', ...base, ...lastError, resume: { publishId } }
  }
  // Accepted but not finished: the job must poll again later, never resubmit.
  return {
    ok: false,
    state: 'publishing',
    ...(last ? { status: last.publish_status } : {}),
    ...base,
    error: lastError
      ? `WeChat publish ${publishId}: status unknown after ${maxPolls} polls (${lastError.error})`
      : `WeChat publish ${publishId} still publishing after ${maxPolls} polls`,
    retryable: true,
    resume: { publishId },
  }
}

/** Publishes `article` as a single-article WeChat post. Never throws. */
export async function publishToWeChat(
  client: WeChatClient,
  article: PublishedArticle,
  options: PublishToWeChatOptions = {},
): Promise<WeChatPublishResult> {
  const warnings: string[] = []
  const pollOptions = { pollIntervalMs: options.pollIntervalMs, maxPolls: options.maxPolls, sleep: options.sleep, warnings }
  if (options.resume?.publishId) {
    return pollWeChatPublish(client, options.resume.publishId, { ...pollOptions, mediaId: options.resume.mediaId })
  }

  let mediaId = options.resume?.mediaId
  if (!mediaId) {
    const loadImage = options.loadImage ?? ((image: PublishedImage) => loadImageFile(image))
    try {
      // Fail fast on bad credentials before reading any image.
      await client.getAccessToken()

      // Body pictures must live on mmbiz.qpic.cn; the formatter drops any it cannot map.
      const imageUrlMap = new Map<string, string>()
      for (const image of article.images) {
        if (imageUrlMap.has(image.url)) continue
        let file: ImageFile
        try {
          file = await loadImage(image)
        } catch (error) {
          warnings.push(`body image ${image.url} left out: ${(error as Error).message}`)
          continue
        }
        try {
          imageUrlMap.set(image.url, await client.uploadBodyImage(file))
        } catch (error) {
          if (error instanceof WeChatError && !error.retryable) {
            warnings.push(`body image ${image.url} left out: ${error.message}`)
            continue
          }
          throw error
        }
      }

      // WeChat requires a cover (thumb_media_id): the hero picture, else the first body picture.
      const coverImage = article.heroImage ?? article.images[0]
      let thumbMediaId = options.defaultThumbMediaId
      if (coverImage) {
        thumbMediaId = (await client.addCoverMaterial(await loadImage(coverImage))).mediaId
      } else if (!thumbMediaId) {
        return {
          ok: false,
          state: 'failed',
          error: 'WeChat needs a cover image (thumb_media_id): the story has no hero or body picture and the channel has no default cover',
          retryable: false,
          warnings,
        }
      }

      const formatted = toWeChatArticle(article, {
        imageUrlMap,
        ...(options.script ? { script: options.script } : {}),
        ...(options.maxContentChars ? { maxContentChars: options.maxContentChars } : {}),
      })
      for (const url of formatted.droppedImages) {
        if (!warnings.some((w) => w.includes(url))) warnings.push(`body image ${url} left out: not uploaded to WeChat`)
      }
      if (formatted.truncated) warnings.push('content cut to fit WeChat limits; it ends with a link to the full story')

      mediaId = await client.addDraft([
        {
          title: formatted.title,
          author: formatted.author,
          digest: formatted.digest,
          content: formatted.content,
          content_source_url: formatted.content_source_url,
          thumb_media_id: thumbMediaId as string,
          need_open_comment: options.needOpenComment ? 1 : 0,
          only_fans_can_comment: options.onlyFansCanComment ? 1 : 0,
        },
      ])
    } catch (error) {
      return { ok: false, state: 'failed', ...describe(error), warnings }
    }
  }

  let publishId: string
  try {
    publishId = await client.submitPublish(mediaId)
  } catch (error) {
    const failure = describe(error)
    return { ok: false, state: 'failed', mediaId, ...failure, ...(failure.retryable ? { resume: { mediaId } } : {}), warnings }
  }
  return pollWeChatPublish(client, publishId, { ...pollOptions, mediaId })
}

export interface WeChatRetractResult {
  ok: boolean
  error?: string
  errcode?: number
  retryable: boolean
}

/** Deletes a published WeChat article (unpublish/retract); index 0 deletes every article of the post. */
export async function retractFromWeChat(client: WeChatClient, articleId: string, index = 0): Promise<WeChatRetractResult> {
  try {
    await client.deletePublished(articleId, index)
    return { ok: true, retryable: false }
  } catch (error) {
    return { ok: false, ...describe(error) }
  }
}
