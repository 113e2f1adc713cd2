/**
 * Which publication event a save of a story is.
 *
 * With the editorial workflow installed, the workflow says which transition the save applied
 * (`appliedTransition()`, its contract for other plugins' afterChange hooks) and that decides:
 * `eventOfTransition()`. Without it (distribution works alone), or for a save that carried no transition, the
 * event is inferred from the public state before and after the save: `detectEvent()`.
 *
 * "Before" is the story's main document as stored before the save — the published version, not the latest
 * draft (after draft saves Payload's previousDoc is the draft). Draft saves and autosaves are never events;
 * the caller does not ask. The editorial stage, when a workflow keeps one, tells a retraction from an unpublish.
 */
import type { PayloadRequest } from 'payload'

import { appliedTransition, type AppliedTransition, type EventAction } from '../../../editorial-workflow'
import type { DistributionEvent } from '../types'

export interface PublicState {
  isPublic: boolean
  stage?: string | null
  corrections: number
}

/** The event, 'maybe-updated' when a live story was saved again (an update only if its content changed), or null. */
export function detectEvent(before: PublicState | null, after: PublicState): DistributionEvent | 'maybe-updated' | null {
  if (after.stage === 'retracted' && before?.stage !== 'retracted') return 'retracted'
  if (before?.isPublic && !after.isPublic) return 'unpublished'
  if (after.isPublic && !before?.isPublic) return 'published'
  if (after.isPublic && before?.isPublic) return after.corrections > before.corrections ? 'corrected' : 'maybe-updated'
  return null
}

/** What each workflow action means to receivers; an action missing here (submit, approve, schedule…) is none. */
const EVENT_OF_ACTION: Partial<Record<EventAction, DistributionEvent | 'maybe-updated'>> = {
  publish: 'published',
  correct: 'corrected',
  unpublish: 'unpublished',
  retract: 'retracted',
  // A live story saved again: an update only if what receivers would see changed.
  update: 'maybe-updated',
}

/** The event of the transition a save applied: its last action decides (an unreviewed story records approve, publish). */
export function eventOfTransition(transition: Pick<AppliedTransition, 'actions'>): DistributionEvent | 'maybe-updated' | null {
  const last = transition.actions[transition.actions.length - 1]
  return (last && EVENT_OF_ACTION[last]) ?? null
}

/** The event of a non-draft save: the workflow's applied transition when it carried one, else inferred. */
export function eventOfSave(
  req: PayloadRequest,
  save: { collection: string; id: unknown; before: PublicState | null; after: Record<string, unknown> },
): DistributionEvent | 'maybe-updated' | null {
  const transition = appliedTransition(req, save.collection, save.id)
  return transition ? eventOfTransition(transition) : detectEvent(save.before, publicStateOf(save.after)!)
}

export function publicStateOf(doc: Record<string, unknown> | null | undefined): PublicState | null {
  if (!doc) return null
  return {
    isPublic: doc._status === 'published',
    stage: typeof doc.stage === 'string' ? doc.stage : null,
    corrections: Array.isArray(doc.corrections) ? doc.corrections.length : 0,
  }
}
