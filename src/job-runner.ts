/**
 * Runs queued jobs (scheduled publishing, channel deliveries) in the server process. Payload's own autoRun
 * crons tick once a minute at best; a newsroom wants a delivery retried within seconds, so we poll every
 * NEWSROOM_JOBS_INTERVAL_MS (default 1000 ms) and run what is due, one batch at a time.
 *
 * Quiet by default: Payload's "Running N jobs" line is silenced (the crash-recovery sweep runs every 30 s and
 * usually finds nothing); one line is logged per job that did something, and errors as they happen.
 */
import type { Payload } from 'payload'

export interface JobRunner {
  stop(): Promise<void>
}

type JobRecord = {
  id: string | number
  taskSlug?: string | null
  workflowSlug?: string | null
  log?: { output?: Record<string, unknown> | null; state?: string }[] | null
}

const isZero = (value: unknown) => value === undefined || value === null || value === 0 || value === false

/** One line for a job that did work, or null when it had nothing to do (an empty sweep, an attempt already made). */
export function describeJob(job: JobRecord): string | null {
  const slug = job.taskSlug ?? job.workflowSlug ?? 'job'
  const output = job.log?.at(-1)?.output ?? {}
  if (slug === 'deliverToChannel' && output.ran === false) return null
  if (slug === 'recoverDeliveries' && Object.values(output).every(isZero)) return null
  const details = Object.entries(output)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ')
  return `Job ${job.id} ${slug} done${details ? `: ${details}` : ''}`
}

async function logWork(payload: Payload, ids: (string | number)[]) {
  if (!ids.length || !payload.logger.isLevelEnabled('info')) return
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: { taskSlug: true, workflowSlug: true, log: true },
  })
  for (const job of docs as unknown as JobRecord[]) {
    const line = describeJob(job)
    if (line) payload.logger.info(line)
  }
}

export function startJobRunner(payload: Payload, intervalMs = Number(process.env.NEWSROOM_JOBS_INTERVAL_MS || 1000)): JobRunner {
  let stopped = false
  let current: Promise<unknown> = Promise.resolve()
  const tick = async () => {
    if (stopped) return
    try {
      const run = payload.jobs.run({ allQueues: true, limit: 20, silent: { info: true, error: false } })
      current = run
      const result = await run
      const succeeded = Object.entries(result.jobStatus ?? {})
        .filter(([, status]) => status.status === 'success')
        .map(([id]) => id)
      await logWork(payload, succeeded)
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
