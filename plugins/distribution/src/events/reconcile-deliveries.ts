/**
 * Deliveries a crash never recorded. Without database transactions (SQLite), a process killed between a
 * story's save and its afterChange hook leaves a publication event with no delivery rows: nothing would ever
 * send it. At start-up, for the most recently saved stories (a crash interrupts only the saves in flight, and
 * nothing is saved after them), each push channel's last delivery is compared with the story's public state
 * now, and the event a channel missed is recorded for that channel only:
 *   public, and the channel's last delivery is none or a withdrawal      → published
 *   public, saved again after the channel's last content delivery was recorded, and the content differs
 *   from what that delivery sent                                         → corrected (a new correction note)
 *                                                                          or updated
 *   not public, and the channel's last delivery is content               → unpublished, or retracted
 *   retracted, and the channel's last delivery is an unpublish           → retracted
 * Content alone never decides: it also changes without a save of the story (a section or an author renamed,
 * the public origin moved), and a restart must not announce those as updates of the last 200 stories.
 * A story that already agrees with every channel gets nothing, so this may run any number of times. Channels
 * created after the story's last save are left alone (they were not there to miss anything). The host runs it
 * at start-up, before its job runner and before it takes requests (src/repair-after-crash.ts): run while saves
 * are in flight, it would take a save whose afterChange has not run yet for one a crash interrupted.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import { CONTENT_EVENTS, WITHDRAWAL_EVENTS } from '../jobs/deliver-task'
import type { Id } from '../ids'
import type { DistributionRuntime } from '../runtime'
import { loadStory, toPublishedArticle } from '../story/published-article'
import type { DistributionEvent } from '../types'
import { pushChannels, recordPublicationEvent } from './record-event'

export interface ReconcileReport {
  checked: number
  recorded: { story: Id; event: DistributionEvent; channels: Id[] }[]
}

type Story = { _status?: unknown; stage?: unknown; corrections?: unknown; updatedAt?: unknown }

type LastDelivery = {
  event: DistributionEvent
  contentHash?: string | null
  snapshot?: { correctionNote?: string | null; updatedAt?: string | null }
}

/** The last delivery was recorded by the story's latest save (or a later one): that save missed nothing. */
function recordedSinceLastSave(story: Story, last: LastDelivery): boolean {
  const saved = Date.parse(String(story.updatedAt ?? ''))
  const snapshot = Date.parse(String(last.snapshot?.updatedAt ?? ''))
  return !Number.isNaN(saved) && !Number.isNaN(snapshot) && saved <= snapshot
}

function missedEvent(story: Story, hash: string, last: LastDelivery | undefined): DistributionEvent | null {
  const isPublic = story._status === 'published'
  if (isPublic) {
    if (!last || WITHDRAWAL_EVENTS.includes(last.event)) return 'published'
    // What receivers would see also changes without a save (a section or author renamed, another public
    // origin): only a save after the last delivery can have missed one.
    if (recordedSinceLastSave(story, last) || last.contentHash === hash) return null
    const corrections = Array.isArray(story.corrections) ? (story.corrections as { note?: unknown }[]) : []
    const note = corrections.length ? String(corrections[corrections.length - 1]?.note) : null
    return note && note !== (last.snapshot?.correctionNote ?? null) ? 'corrected' : 'updated'
  }
  if (!last) return null
  if (CONTENT_EVENTS.includes(last.event)) return story.stage === 'retracted' ? 'retracted' : 'unpublished'
  if (last.event === 'unpublished' && story.stage === 'retracted') return 'retracted'
  return null
}

export async function reconcileRecentDeliveries(payload: Payload, runtime: DistributionRuntime, window = 200): Promise<ReconcileReport> {
  if (runtime.options.disabled) return { checked: 0, recorded: [] }
  const { options } = runtime
  const report: ReconcileReport = { checked: 0, recorded: [] }
  const req = await createLocalReq({}, payload)
  const channels = await pushChannels(req, options)
  if (!channels.length) return report
  const { docs } = await payload.db.find({
    collection: options.storyCollection,
    sort: '-updatedAt',
    limit: window,
    pagination: false,
    select: { id: true },
    req,
  })
  for (const { id } of docs as { id: Id }[]) {
    report.checked++
    const story = await loadStory(req, options, id)
    if (!story) continue
    const hash = toPublishedArticle(story, { req, options, version: 0 }).hash
    const missed = new Map<DistributionEvent, Set<string>>()
    for (const channel of channels) {
      const createdAt = (channel as { createdAt?: string }).createdAt
      if (createdAt && story.updatedAt && Date.parse(createdAt) > Date.parse(String(story.updatedAt))) continue
      const [last] = (
        await payload.db.find({
          collection: options.deliveriesSlug,
          where: { and: [{ article: { equals: id } }, { channel: { equals: channel.id } }] },
          sort: '-version',
          limit: 1,
          pagination: false,
          select: { event: true, contentHash: true, snapshot: true },
          req,
        })
      ).docs as unknown as LastDelivery[]
      const event = missedEvent(story, hash, last)
      if (event) missed.set(event, (missed.get(event) ?? new Set()).add(String(channel.id)))
    }
    for (const [event, only] of missed) {
      // Its jobs are queued for the server's runner, which starts once start-up is done.
      const { event: recorded, deliveryIds } = await recordPublicationEvent(req, runtime, id, event, only)
      if (recorded && deliveryIds.length) report.recorded.push({ story: id, event: recorded, channels: [...only] })
    }
  }
  for (const { story, event, channels: missedBy } of report.recorded) {
    payload.logger.warn(`Distribution repair: story ${String(story)} missed "${event}" on channel(s) ${missedBy.join(', ')}; recorded now`)
  }
  return report
}
