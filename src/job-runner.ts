/**
 * Runs queued jobs (scheduled publishing, channel deliveries) in the server process. Payload's own autoRun
 * crons tick once a minute at best; a newsroom wants a delivery retried within seconds, so we poll every
 * NEWSROOM_JOBS_INTERVAL_MS (default 1000 ms) and run what is due, one batch at a time.
 */
import type { Payload } from 'payload'

export interface JobRunner {
  stop(): Promise<void>
}

export function startJobRunner(payload: Payload, intervalMs = Number(process.env.NEWSROOM_JOBS_INTERVAL_MS || 1000)): JobRunner {
  let stopped = false
  let current: Promise<unknown> = Promise.resolve()
  const tick = async () => {
    if (stopped) return
    try {
      current = payload.jobs.run({ allQueues: true, limit: 20 })
      await current
    } catch (error) {
      payload.logger.error({ err: error, msg: 'Job runner tick failed' })
    } finally {
      if (!stopped) timer = setTimeout(tick, intervalMs)
    }
  }
  let timer = setTimeout(tick, intervalMs)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await current.catch(() => undefined)
    },
  }
}
