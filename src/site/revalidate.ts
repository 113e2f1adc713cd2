/**
 * Drops the reader site's cached pages when what readers see of a story changes: a publish, an update of a
 * live story, a correction, an unpublish, a retraction. The story hook runs wherever Payload saves — in Next's
 * route handlers (REST, GraphQL, the admin) or in the host's job runner (scheduled publishing) — so it asks
 * Next over loopback HTTP (`POST /site-cache/revalidate`, signed with the Payload secret) instead of calling
 * revalidateTag, which works only inside Next's request scope.
 *
 * Another process that saves stories (`newsroom import --publish`) has no page cache of its own: it collects
 * the tags its saves call for (collectRevalidations) and sends them, with the read-cache tags, to the running
 * app after each committed batch (src/import/tell-running-site.ts) — the same signed route. On SQLite that is
 * the only way the app hears of them; on PostgreSQL the NOTIFY below reaches every server as well.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { resolvePayloadSecret } from '../env'
import { announcePurge } from '../read-cache/read-cache-plugin'
import { storyTag, STORY_LISTS_TAG } from './tags'

export const REVALIDATE_PATH = '/site-cache/revalidate'
const SIGNATURE_HEADER = 'x-newsroom-signature'
/** A signed request older (or newer) than this is refused: a captured one cannot be replayed later. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000

const sign = (body: string): string => createHmac('sha256', resolvePayloadSecret()).update(`site-cache.${body}`).digest('hex')

export function verifySignature(body: string, signature: string | null): boolean {
  if (!signature) return false
  const expected = Buffer.from(sign(body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** What the revalidate route takes: reader-site tags to revalidate, and read-cache tags to purge (another process's saves). */
export interface RevalidationRequest {
  tags: string[]
  readTags?: string[]
}

/** The signed request: its body (with the time it was made) and headers. */
export function signedRevalidation(request: RevalidationRequest): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ ...request, at: Date.now() })
  return { body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body) } }
}

/** Where this process's Next handler listens; set by the host once it listens (src/server.ts). */
const ownOrigin = (): string | null => process.env.NEWSROOM_SITE_ORIGIN || null

/** Collectors of this process's revalidations, shared by every copy of this module (globalThis). */
const COLLECTORS = Symbol.for('newsroom.site-revalidation-collectors')
const collectors = ((globalThis as unknown as Record<symbol, Set<(tags: string[]) => void> | undefined>)[COLLECTORS] ??= new Set())

/**
 * From now on this process's saves hand their reader-site tags to `collect` instead of asking Next (a process
 * without the site: the CLI). Returns the function that stops collecting.
 */
export function collectRevalidations(collect: (tags: string[]) => void): () => void {
  collectors.add(collect)
  return () => void collectors.delete(collect)
}

export async function requestRevalidation(tags: string[], log: (message: string) => void): Promise<void> {
  if (!tags.length) return
  if (collectors.size) {
    for (const collect of collectors) collect(tags)
    return
  }
  const origin = ownOrigin()
  // Outside the server (tests without a host) there is no page cache here to drop; pages refresh on their own
  // after SITE_CACHE_SECONDS.
  if (!origin) return
  const { body, headers } = signedRevalidation({ tags })
  try {
    const response = await fetch(`${origin}${REVALIDATE_PATH}`, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(5000),
    })
    if (!response.ok) log(`reader site cache: revalidation answered ${response.status}`)
  } catch (error) {
    log(`reader site cache: revalidation failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export { SIGNATURE_HEADER }

type StoryDoc = { slug?: string | null; _status?: string | null; stage?: string | null }

/** Tags to drop after a save: only when the public saw, or now sees, the story (draft saves of drafts cost nothing). */
export function tagsAfterSave(doc: StoryDoc, previous: StoryDoc | undefined): string[] {
  const wasPublic = previous?._status === 'published'
  const isPublic = doc._status === 'published'
  const retracted = doc.stage === 'retracted' && previous?.stage !== 'retracted'
  if (!wasPublic && !isPublic && !retracted) return []
  const slugs = new Set([doc.slug, previous?.slug].filter((slug): slug is string => Boolean(slug)))
  return [STORY_LISTS_TAG, ...[...slugs].map(storyTag)]
}

export const isReaderSiteTag = (tag: string): boolean => tag.startsWith('site:')

/**
 * At once in this process (not awaited: the save does not wait for the cache; a failure is logged, never
 * thrown), and on PostgreSQL also through the read cache's NOTIFY, sent inside the save's transaction: every
 * server drops the pages again once the save committed. Without that, a reader arriving between this hook and
 * the commit re-renders and caches the story as it was (and other servers, or a `newsroom import`, would never
 * tell this one at all).
 */
async function dropPages(req: PayloadRequest, tags: string[]): Promise<void> {
  if (!tags.length) return
  void requestRevalidation(tags, (message) => req.payload.logger.warn(message))
  await announcePurge(req, tags)
}

export const revalidateReaderSiteAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await dropPages(req, tagsAfterSave(doc as StoryDoc, previousDoc as StoryDoc | undefined))
  return doc
}

export const revalidateReaderSiteAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await dropPages(req, tagsAfterSave({ ...(doc as StoryDoc), _status: 'draft' }, doc as StoryDoc))
  return doc
}
