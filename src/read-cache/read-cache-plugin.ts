/**
 * The read cache's side in Payload: every read of a public collection tags the response being built (the
 * story ids it shows, "a list of stories"), and every save that changes what the public sees purges exactly those
 * tags — a story published: entries showing it and every list (it may belong in one now); corrected or updated:
 * entries showing it (and lists, if its section, region, tags, credits or slug moved); unpublished or retracted:
 * entries showing it. Drafts and autosaves purge nothing: the public never sees them.
 *
 * A purge reaches this process at once and, on PostgreSQL, every process through NOTIFY sent in the save's own
 * transaction — delivered when it commits, so no process re-caches the old story after hearing of the change
 * (invalidation.ts listens).
 */
import type { CollectionConfig, Config, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { docTag, listTag, purgeHere, PURGE_CHANNEL, recordRead, recordUncacheable } from './read-tags'

/** The collections the public reads in this app. */
export const READ_CACHE_COLLECTIONS = ['articles', 'sections', 'regions', 'authors', 'media']

export interface ReadCachePluginOptions {
  /** The collection with drafts whose public state decides purges. @default 'articles' */
  storyCollection?: string
  /** Collections the public reads: their reads tag responses; reading any other makes a response uncacheable. */
  publicCollections?: string[]
}

type Doc = Record<string, unknown>
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as Doc).id : value) ?? null

/** What decides which lists a story is in. */
function placement(doc: Doc | null | undefined): string {
  if (!doc) return ''
  const credits = Array.isArray(doc.credits) ? (doc.credits as Doc[]).map((c) => String(idOf(c.author))) : []
  const tags = Array.isArray(doc.tags) ? doc.tags.map(String) : []
  return JSON.stringify([idOf(doc.section), idOf(doc.region), tags, credits, doc.slug ?? null, doc.publishedAt ?? null])
}

/** Purges these tags here at once and, on PostgreSQL, in every process once the save's transaction commits. */
export async function announcePurge(req: PayloadRequest, tags: string[]): Promise<void> {
  purgeHere(tags)
  const db = req.payload.db as unknown as {
    name?: string
    drizzle?: { execute(q: unknown): Promise<unknown> }
    sessions?: Record<string, { db: { execute(q: unknown): Promise<unknown> } }>
  }
  if (db.name !== 'postgres' || !db.drizzle) return
  const transactionID = await req.transactionID
  const connection = (transactionID != null ? db.sessions?.[String(transactionID)]?.db : undefined) ?? db.drizzle
  await connection.execute(sql`select pg_notify(${PURGE_CHANNEL}, ${JSON.stringify(tags)})`)
}

interface SaveMemo {
  draft: Record<string, boolean>
  before: Record<string, { isPublic: boolean; placement: string } | null>
}
const memoOf = (req: PayloadRequest): SaveMemo => ((req.context.readCacheSave as SaveMemo | undefined) ??= { draft: {}, before: {} })

function storyHooks(slug: string): CollectionConfig['hooks'] {
  return {
    beforeOperation: [
      ({ args, operation, req }) => {
        if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') return args
        const { id, draft, data } = args as { id?: unknown; draft?: boolean; data?: Doc }
        memoOf(req).draft[String(id ?? operation)] = Boolean(draft) && data?._status !== 'published'
        return args
      },
    ],
    beforeChange: [
      async ({ data, operation, originalDoc, req }) => {
        const memo = memoOf(req)
        if (operation !== 'update' || originalDoc?.id == null || memo.draft[String(originalDoc.id)]) return data
        // The main document is what the public sees (originalDoc may be a newer draft). A narrow read.
        const main = (await req.payload.db.findOne({
          collection: slug,
          where: { id: { equals: originalDoc.id } },
          select: { _status: true, section: true, region: true, tags: true, slug: true, publishedAt: true, credits: { author: true } },
          joins: false,
          req,
        })) as Doc | null
        memo.before[String(originalDoc.id)] = main ? { isPublic: main._status === 'published', placement: placement(main) } : null
        return data
      },
    ],
    afterChange: [
      async ({ doc, operation, req }) => {
        const memo = memoOf(req)
        const key = String(doc.id)
        if (memo.draft[key] ?? memo.draft[operation]) return doc
        const before = memo.before[key] ?? null
        delete memo.before[key]
        const isPublic = doc._status === 'published'
        if (!isPublic && !before?.isPublic) return doc
        const tags = [docTag(slug, doc.id)]
        if (isPublic && (!before?.isPublic || before.placement !== placement(doc))) tags.push(listTag(slug))
        await announcePurge(req, tags)
        return doc
      },
    ],
    afterDelete: [async ({ doc, req }) => void (await announcePurge(req, [docTag(slug, doc.id)]))],
  }
}

function plainHooks(slug: string): CollectionConfig['hooks'] {
  const purge = async ({ doc, req }: { doc: Doc; req: PayloadRequest }) => {
    await announcePurge(req, [docTag(slug, doc.id), listTag(slug)])
    return doc
  }
  return { afterChange: [purge], afterDelete: [purge] }
}

function readHooks(slug: string, isPublic: boolean): CollectionConfig['hooks'] {
  return {
    afterRead: [
      ({ doc }) => {
        if (isPublic) recordRead(docTag(slug, (doc as Doc).id))
        else recordUncacheable()
        return doc
      },
    ],
    afterOperation: [
      ({ operation, result }) => {
        if (!isPublic) recordUncacheable()
        else if (operation === 'find' || operation === 'count' || operation === 'findDistinct') recordRead(listTag(slug))
        return result
      },
    ],
  }
}

const append = (hooks: CollectionConfig['hooks'] = {}, more: CollectionConfig['hooks'] = {}): CollectionConfig['hooks'] => {
  const merged: Record<string, unknown[]> = { ...(hooks as Record<string, unknown[]>) }
  for (const [name, list] of Object.entries(more as Record<string, unknown[]>)) merged[name] = [...(merged[name] ?? []), ...list]
  return merged as CollectionConfig['hooks']
}

export const readCachePlugin =
  (options: ReadCachePluginOptions = {}) =>
  (config: Config): Config => {
    const story = options.storyCollection ?? 'articles'
    const publicCollections = new Set(options.publicCollections ?? READ_CACHE_COLLECTIONS)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const isPublic = publicCollections.has(collection.slug)
        const saves = !isPublic ? {} : collection.slug === story ? storyHooks(story) : plainHooks(collection.slug)
        return { ...collection, hooks: append(append(collection.hooks, readHooks(collection.slug, isPublic)), saves) }
      }),
    }
  }
