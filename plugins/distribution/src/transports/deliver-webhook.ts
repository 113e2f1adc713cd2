/**
 * A delivery to a webhook channel: the story as NINJS in the channel's script, wrapped as
 * `{ type: 'article.<event>', timestamp, data }`, signed per Standard Webhooks with the delivery id as
 * webhook-id — the same id on every retry, so the receiver can drop a redelivery.
 */
import { toNinjs } from '../formatters/ninjs'
import type { ChannelRecord } from '../channels/channel-record'
import type { DistributionEvent, PublishedArticle } from '../types'
import type { TransportResult } from './transport-result'
import { sendWebhook } from './webhook'

export function webhookBody(article: PublishedArticle, event: DistributionEvent, channel: Pick<ChannelRecord, 'script'>) {
  return {
    type: `article.${event}`,
    timestamp: new Date().toISOString(),
    data: toNinjs(article, event, channel.script ? { script: channel.script } : {}),
  }
}

export async function deliverToWebhook(
  channel: ChannelRecord,
  delivery: { id: string | number; event: DistributionEvent; article: PublishedArticle },
  defaults: { timeoutMs: number },
): Promise<TransportResult> {
  if (!channel.url) return { ok: false, error: 'channel has no endpoint URL', retryable: false }
  if (!channel.secret) return { ok: false, error: 'channel has no signing secret', retryable: false }
  const result = await sendWebhook({
    url: channel.url,
    secret: channel.secret,
    id: String(delivery.id),
    payload: webhookBody(delivery.article, delivery.event, channel),
    timeoutMs: channel.timeoutMs ?? defaults.timeoutMs,
  })
  return {
    ok: result.ok,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.error ? { error: result.error } : {}),
    retryable: result.retryable,
    disableChannel: result.disableChannel,
    ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
  }
}
