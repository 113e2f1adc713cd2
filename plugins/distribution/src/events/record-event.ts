/**
 * afterChange on stories: a save that is a publication event (published, updated, corrected, unpublished,
 * retracted) gets one Delivery row per channel that should have it, and one queued job per row — all with the
 * save's `req`, so they are committed with the publish or not at all. The story is turned into a
 * PublishedArticle once per event (from the stored house-style render) and that snapshot is what every
 * channel's formatter receives, however late its delivery runs.
 */
import type { CollectionAfterChangeHook, JsonObject, PayloadRequest } from 'payload'

import { channelsWanting } from '../channels/channel-filters'
import { PUSH_TYPES } from '../channel-types/registry'
import type { ChannelRecord } from '../channels/channel-record'
import { eventLabels } from '../collections/deliveries'
import { idOf, type Id } from '../ids'
import { CONTENT_EVENTS, WITHDRAWAL_EVENTS } from '../jobs/deliver-task'
import { writeDelivery, type DeliveryDoc } from '../jobs/delivery-store'
import { dispatcherFor } from '../jobs/dispatch'
import { queueDeliveryAttempt } from '../jobs/queue-delivery'
import { newWebhookId } from '../jobs/message-identity'
import type { ResolvedDistributionOptions } from '../options'
import type { SelectOf, WhereOf } from '../rows'
import { feedsChanged, type DistributionRuntime } from '../runtime'
import { loadStory, toPublishedArticle } from '../story/published-article'
import type { DistributionEvent } from '../types'
import { eventOfSave } from './detect-event'
import { saveKey, saveState } from './save-state'

export async function deliveriesOf(req: PayloadRequest, options: ResolvedDistributionOptions, where: WhereOf<DeliveryDoc>, limit = 0) {
  const { docs } = await req.payload.db.find({
    collection: options.deliveriesSlug,
    where,
    sort: '-version',
    limit,
    pagination: false,
    req,
    select: { channel: true, event: true, version: true, contentHash: true, state: true, attempts: true } satisfies SelectOf<DeliveryDoc>,
  })
  return docs as unknown as DeliveryDoc[]
}

/** Enabled push channels, whatever their filters. */
export async function pushChannels(req: PayloadRequest, options: ResolvedDistributionOptions): Promise<ChannelRecord[]> {
  const { docs } = await req.payload.find({
    collection: options.channelsSlug,
    where: { and: [{ enabled: { equals: true } }, { type: { in: PUSH_TYPES } }] },
    limit: 0,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return docs as unknown as ChannelRecord[]
}

/** Of the enabled push channels, those that should get `event` for this story. */
async function targetChannels(
  req: PayloadRequest,
  options: ResolvedDistributionOptions,
  channels: ChannelRecord[],
  story: JsonObject,
  event: DistributionEvent,
  storyId: Id,
) {
  if (!channels.length) return []
  if (WITHDRAWAL_EVENTS.includes(event)) {
    // A withdrawal goes wherever the story went, whatever the channel's filters say now.
    const sent = await deliveriesOf(req, options, { and: [{ article: { equals: storyId } }, { event: { in: CONTENT_EVENTS } }] })
    const had = new Set(sent.map((d) => String(idOf(d.channel))))
    return channels.filter((channel) => had.has(String(channel.id)))
  }
  return channelsWanting(req, options, channels, idOf(story.section), idOf(story.region))
}

export async function recordPublicationEvent(
  req: PayloadRequest,
  runtime: DistributionRuntime,
  storyId: Id,
  detected: DistributionEvent | 'maybe-updated',
  /** Only these channels (crash repair: the channels that missed the event). */
  onlyChannels?: ReadonlySet<string>,
): Promise<{ event: DistributionEvent | null; deliveryIds: Id[]; jobIds: Id[] }> {
  const { options } = runtime
  const none = { event: null, deliveryIds: [], jobIds: [] }
  const channels = (await pushChannels(req, options)).filter((channel) => !onlyChannels || onlyChannels.has(String(channel.id)))
  if (!channels.length && !WITHDRAWAL_EVENTS.includes(detected as DistributionEvent)) {
    // No channel to push to (feeds are pulled): nothing to snapshot or compare, only the feed cache to drop.
    // Withdrawals still go the long way, to stand down deliveries left retrying on channels since disabled.
    feedsChanged(runtime)
    return { event: detected === 'maybe-updated' ? null : detected, deliveryIds: [], jobIds: [] }
  }
  const story = await loadStory(req, options, storyId)
  if (!story) return none
  const [last] = await deliveriesOf(req, options, { article: { equals: storyId } }, 1)
  const [lastContent] = await deliveriesOf(req, options, { and: [{ article: { equals: storyId } }, { event: { in: CONTENT_EVENTS } }] }, 1)
  const version = (last?.version ?? 0) + 1
  const article = toPublishedArticle(story, { req, options, version })
  // A live story saved again is an update only when what receivers would see changed.
  if (detected === 'maybe-updated' && lastContent?.contentHash === article.hash) return none
  const event: DistributionEvent = detected === 'maybe-updated' ? 'updated' : detected
  feedsChanged(runtime)

  const targets = await targetChannels(req, options, channels, story, event, storyId)
  const deliveryIds: Id[] = []
  const jobIds: Id[] = []
  const now = new Date().toISOString()
  for (const channel of targets) {
    // Through the adapter: rows only this plugin writes need no hooks, and a publish to many channels stays fast.
    const delivery = await req.payload.db.create({
      collection: options.deliveriesSlug,
      data: {
        createdAt: now,
        updatedAt: now,
        title: `${eventLabels[event].zh} · ${article.headline} → ${channel.name}`.slice(0, 300),
        key: `${storyId}:${version}:${channel.id}:${event}`,
        article: storyId,
        channel: channel.id,
        event,
        version,
        state: 'pending',
        attempts: 0,
        attemptLimit: options.delivery.maxAttempts,
        nextAttemptAt: now,
        contentHash: article.hash,
        webhookId: newWebhookId(),
        eventAt: now,
        snapshot: article,
      },
      req,
    })
    deliveryIds.push(delivery.id as Id)
    jobIds.push(await queueDeliveryAttempt(req.payload, options, { deliveryId: delivery.id as Id, attempt: 1, req }))
  }

  if (WITHDRAWAL_EVENTS.includes(event)) {
    // Content deliveries still waiting to be retried are withdrawn now rather than at their next backoff step:
    // they run, see the withdrawal and stand down, and the withdrawal (which waits for them) goes out at once.
    const waiting = await deliveriesOf(req, options, { and: [{ article: { equals: storyId } }, { state: { equals: 'retrying' } }] })
    for (const delivery of waiting) {
      await writeDelivery(req.payload, options, delivery.id, { nextAttemptAt: now }, req)
      jobIds.push(await queueDeliveryAttempt(req.payload, options, { deliveryId: delivery.id, attempt: (delivery.attempts ?? 0) + 1, req }))
    }
  }
  return { event, deliveryIds, jobIds }
}

export const recordEventAfterChange =
  (runtime: DistributionRuntime): CollectionAfterChangeHook =>
  async ({ doc, operation, collection, req }) => {
    const id = (doc as { id?: Id }).id
    if (id == null) return doc
    const state = saveState(req)
    const key = saveKey(collection.slug, id)
    const draft = state.draft[key] ?? state.draft[saveKey(collection.slug, operation)] ?? false
    // Drafts and autosaves never leave the building.
    if (draft || state.recording.has(key)) return doc
    const before = operation === 'create' ? null : (state.before[key] ?? null)
    delete state.before[key]
    const detected = eventOfSave(req, { collection: collection.slug, id, before, after: doc as Record<string, unknown> })
    if (!detected) return doc
    state.recording.add(key)
    try {
      const { jobIds } = await recordPublicationEvent(req, runtime, id, detected)
      if (jobIds.length && runtime.options.delivery.immediate) dispatcherFor(req.payload).add(jobIds, req.transactionID)
    } finally {
      state.recording.delete(key)
    }
    return doc
  }

export const feedsChangedAfterDelete =
  (runtime: DistributionRuntime) =>
  ({ doc }: { doc: unknown }) => {
    feedsChanged(runtime)
    return doc
  }
