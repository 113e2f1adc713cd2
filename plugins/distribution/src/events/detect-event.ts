/**
 * Which publication event a save of a story is, from the public state before and after it.
 *
 * "Before" is the story's main document as stored before the save — the published version, not the latest
 * draft (after draft saves Payload's previousDoc is the draft). Draft saves and autosaves are never events;
 * the caller does not ask. The editorial stage, when a workflow keeps one, tells a retraction from an unpublish.
 */
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

export function publicStateOf(doc: Record<string, unknown> | null | undefined): PublicState | null {
  if (!doc) return null
  return {
    isPublic: doc._status === 'published',
    stage: typeof doc.stage === 'string' ? doc.stage : null,
    corrections: Array.isArray(doc.corrections) ? doc.corrections.length : 0,
  }
}
