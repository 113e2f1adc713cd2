/**
 * A delivery to a webhook channel: the story as NINJS (the channel's version, in its script), wrapped as
 * `{ type: 'article.<event>', timestamp, data }` and signed per Standard Webhooks.
 *
 * Every attempt of one delivery sends the same bytes: `timestamp` is the event time stored on the delivery
 * (not the send time: that is the signed `webhook-timestamp` header), and the webhook-id is the delivery's
 * own message id (`msg_` + a ULID), globally unique and the same on every retry, so a receiver can drop a
 * redelivery without ever dropping a different event.
 */
import { ulid } from 'ulid'

import type { ChannelRecord } from '../channels/channel-record'
import { isNinjsVersion, toNinjs } from '../formatters/ninjs'
import type { DistributionEvent, PublishedArticle } from '../types'
import type { TransportResult } from './transport-result'
import { sendWebhook } from './webhook'

/** A new Standard Webhooks message id, stored on the delivery row when the event is recorded. */
export const newWebhookId = (): string => `msg_${ulid()}`

export function webhookBody(article: PublishedArticle, event: DistributionEvent, channel: Pick<ChannelRecord, 'script' | 'ninjsVersion'>, eventAt: string) {
  return {
    type: `article.${event}`,
    timestamp: new Date(eventAt).toISOString(),
    data: toNinjs(article, event, {
      ...(channel.script ? { script: channel.script } : {}),
      ...(isNinjsVersion(channel.ninjsVersion) ? { version: channel.ninjsVersion } : {}),
    }),
  }
}

export async function deliverToWebhook(
  channel: ChannelRecord,
  delivery: { webhookId: string; eventAt: string; event: DistributionEvent; article: PublishedArticle },
  defaults: { timeoutMs: number },
): Promise<TransportResult> {
  if (!channel.url) return { ok: false, error: 'channel has no endpoint URL', retryable: false }
  if (!channel.secret) return { ok: false, error: 'channel has no signing secret', retryable: false }
  const result = await sendWebhook({
    url: channel.url,
    secret: channel.secret,
    id: delivery.webhookId,
    payload: webhookBody(delivery.article, delivery.event, channel, delivery.eventAt),
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
