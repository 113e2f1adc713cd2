/**
 * Reads and writes of the delivery job, straight through the database adapter.
 *
 * Why not the Local API here: every attempt would run access checks, field hooks and validation on rows only
 * this plugin writes, and the job's cost is its queries (profiled: the adapter dominates). The adapter also
 * returns channel secrets unmasked, which is exactly what the sender needs and nobody else gets.
 */
import type { JsonObject, Payload, PayloadRequest } from 'payload'

import type { ChannelRecord } from '../channels/channel-record'
import type { DeliveryState } from '../collections/deliveries'
import { idOf, type Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { DeliveryPatch } from '../rows'
import type { DistributionEvent, PublishedArticle } from '../types'

export interface DeliveryDoc {
  id: Id
  title?: string | null
  key?: string | null
  article: unknown
  channel: unknown
  event: DistributionEvent
  version: number
  state: DeliveryState
  attempts?: number | null
  attemptLimit?: number | null
  nextAttemptAt?: string | null
  contentHash?: string | null
  webhookId?: string | null
  eventAt?: string | null
  createdAt?: string | null
  externalId?: string | null
  externalUrl?: string | null
  lastStatus?: number | null
  lastError?: string | null
  deliveredAt?: string | null
  note?: string | null
  resume?: Record<string, unknown> | null
  snapshot?: PublishedArticle | null
}

/** A delivery of the same story to the same channel, as the job needs to see it. */
export type StreamRow = Pick<DeliveryDoc, 'id' | 'event' | 'version' | 'state' | 'contentHash' | 'nextAttemptAt' | 'externalId'>

type Db = Payload['db']
const db = (payload: Payload) => payload.db as Db & JsonObject

export async function readDelivery(payload: Payload, options: ResolvedDistributionOptions, id: Id): Promise<DeliveryDoc | null> {
  return ((await db(payload).findOne({ collection: options.deliveriesSlug, where: { id: { equals: id } } })) as DeliveryDoc | null) ?? null
}

/** Every delivery of this story to this channel (a handful), oldest first. */
export async function readStream(payload: Payload, options: ResolvedDistributionOptions, delivery: DeliveryDoc): Promise<StreamRow[]> {
  const { docs } = await db(payload).find({
    collection: options.deliveriesSlug,
    where: { and: [{ article: { equals: idOf(delivery.article) } }, { channel: { equals: idOf(delivery.channel) } }] },
    sort: 'version',
    limit: 0,
    pagination: false,
    select: { event: true, version: true, state: true, contentHash: true, nextAttemptAt: true, externalId: true },
  })
  return docs as StreamRow[]
}

const CHANNEL_TTL_MS = 2000
const channelCache = new WeakMap<Payload, Map<string, { at: number; channel: ChannelRecord | null }>>()

/** The channel with its secrets, cached for two seconds (a burst of deliveries reads it once). */
export async function readChannel(payload: Payload, options: ResolvedDistributionOptions, id: Id): Promise<ChannelRecord | null> {
  let cache = channelCache.get(payload)
  if (!cache) channelCache.set(payload, (cache = new Map()))
  const hit = cache.get(String(id))
  if (hit && Date.now() - hit.at < CHANNEL_TTL_MS) return hit.channel
  const channel =
    ((await db(payload).findOne({ collection: options.channelsSlug, where: { id: { equals: id } } })) as ChannelRecord | null) ?? null
  cache.set(String(id), { at: Date.now(), channel })
  return channel
}

export function forgetChannel(payload: Payload, id: Id): void {
  channelCache.get(payload)?.delete(String(id))
}

export async function writeDelivery(
  payload: Payload,
  options: ResolvedDistributionOptions,
  id: Id,
  data: DeliveryPatch,
  req?: PayloadRequest,
): Promise<void> {
  await db(payload).updateOne({
    collection: options.deliveriesSlug,
    id,
    data: { ...data, updatedAt: new Date().toISOString() },
    returning: false,
    ...(req ? { req } : {}),
  })
}
