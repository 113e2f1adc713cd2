/**
 * Reads `{ action, note?, publishAt? }` from a caller. Malformed input is a 400 that names the field: an
 * unknown action, a note that is not text or is missing where it is required (requesting changes, retracting,
 * correcting), a publishAt that is not a future ISO 8601 date-time.
 */
import { TRANSITIONS, WORKFLOW_ACTIONS, actionLabels, isWorkflowAction, type WorkflowAction } from './actions'
import { invalid } from './errors'

export interface ActionInput {
  action: WorkflowAction
  note: string | null
  publishAt: string | null
}

const MAX_NOTE = 2000
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

export function parseActionInput(input: unknown, now = Date.now()): ActionInput {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('body', 'send a JSON object like {"action": "submit"}')
  const { action, note, publishAt } = input as Record<string, unknown>
  if (!isWorkflowAction(action)) throw invalid('action', `must be one of ${WORKFLOW_ACTIONS.join(', ')}`)
  const rule = TRANSITIONS[action]

  if (note !== undefined && note !== null && typeof note !== 'string') throw invalid('note', 'must be text')
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > MAX_NOTE) throw invalid('note', `must be at most ${MAX_NOTE} characters`)
  if (rule.note === 'required' && !text) {
    const label = actionLabels[action]
    throw invalid(
      'note',
      `is required to ${label.en.toLowerCase()} (${action === 'retract' ? 'the reason' : action === 'correct' ? 'the correction printed with the story' : 'what needs to change'}) / “${label.zh}”须填写说明`,
    )
  }

  let when: string | null = null
  if (action === 'schedule') {
    if (typeof publishAt !== 'string' || !ISO_DATE_TIME.test(publishAt) || Number.isNaN(Date.parse(publishAt))) {
      throw invalid('publishAt', 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-26T08:00:00+08:00')
    }
    if (Date.parse(publishAt) <= now) throw invalid('publishAt', 'must be in the future')
    when = new Date(publishAt).toISOString()
  } else if (publishAt !== undefined && publishAt !== null) {
    throw invalid('publishAt', 'applies only to the schedule action')
  }
  return { action, note: text || null, publishAt: when }
}
