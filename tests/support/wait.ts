/**
 * Waiting for a condition in a test: vitest's `vi.waitFor` polls `check` until it gives a value (anything but
 * false/undefined/null) or the time is up, then fails naming what never happened. No fixed sleeps.
 */
import { vi } from 'vitest'

export async function until<T>(
  what: string,
  check: () => Promise<T | false | undefined | null>,
  { timeout = 60_000, interval = 100 } = {},
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check()
      if (value === false || value === undefined || value === null) throw new Error(`timed out waiting for ${what}`)
      return value
    },
    { timeout, interval },
  )
}
