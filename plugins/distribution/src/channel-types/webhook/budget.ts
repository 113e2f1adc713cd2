/**
 * How much a webhook delivery may cost: one POST, bounded by the channel's timeout (500 ms to 60 s, default
 * options.delivery.webhookTimeoutMs), and which answers are worth another attempt (the job's backoff spaces
 * them; a receiver's Retry-After can ask for longer).
 */
import type { ChannelBudget } from '../channel-type'
import type { WebhookSettings } from './settings'

export const WEBHOOK_TIMEOUT_MIN_MS = 500
export const WEBHOOK_TIMEOUT_MAX_MS = 60_000

export const webhookBudget: ChannelBudget<WebhookSettings> = {
  attemptMs: (channel, options) => channel.timeoutMs ?? options.delivery.webhookTimeoutMs,
}

/**
 * Follows Superdesk and the Standard Webhooks spec: 2xx success; 410 means "endpoint gone, stop sending";
 * 408, 429 and 5xx are retried; any other 4xx is the sender's fault and is not retried.
 */
export function classifyStatus(status: number): { ok: boolean; retryable: boolean; disableChannel: boolean } {
  if (status >= 200 && status < 300) return { ok: true, retryable: false, disableChannel: false }
  if (status === 410) return { ok: false, retryable: false, disableChannel: true }
  if (status === 408 || status === 429 || status >= 500) return { ok: false, retryable: true, disableChannel: false }
  return { ok: false, retryable: false, disableChannel: false }
}
