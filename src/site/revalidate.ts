/**
 * Drops the reader site's cached pages when what readers see of a story changes: a publish, an update of a
 * live story, a correction, an unpublish, a retraction. The story hook runs wherever Payload saves — in Next's
 * route handlers (REST, GraphQL, the admin) or in the host's job runner (scheduled publishing) — so it asks
 * Next over loopback HTTP (`POST /site-cache/revalidate`, signed with the Payload secret) instead of calling
 * revalidateTag, which works only inside Next's request scope.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { resolvePayloadSecret } from '../env'
import { announcePurge } from '../read-cache/read-cache-plugin'
import { storyTag, STORY_LISTS_TAG } from './tags'

export const REVALIDATE_PATH = '/site-cache/revalidate'
const SIGNATURE_HEADER = 'x-newsroom-signature'

const sign = (body: string): string => createHmac('sha256', resolvePayloadSecret()).update(`site-cache.${body}`).digest('hex')

export function verifySignature(body: string, signature: string | null): boolean {
  if (!signature) return false
  const expected = Buffer.from(sign(body))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Where this process's Next handler listens; set by the host once it listens (src/server.ts). */
const ownOrigin = (): string | null => process.env.NEWSROOM_SITE_ORIGIN || null

export async function requestRevalidation(tags: string[], log: (message: string) => void): Promise<void> {
  const origin = ownOrigin()
  // Outside the server (CLI import, tests without a host) there is no page cache here to drop; pages
  // refresh on their own after SITE_CACHE_SECONDS.
  if (!origin || !tags.length) return
  const body = JSON.stringify({ tags })
  try {
    const response = await fetch(`${origin}${REVALIDATE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body) },
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
