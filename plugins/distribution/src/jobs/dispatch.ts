/**
 * Immediate dispatch: a story's delivery jobs are run in this process as soon as its publish is committed,
 * rather than at the next tick of the host's jobs runner (publish → delivered well under a second).
 *
 * Hooks cannot see the commit, so the dispatcher simply tries shortly after the save and a few more times with
 * growing pauses: a job not yet visible (transaction still open) is found on a later try, and a job the host's
 * runner took meanwhile is not run twice (Payload skips jobs already processing; the attempt claim covers the
 * rest). Whatever is left after the last try is the runner's.
 */
import type { Payload } from 'payload'

import type { Id } from '../ids'

const TRIES_MS = [15, 60, 200, 600]

export class Dispatcher {
  readonly #payload: Payload
  readonly #pending = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | null = null
  #running = false

  constructor(payload: Payload) {
    this.#payload = payload
  }

  add(jobIds: Id[]): void {
    for (const id of jobIds) this.#pending.set(String(id), 0)
    this.#schedule(TRIES_MS[0]!)
  }

  #schedule(delayMs: number): void {
    if (this.#timer || this.#running) return
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
    let next = Infinity
    for (const [id, tries] of this.#pending) {
      if (tries + 1 >= TRIES_MS.length) this.#pending.delete(id)
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
