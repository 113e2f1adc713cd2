/** One clear line for a failed start, instead of a stack trace. */
import { StartupError } from './env'

export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return `Newsroom could not start: ${error.message}`
  const message = error instanceof Error ? error.message : String(error)
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
  if (
    /ECONNREFUSED|ENOTFOUND|cannot connect|connect to|timeout|password authentication|does not exist|SQLITE_CANTOPEN/i.test(message + cause)
  ) {
    return `Newsroom could not start: the database did not answer — ${firstLine(message)}${cause}. Check DATABASE_URI.`
  }
  return `Newsroom could not start: ${firstLine(message)}${cause}`
}

const firstLine = (text: string) => text.split('\n')[0]!.replace(/^Error:\s*/, '')
