'use client'
/**
 * The live house-style check of the story on screen, shared on the page: the findings panel runs it (as the
 * reporter types) and puts the answer here; the rendered dateline and byline fields and the dateline hint
 * read it, so they change before any save. The panel also announces the error count on `window` for the
 * workflow's dialogs (event `newsroom:house-style`, see editorial-workflow's house-style-signal.ts).
 */
import { useSyncExternalStore } from 'react'

import type { Finding } from '../types'

export interface Rendered {
  datelineText: string
  bylineText: string
}

export interface LiveCheck {
  findings: Finding[] | null
  rendered: Rendered | null
}

let current: LiveCheck = { findings: null, rendered: null }
const listeners = new Set<() => void>()

export function publishLiveCheck(next: Partial<LiveCheck>) {
  current = { ...current, ...next }
  listeners.forEach((listener) => listener())
  if (next.findings && typeof window !== 'undefined') {
    const errors = next.findings.filter((f) => f.severity === 'error')
    const detail = { errors: errors.length, warnings: next.findings.length - errors.length, firstError: errors[0]?.message }
    ;(window as unknown as Record<string, unknown>).__newsroomHouseStyle = detail
    window.dispatchEvent(new CustomEvent('newsroom:house-style', { detail }))
  }
}

/** Forget the last story's answer (the panel unmounts when the user leaves the story). */
export function resetLiveCheck() {
  publishLiveCheck({ findings: null, rendered: null })
  if (typeof window !== 'undefined') delete (window as unknown as Record<string, unknown>).__newsroomHouseStyle
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const useLiveCheck = (): LiveCheck =>
  useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  )
