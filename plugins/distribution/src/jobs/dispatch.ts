/**
 * Immediate dispatch: a story's delivery jobs are run in this process as soon as its publish is committed,
 * rather than at the next tick of the host's jobs runner (publish → delivered well under a second).
 *
 * Hooks cannot see the commit. When the save runs in a transaction, the dispatcher waits for the adapter to
 * let go of it (its session leaves `db.sessions` when the commit starts), then tries; otherwise it tries at
 * once. A few more tries with growing pauses catch a commit that was still finishing; a job the host's runner
 * took meanwhile is not run twice (Payload skips jobs already processing; the attempt claim covers the rest).
 * Whatever is left after the last try is the runner's.
 */
import type { Payload } from 'payload'

import type { Id } from '../ids'

const TRIES_MS = [5, 40, 150, 500]
const COMMIT_POLL_MS = 2
const COMMIT_WAIT_MS = 10_000

type Sessions = Record<string, unknown> | undefined

export class Dispatcher {
  readonly #payload: Payload
  readonly #pending = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | null = null
  /** When the pending timer fires (ms since the epoch). */
  #timerAt = 0
  #running = false

  constructor(payload: Payload) {
    this.#payload = payload
  }

  /** Run these jobs once the save that queued them (in transaction `transactionID`, if any) is committed. */
  add(jobIds: Id[], transactionID?: unknown): void {
    void this.#afterCommit(transactionID).then(() => {
      for (const id of jobIds) this.#pending.set(String(id), 0)
      this.#schedule(TRIES_MS[0]!)
    })
  }

  async #afterCommit(transactionID: unknown): Promise<void> {
    const id = transactionID instanceof Promise ? await transactionID.catch(() => undefined) : transactionID
    const sessions = (this.#payload.db as unknown as { sessions?: Sessions }).sessions
    if (id == null || !sessions) return
    const until = Date.now() + COMMIT_WAIT_MS
    while (sessions[String(id)] && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, COMMIT_POLL_MS))
  }

  /**
   * Run the pending jobs in `delayMs`, or sooner if a run is already due sooner. A later timer is brought forward:
   * a story's new jobs must not wait out the last, 500 ms, retry of an older story's jobs that the host's runner
   * took meanwhile (the benchmark's publish → delivered p95 was that 500 ms whenever the runner's tick met a publish).
   * During a run nothing is scheduled; the run schedules what is left when it ends.
   */
  #schedule(delayMs: number): void {
    if (this.#running) return
    const at = Date.now() + delayMs
    if (this.#timer) {
      if (this.#timerAt <= at) return
      clearTimeout(this.#timer)
    }
    this.#timerAt = at
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.#run()
    }, delayMs)
    this.#timer.unref?.()
  }

  async #run(): Promise<void> {
    if (this.#running || !this.#pending.size) return
    this.#running = true
    const ids = [...this.#pending.keys()]
    try {
      const result = await this.#payload.jobs.run({
        allQueues: true,
        limit: ids.length,
        silent: true,
        where: { id: { in: ids.map((id) => (/^\d+$/.test(id) && this.#payload.db.defaultIDType === 'number' ? Number(id) : id)) } },
      })
      for (const id of Object.keys((result as { jobStatus?: Record<string, unknown> }).jobStatus ?? {})) this.#pending.delete(String(id))
    } catch {
      // The database went away (shutdown) or hiccupped: the host's runner and the recovery sweep cover it.
    } finally {
      this.#running = false
    }
    // Jobs this run asked for and did not get take their next try (a job riding along in a run brought forward for
    // newer ones uses a try early); jobs added during the run keep their first.
    const asked = new Set(ids)
    let next = Infinity
    for (const [id, tries] of this.#pending) {
      if (!asked.has(id)) next = Math.min(next, TRIES_MS[tries]!)
      else if (tries + 1 >= TRIES_MS.length) this.#pending.delete(id)
      else {
        this.#pending.set(id, tries + 1)
        next = Math.min(next, TRIES_MS[tries + 1]!)
      }
    }
    if (this.#pending.size) this.#schedule(next)
  }
}

const dispatchers = new WeakMap<Payload, Dispatcher>()

export function dispatcherFor(payload: Payload): Dispatcher {
  let dispatcher = dispatchers.get(payload)
  if (!dispatcher) dispatchers.set(payload, (dispatcher = new Dispatcher(payload)))
  return dispatcher
}
