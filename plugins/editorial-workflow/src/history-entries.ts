/**
 * Which history entries a transition writes. Publishing (or scheduling) a story nobody has approved records the
 * approval first, by the same editor; creating a story records its creation, and its publication if it was
 * created public (an import, or an editor publishing straight away).
 */
import { TRANSITIONS, type WorkflowAction } from './actions'
import type { Actor } from './desk-roles'
import type { HistoryEntry } from './record-events'
import { UNAPPROVED_STAGES, type Stage } from './stages'

export function actionEntries(action: WorkflowAction, from: Stage, note: string | null, publishAt: string | null): HistoryEntry[] {
  const to = TRANSITIONS[action].to
  const approvesFirst = (action === 'publish' || action === 'schedule') && UNAPPROVED_STAGES.includes(from)
  if (approvesFirst) {
    return [
      { action: 'approve', from, to: 'approved', note: null },
      { action, from: 'approved', to, note, publishAt },
    ]
  }
  return [{ action, from, to, note, publishAt }]
}

export function creationEntries(actor: Actor | null, published: boolean): HistoryEntry[] {
  const entries: HistoryEntry[] = [{ action: 'create', from: null, to: 'draft' }]
  if (published && actor) entries.push(...actionEntries('publish', 'draft', null, null))
  else if (published) entries.push({ action: 'publish', from: 'draft', to: 'published' })
  return entries
}
