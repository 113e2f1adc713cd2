/**
 * The Express host's read cache: the store, the purges that reach it, and the middleware that answers from it.
 * `NEWSROOM_READ_CACHE=false` turns it off; `NEWSROOM_READ_CACHE_TTL_MS` bounds how long an entry lives when no
 * purge reaches it (a second process writing to the same SQLite file).
 */
import type { RequestHandler } from 'express'
import type { Payload, SanitizedConfig } from 'payload'

import { chooseDatabase } from '../database'
import { isReaderSiteTag, requestRevalidation } from '../site/revalidate'
import { startInvalidation } from './invalidation'
import { readCacheMiddleware } from './read-cache-middleware'
import { READ_CACHE_COLLECTIONS } from './read-cache-plugin'
import { TaggedCache } from './tagged-cache'

export interface ReadCache {
  cache: TaggedCache | null
  middleware: RequestHandler
  stop(): Promise<void>
}

export async function startReadCache(config: Promise<SanitizedConfig> | SanitizedConfig, logger?: Payload['logger']): Promise<ReadCache> {
  if (process.env.NEWSROOM_READ_CACHE === 'false')
    return { cache: null, middleware: (_req, _res, next) => next(), stop: async () => undefined }
  const ttlMs = Number(process.env.NEWSROOM_READ_CACHE_TTL_MS || 300_000)
  const cache = new TaggedCache({ maxEntries: 5000, maxBytes: 64 * 1024 * 1024, ttlMs })
  // On PostgreSQL the reader site's tags ride the same NOTIFY (src/site/revalidate.ts): this server drops its
  // pages only once the save committed, and hears of saves made by other servers and by `newsroom import`.
  const invalidation = await startInvalidation(cache, chooseDatabase(), (tags) => {
    const siteTags = tags.filter(isReaderSiteTag)
    if (siteTags.length) void requestRevalidation(siteTags, (message) => logger?.warn(message))
  })
  const middleware = readCacheMiddleware({ config, cache, invalidation, publicCollections: READ_CACHE_COLLECTIONS })
  return { cache, middleware, stop: () => invalidation.stop() }
}
