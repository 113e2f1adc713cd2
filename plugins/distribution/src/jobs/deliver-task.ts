/**
 * The `deliverToChannel` job: one attempt at one delivery.
 *
 *   1. read the delivery; a job for an attempt already made, or for a finished delivery, does nothing;
 *   2. wait for older deliveries of the same story to the same channel (a retraction must not overtake, or be
 *      overtaken by, the publish it withdraws);
 *   3. claim the attempt (attempt-claim.ts) — exactly one worker gets it;
 *   4. skip what needs no sending (unchanged content, content withdrawn since), else send through the channel's
 *      transport;
 *   5. record the outcome and, for a retryable failure, queue the next attempt with backoff — both in one
 *      transaction. A 4xx other than 408/429 is final; 410 also disables the channel. A worker that outlived its
 *      lease finds the attempt taken over by the recovery sweep, and only logs what it got.
 * Anything that throws leaves the delivery pending; the recovery sweep picks it up again.
 */
import type { Payload, TaskConfig } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { attemptBudgetMs, channelType } from '../channel-types/registry'
import type { ChannelRecord } from '../channels/channel-record'
import type { AttemptOutcome } from '../collections/delivery-attempts'
import type { DeliveryState } from '../collections/deliveries'
import { idOf, toDocId } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { DistributionRuntime } from '../runtime'
import type { TransportResult } from '../transports/transport-result'
import type { DistributionEvent } from '../types'
import { claimAttempt, finishAttempt } from './attempt-claim'
import { settleAttempt } from './attempt-settle'
import { forgetChannel, readChannel, readDelivery, readStream, writeDelivery, type DeliveryDoc, type StreamRow } from './delivery-store'
import { retryDelayMs } from './backoff'
import { messageIdentity } from './message-identity'
import { queueDeliveryAttempt } from './queue-delivery'
import { DELIVER_TASK, type DeliverInput } from './task-slugs'

export const CONTENT_EVENTS: readonly DistributionEvent[] = ['published', 'updated', 'corrected']
export const WITHDRAWAL_EVENTS: readonly DistributionEvent[] = ['unpublished', 'retracted']

export type { DeliveryDoc }

export type AttemptResult = { ran: false; reason: string } | { ran: true; state: DeliveryState; outcome: AttemptOutcome; attempt: number }

/** An older delivery to the same channel still on its way: when to look again, or null to go ahead. */
export function olderStillPending(stream: StreamRow[], delivery: DeliveryDoc): Date | null {
  const older = stream.filter((row) => row.version < delivery.version && (row.state === 'pending' || row.state === 'retrying'))
  if (!older.length) return null
  const due = Math.max(...older.map((row) => (row.nextAttemptAt ? Date.parse(row.nextAttemptAt) : Date.now())))
  return new Date(Math.max(Date.now(), due) + 500)
}

/** Why nothing needs sending, or null. */
export function reasonToSkip(stream: StreamRow[], delivery: DeliveryDoc): string | null {
  if (CONTENT_EVENTS.includes(delivery.event)) {
    const withdrawn = stream.find((row) => row.version > delivery.version && WITHDRAWAL_EVENTS.includes(row.event))
    if (withdrawn) return `superseded: the story was ${withdrawn.event} (version ${withdrawn.version}) before this was sent`
  }
  const lastSent = stream.filter((row) => row.version < delivery.version && row.state === 'success').at(-1)
  if (!lastSent) return null
  if (WITHDRAWAL_EVENTS.includes(delivery.event)) {
    return lastSent.event === delivery.event ? `already ${delivery.event} on this channel (version ${lastSent.version})` : null
  }
  const sameKind = lastSent.event === delivery.event || (delivery.event === 'updated' && CONTENT_EVENTS.includes(lastSent.event))
  if (sameKind && lastSent.contentHash && lastSent.contentHash === delivery.contentHash) {
    return `unchanged since version ${lastSent.version} was delivered (same content hash)`
  }
  return null
}

/** One attempt through the transport of the channel's type (channel-types/registry.ts). */
async function send(
  payload: Payload,
  options: ResolvedDistributionOptions,
  channel: ChannelRecord,
  delivery: DeliveryDoc,
  stream: StreamRow[],
): Promise<TransportResult> {
  const article = delivery.snapshot
  if (!article) return { ok: false, error: 'the delivery has no story snapshot', retryable: false }
  const type = channelType(channel.type)
  if (!type) return { ok: false, error: `unknown channel type "${channel.type}"`, retryable: false }
  if (!type.transport)
    return { ok: true, skipped: true, note: `${channel.type} channels are read by their subscribers; nothing to push`, retryable: false }
  const published = stream.filter((row) => row.event === 'published' && row.state === 'success' && row.externalId).at(-1)
  return type.transport(
    channel,
    {
      event: delivery.event,
      article,
      resume: delivery.resume ?? null,
      publishedExternalId: published?.externalId ?? null,
      identity: () => messageIdentity(payload, options, delivery),
    },
    options,
  )
}

export async function runDeliveryAttempt(runtime: DistributionRuntime, payload: Payload, input: DeliverInput): Promise<AttemptResult> {
  const { options } = runtime
  if (options.disabled) return { ran: false, reason: 'distribution is disabled' }
  const deliveryId = toDocId(payload, input.deliveryId)
  const delivery = await readDelivery(payload, options, deliveryId)
  if (!delivery) return { ran: false, reason: 'delivery not found' }
  if (delivery.state === 'success' || delivery.state === 'skipped' || delivery.state === 'failed')
    return { ran: false, reason: `delivery already ${delivery.state}` }
  const attempt = (delivery.attempts ?? 0) + 1
  if (Number(input.attempt) !== attempt) return { ran: false, reason: `attempt ${input.attempt} is not the next one (${attempt})` }
  const channelId = idOf(delivery.channel)
  if (idOf(delivery.article) === undefined || channelId === undefined) {
    const gone = idOf(delivery.article) === undefined ? 'story' : 'channel'
    await writeDelivery(payload, options, deliveryId, { state: 'failed', lastError: `the ${gone} was deleted`, nextAttemptAt: null })
    return { ran: false, reason: `${gone} deleted` }
  }

  const stream = await readStream(payload, options, delivery)
  const waitFor = olderStillPending(stream, delivery)
  if (waitFor) {
    await queueDeliveryAttempt(payload, options, { deliveryId, attempt, waitUntil: waitFor })
    return { ran: false, reason: 'waiting for an older delivery to the same channel' }
  }

  const channel = await readChannel(payload, options, channelId)
  const claim = await claimAttempt(payload, options, {
    deliveryId,
    attempt,
    worker: runtime.worker,
    leaseMs: attemptBudgetMs(channel, options),
  })
  if (!claim) return { ran: false, reason: `attempt ${attempt} is being made by another worker` }

  let result: TransportResult
  if (!channel) result = { ok: false, error: 'the channel no longer exists', retryable: false }
  else if (!channel.enabled) result = { ok: false, error: 'the channel is disabled', retryable: false }
  else {
    const skip = reasonToSkip(stream, delivery)
    result = skip
      ? { ok: true, skipped: true, note: skip, retryable: false }
      : await send(payload, options, channel, delivery, stream).catch((error: unknown) => ({
          ok: false,
          error: `delivery failed: ${(error as Error)?.message ?? String(error)}`,
          retryable: true,
        }))
  }

  const limit = delivery.attemptLimit ?? options.delivery.maxAttempts
  const retry = !result.ok && result.retryable && attempt < limit
  const state: DeliveryState = result.ok ? (result.skipped ? 'skipped' : 'success') : retry ? 'retrying' : 'failed'
  const outcome: AttemptOutcome = result.ok ? (result.skipped ? 'skipped' : 'success') : retry ? 'retry' : 'failed'
  const now = Date.now()
  const nextAt = retry
    ? new Date(
        now +
          retryDelayMs(attempt, {
            baseMs: options.delivery.backoffMs,
            capMs: options.delivery.backoffCapMs,
            ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
          }),
      )
    : null
  const error = result.ok ? null : (result.error ?? 'failed')
  const note =
    result.note ??
    (result.disableChannel
      ? 'the receiver answered 410 Gone: channel disabled'
      : state === 'failed' && result.retryable
        ? `gave up after ${attempt} attempts`
        : null)

  // The outcome and the next attempt's job are written together: a crash cannot leave a retry unscheduled. Settling
  // the attempt first makes this worker the one whose outcome counts: a worker slower than its lease (the
  // transport's budget plus the lease margin) may have been presumed dead, and the recovery sweep may have taken
  // the attempt over and queued the next; then this outcome goes to the attempt log only.
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  let settled: boolean
  try {
    settled = await settleAttempt(payload, options, deliveryId, attempt, req)
    if (settled) {
      await writeDelivery(
        payload,
        options,
        deliveryId,
        {
          state,
          attempts: attempt,
          nextAttemptAt: nextAt ? nextAt.toISOString() : null,
          lastStatus: result.status ?? null,
          lastError: error,
          note,
          ...(result.ok && !result.skipped ? { deliveredAt: new Date(now).toISOString() } : {}),
          ...(result.externalId ? { externalId: result.externalId } : {}),
          ...(result.externalUrl ? { externalUrl: result.externalUrl } : {}),
          ...(result.resume !== undefined ? { resume: result.resume } : {}),
        },
        req,
      )
      if (nextAt) await queueDeliveryAttempt(payload, options, { deliveryId, attempt: attempt + 1, waitUntil: nextAt, req })
      if (result.disableChannel && channel) {
        await payload.update({
          collection: options.channelsSlug,
          id: channel.id,
          data: { enabled: false, disabledReason: `HTTP 410 Gone from the receiver at ${new Date(now).toISOString()}` },
          overrideAccess: true,
          depth: 0,
          req,
        })
        forgetChannel(payload, channel.id)
      }
    }
    if (ownTransaction) await commitTransaction(req)
  } catch (caught) {
    if (ownTransaction) await killTransaction(req)
    throw caught
  }
  if (!settled) {
    await finishAttempt(payload, options, claim, {
      outcome: 'abandoned',
      ...(result.status !== undefined ? { status: result.status } : {}),
      error: `the lease ran out before this attempt finished, and the recovery sweep had taken it over; it ended: ${error ?? (result.skipped ? 'skipped' : 'delivered')}`,
    })
    const current = await readDelivery(payload, options, deliveryId)
    return { ran: true, state: current?.state ?? state, outcome: 'abandoned', attempt }
  }
  await finishAttempt(payload, options, claim, {
    outcome,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(error ? { error } : {}),
  })
  return { ran: true, state, outcome, attempt }
}

export function deliverTask(runtime: DistributionRuntime): TaskConfig {
  return {
    slug: DELIVER_TASK,
    label: 'Deliver a story to a channel',
    inputSchema: [
      { name: 'deliveryId', type: 'text', required: true },
      { name: 'attempt', type: 'number', required: true },
    ],
    outputSchema: [
      { name: 'ran', type: 'checkbox' },
      { name: 'state', type: 'text' },
      { name: 'reason', type: 'text' },
    ],
    // Retries are the delivery's own (backoff, attempt log); a job that throws is re-queued by the sweep.
    retries: 0,
    handler: async ({ input, req }) => {
      const result = await runDeliveryAttempt(runtime, req.payload, input as DeliverInput)
      return { output: result.ran ? { ran: true, state: result.state } : { ran: false, reason: result.reason } }
    },
  } as TaskConfig
}
