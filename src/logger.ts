/**
 * Payload's logger at the level NEWSROOM_LOG_LEVEL names (default `info`): `warn` or `error` for a quiet
 * server, `debug` to see every job tick. Same pretty output as Payload's default logger.
 */
import type { Config } from 'payload'

import { defaultLoggerOptions } from 'payload'

import { StartupError } from './env'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export function logLevel(value = process.env.NEWSROOM_LOG_LEVEL): LogLevel {
  const level = (value ?? '').trim().toLowerCase()
  if (!level) return 'info'
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel
  throw new StartupError(`NEWSROOM_LOG_LEVEL=${value} is not a log level: use one of ${LOG_LEVELS.join(', ')}.`)
}

export const newsroomLogger = (): NonNullable<Config['logger']> => ({
  options: { level: logLevel() },
  destination: defaultLoggerOptions,
})
