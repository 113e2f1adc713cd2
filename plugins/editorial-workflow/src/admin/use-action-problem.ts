'use client'
/**
 * A refused action as the admin says it, in the admin's language: style errors listed by place and message
 * (never rule ids or field paths) with a link to the findings; a conflict, a refusal or a login problem in
 * plain words. Only an unexpected error shows the server's own message.
 */
import { useCallback } from 'react'

import type { DialogProblem } from './ActionDialog'
import { findingPlace, findingText, text, type Lang } from './text'
import type { ActionOutcome } from './use-story-workflow'

const MAX_LISTED = 5

export function describeOutcome(outcome: ActionOutcome, lang: Lang): DialogProblem {
  if (outcome.status === 422 || outcome.reason === 'style') {
    const findings = outcome.findings ?? []
    const details = findings
      .slice(0, MAX_LISTED)
      .map((f) => [findingPlace(f, lang), findingText(f, lang)].filter(Boolean).join(lang === 'zh' ? '：' : ': '))
    return { message: text.styleBlocked[lang], details, findings: true }
  }
  if (outcome.status === 409) return { message: text.conflict[lang], details: [] }
  if (outcome.status === 401 || outcome.status === 403) return { message: text.forbidden[lang], details: [] }
  // Server messages are bilingual ("English. / 中文。"): show the admin's half.
  const [en, zh] = (outcome.message ?? String(outcome.status)).split(' / ')
  return { message: text.failed[lang] + ((lang === 'zh' ? zh : en) ?? en ?? ''), details: [] }
}

export const useActionProblem = (lang: Lang) => useCallback((outcome: ActionOutcome) => describeOutcome(outcome, lang), [lang])
