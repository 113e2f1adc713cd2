/**
 * Quiet by default: NEWSROOM_LOG_LEVEL picks Payload's log level (a wrong value stops the start naming the
 * valid ones), and the job runner logs a job only when it did work — the 30-second recovery sweep that found
 * nothing, or a delivery attempt already made, says nothing.
 */
import { describe, expect, test } from 'vitest'

import { StartupError } from '../../../src/env'
import { describeJob } from '../../../src/job-runner'
import { logLevel, newsroomLogger } from '../../../src/logger'

describe('NEWSROOM_LOG_LEVEL', () => {
  test('defaults to info and takes any pino level, in any case', () => {
    expect(logLevel(undefined)).toBe('info')
    expect(logLevel('')).toBe('info')
    expect(logLevel('WARN')).toBe('warn')
    expect(logLevel(' error ')).toBe('error')
    expect(logLevel('silent')).toBe('silent')
  })

  test('refuses a level that does not exist, naming the ones that do', () => {
    expect(() => logLevel('verbose')).toThrow(StartupError)
    expect(() => logLevel('verbose')).toThrow(/NEWSROOM_LOG_LEVEL=verbose .*fatal, error, warn, info, debug, trace, silent/)
  })

  test('is what Payload gets as its logger level', () => {
    process.env.NEWSROOM_LOG_LEVEL = 'warn'
    try {
      const logger = newsroomLogger() as { options: { level?: string } }
      expect(logger.options.level).toBe('warn')
    } finally {
      delete process.env.NEWSROOM_LOG_LEVEL
    }
  })
})

describe('the job runner logs work only', () => {
  test('an empty recovery sweep and an attempt already made are silent', () => {
    expect(describeJob({ id: 1, taskSlug: 'recoverDeliveries', log: [{ output: { requeued: 0, abandoned: 0, jobsFreed: 0 } }] })).toBeNull()
    expect(describeJob({ id: 2, taskSlug: 'deliverToChannel', log: [{ output: { ran: false, reason: 'already attempted' } }] })).toBeNull()
  })

  test('a delivery, a sweep that re-queued something and a scheduled publish are logged with what they did', () => {
    expect(describeJob({ id: 3, taskSlug: 'deliverToChannel', log: [{ output: { ran: true, state: 'delivered' } }] })).toBe(
      'Job 3 deliverToChannel done: ran=true state=delivered',
    )
    expect(describeJob({ id: 4, taskSlug: 'recoverDeliveries', log: [{ output: { requeued: 2, abandoned: 0, jobsFreed: 1 } }] })).toBe(
      'Job 4 recoverDeliveries done: requeued=2 abandoned=0 jobsFreed=1',
    )
    expect(describeJob({ id: 5, taskSlug: 'schedulePublish', log: [] })).toBe('Job 5 schedulePublish done')
  })
})
