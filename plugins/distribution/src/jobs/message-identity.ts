/**
 * A delivery's message identity: its id (`msg_` + a ULID, the Standard Webhooks `webhook-id`) and its event
 * time. Recorded with the delivery row, so every attempt sends the same message and a receiver can drop a
 * redelivery without ever dropping a different event.
 */
import type { Payload } from 'payload'

import { ulid } from 'ulid'

import type { ResolvedDistributionOptions } from '../options'
import { writeDelivery, type DeliveryDoc } from './delivery-store'

/** A new message id, stored on the delivery row when the event is recorded. */
export const newWebhookId = (): string => `msg_${ulid()}`

/** The stored identity; rows recorded before it was stored get it now, once, before their first send with it. */
export async function messageIdentity(
  payload: Payload,
  options: ResolvedDistributionOptions,
  delivery: DeliveryDoc,
): Promise<{ webhookId: string; eventAt: string }> {
  if (delivery.webhookId && delivery.eventAt) return { webhookId: delivery.webhookId, eventAt: delivery.eventAt }
  const identity = {
    webhookId: delivery.webhookId || newWebhookId(),
    eventAt: delivery.eventAt || delivery.createdAt || new Date().toISOString(),
  }
  await writeDelivery(payload, options, delivery.id, identity)
  return identity
}
