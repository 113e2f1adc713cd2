/**
 * A delivery to a webhook channel: the formatter's body, signed per Standard Webhooks (send-webhook.ts).
 * The webhook-id is the delivery's own message id (`msg_` + a ULID), globally unique and the same on every
 * retry, so a receiver can drop a redelivery without ever dropping a different event.
 */
import type { ChannelRecord } from '../../channels/channel-record'
import type { ResolvedDistributionOptions } from '../../options'
import type { TransportResult } from '../../transports/transport-result'
import type { OutgoingDelivery } from '../channel-type'
import { webhookBody } from './formatter'
import { sendWebhook } from './send-webhook'
import type { WebhookSettings } from './settings'

export async function deliverToWebhook(
  channel: ChannelRecord<WebhookSettings>,
  delivery: OutgoingDelivery,
  options: ResolvedDistributionOptions,
): Promise<TransportResult> {
  if (!channel.url) return { ok: false, error: 'channel has no endpoint URL', retryable: false }
  if (!channel.secret) return { ok: false, error: 'channel has no signing secret', retryable: false }
  const { webhookId, eventAt } = await delivery.identity()
  const result = await sendWebhook({
    url: channel.url,
    secret: channel.secret,
    id: webhookId,
    payload: webhookBody(delivery.article, delivery.event, channel, eventAt),
    timeoutMs: channel.timeoutMs ?? options.delivery.webhookTimeoutMs,
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
