/**
 * How much a WeChat delivery may cost. WeChat limits calls per account (45009: the daily quota is used up,
 * 45011: too many calls per minute): those answers are retried with the job's backoff rather than failed, and
 * the access token is cached per account (wechat-client.ts) because the token endpoint has the smallest quota.
 * One attempt makes up to four API requests before polling (token, cover, draft/add, freepublish/submit),
 * each bounded by the request timeout, then polls freepublish/get `maxPolls` times, `pollIntervalMs` apart.
 */
import type { ChannelBudget } from '../channel-type'
import type { WeChatSettings } from './settings'

/** One WeChat API request may take this long. */
export const WECHAT_REQUEST_TIMEOUT_MS = 15_000
const REQUESTS_BEFORE_POLLING = 4

/** WeChat's rate limits: retried later, never a failure of the story. */
export const RATE_LIMIT_ERRCODES = [45009, 45011] as const

export const wechatBudget: ChannelBudget<WeChatSettings> = {
  attemptMs: (_channel, options) =>
    REQUESTS_BEFORE_POLLING * WECHAT_REQUEST_TIMEOUT_MS + options.wechat.pollIntervalMs * options.wechat.maxPolls,
}
