/**
 * The contract through which other plugins read a story's house-style check (the workflow's publish gate):
 * the names of the fields house-style writes on every save, and the error findings among them. The names live
 * here once; the fields are declared with them (fields.ts).
 */
import type { Finding } from './types'

export const STYLE_FIELDS = { findings: 'styleFindings', errorCount: 'styleErrorCount' } as const

export interface StyleVerdict {
  /** Findings of severity `error`: each blocks publishing. */
  errorCount: number
  errors: Finding[]
}

const findingsIn = (value: unknown): Finding[] => (Array.isArray(value) ? (value as Finding[]) : [])

/**
 * The check a document carries: a save in progress (`data`, once house-style's hook has linted it) or a story
 * as stored. Null when it carries none (a partial document house-style did not lint).
 */
export function styleVerdictOf(doc: Record<string, unknown> | null | undefined): StyleVerdict | null {
  const count = doc?.[STYLE_FIELDS.errorCount]
  if (typeof count !== 'number') return null
  return { errorCount: count, errors: findingsIn(doc?.[STYLE_FIELDS.findings]).filter((finding) => finding?.severity === 'error') }
}

export const NO_STYLE_ERRORS: StyleVerdict = { errorCount: 0, errors: [] }
