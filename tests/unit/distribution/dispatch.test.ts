/**
 * The immediate dispatcher's timing, on Payload's job runner as the dispatcher sees it: `jobs.run` answers with the
 * jobs it ran, and leaves out those another runner (the host's jobs loop) had already taken. Fake timers, so the
 * order of tries is exact. Delivery end to end, with a real database, is in tests/integration.
 */
import type { Payload } from 'payload'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

import { Dispatcher } from '../../../plugins/distribution/src/jobs/dispatch'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

/**
 * A runner that runs every job asked for except those in `taken`, recording when it was asked for what; its first
 * run, when `firstRunHeld` is given, finishes only once that promise settles.
 */
function runner(taken: Set<string>, firstRunHeld?: Promise<void>) {
  const calls: { at: number; ids: string[] }[] = []
  const payload = {
    db: { defaultIDType: 'number', sessions: {} },
    jobs: {
      run: async ({ where }: { where: { id: { in: unknown[] } } }) => {
        const ids = where.id.in.map(String)
        calls.push({ at: Date.now(), ids })
        if (calls.length === 1 && firstRunHeld) await firstRunHeld
        return { jobStatus: Object.fromEntries(ids.filter((id) => !taken.has(id)).map((id) => [id, { status: 'success' }])) }
      },
    },
  }
  return { payload: payload as unknown as Payload, calls }
}

test("a story's jobs are run at the first try, not after an older story's jobs that another runner took have waited out their retries", async () => {
  const { payload, calls } = runner(new Set(['1', '2']))
  const dispatcher = new Dispatcher(payload)
  dispatcher.add([1, 2])
  // Tries at 5, 40 and 150 ms find jobs 1 and 2 taken; the last try waits 500 ms more.
  await vi.advanceTimersByTimeAsync(5 + 40 + 150)
  expect(calls.map((c) => c.ids)).toEqual([
    ['1', '2'],
    ['1', '2'],
    ['1', '2'],
  ])
  const added = Date.now()
  dispatcher.add([3])
  await vi.advanceTimersByTimeAsync(5)
  expect(calls.at(-1)!.ids).toContain('3')
  expect(calls.at(-1)!.at - added).toBeLessThanOrEqual(5)
  // Job 3 ran once. Jobs 1 and 2 rode along in that run, which counted as their last try: they are the host runner's now.
  await vi.advanceTimersByTimeAsync(2000)
  expect(calls.filter((c) => c.ids.includes('3'))).toHaveLength(1)
  expect(calls.filter((c) => c.ids.includes('1'))).toHaveLength(4)
})

test('jobs added while a run is under way get their first try when it ends, not their second', async () => {
  let release!: () => void
  const { payload, calls } = runner(new Set(), new Promise<void>((resolve) => (release = resolve)))
  const dispatcher = new Dispatcher(payload)
  dispatcher.add([1])
  await vi.advanceTimersByTimeAsync(5)
  dispatcher.add([2]) // while the run for job 1 is held
  await vi.advanceTimersByTimeAsync(100)
  expect(calls.map((c) => c.ids)).toEqual([['1']])
  release()
  const released = Date.now()
  await vi.advanceTimersByTimeAsync(5)
  expect(calls.at(-1)!.ids).toEqual(['2'])
  expect(calls.at(-1)!.at - released).toBeLessThanOrEqual(5)
})
