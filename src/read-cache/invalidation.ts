/**
 * Brings purges to this process's read cache: from this process at once (every database kind), and on
 * PostgreSQL from every process on the same database through LISTEN — the NOTIFY a save sends in its own
 * transaction arrives when it commits. While the listening connection is down nothing can be trusted: the cache
 * is emptied and stays off until it is back.
 */
import pg from 'pg'

import type { TaggedCache } from './tagged-cache'
import { PURGE_CHANNEL, shared } from './read-tags'

export interface Invalidation {
  /** False while purges from other processes could be missed. */
  readonly live: boolean
  stop(): Promise<void>
}

/**
 * `heardFromDatabase` gets every purge that arrives through LISTEN, this process's own saves included: it runs
 * after the save committed, which is when other caches (the reader site's pages) may safely be dropped too.
 */
export async function startInvalidation(
  cache: TaggedCache,
  database: { kind: string; url: string },
  heardFromDatabase?: (tags: string[]) => void,
): Promise<Invalidation> {
  const local = (tags: string[]) => void cache.purge(tags)
  shared.purgeListeners.add(local)
  if (database.kind !== 'postgres') {
    // SQLite: one server process; a second writer (the CLI) is covered by the entries' time to live.
    return { live: true, stop: async () => void shared.purgeListeners.delete(local) }
  }
  let client: pg.Client | null = null
  let live = false
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const scheduleRetry = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(scheduleRetry), 1000)
  }
  const connect = async () => {
    const next = new pg.Client({ connectionString: database.url })
    next.on('notification', (message) => {
      if (message.channel !== PURGE_CHANNEL) return
      let tags: string[]
      try {
        tags = JSON.parse(message.payload ?? '[]') as string[]
      } catch {
        cache.clear()
        return
      }
      cache.purge(tags)
      heardFromDatabase?.(tags)
    })
    const lost = () => {
      if (client !== next) return
      live = false
      client = null
      cache.clear()
      next.end().catch(() => undefined)
      scheduleRetry()
    }
    next.on('error', lost)
    next.on('end', lost)
    client = next
    await next.connect()
    await next.query(`LISTEN ${PURGE_CHANNEL}`)
    // Whatever changed while no one listened is unknown: start empty.
    cache.clear()
    live = true
  }
  await connect().catch(scheduleRetry)
  return {
    get live() {
      return live
    },
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      shared.purgeListeners.delete(local)
      const last = client
      client = null
      live = false
      await last?.end().catch(() => undefined)
    },
  }
}
