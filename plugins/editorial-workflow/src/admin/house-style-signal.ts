'use client'
/**
 * What the house-style panel says about the story on screen, without importing that plugin: it announces its
 * live findings on `window` (event `newsroom:house-style`, last value kept on `window.__newsroomHouseStyle`),
 * and shows itself (scrolls to it, opens it on a phone) on `newsroom:show-findings`. The workflow's dialogs
 * use it to say "fix these first" before sending anything. Without the panel on the page, nothing is known.
 */
import { useEffect, useState } from 'react'

export interface StyleSignal {
  errors: number
  warnings: number
  /** The first error's message in each language, to name it in a dialog. */
  firstError?: { zh: string; en: string }
}

const EVENT = 'newsroom:house-style'

declare global {
  interface Window {
    __newsroomHouseStyle?: StyleSignal
  }
}

export function useHouseStyleSignal(): StyleSignal | null {
  const [signal, setSignal] = useState<StyleSignal | null>(() =>
    typeof window === 'undefined' ? null : (window.__newsroomHouseStyle ?? null),
  )
  useEffect(() => {
    const on = (event: Event) => setSignal((event as CustomEvent<StyleSignal>).detail)
    window.addEventListener(EVENT, on)
    setSignal(window.__newsroomHouseStyle ?? null)
    return () => window.removeEventListener(EVENT, on)
  }, [])
  return signal
}

/** Ask the panel to show itself (and the first error). */
export const showFindings = () => window.dispatchEvent(new CustomEvent('newsroom:show-findings'))
