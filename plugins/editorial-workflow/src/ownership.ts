/**
 * Whose story is it? A reporter's own stories are the ones they created and the ones that credit an author
 * linked to their login (credits[].author.user). Editors' rights do not depend on this.
 *
 * As a query the rule is one lookup, not "created by me OR credits my author" (an OR across the credits join,
 * which PostgreSQL can answer only by joining every latest version and sorting the matches): each story keeps
 * its owners' keys in `deskOwners` — `user:<creator>` and `author:<each credited author>` — set by the guard
 * hook on every save from the same row's createdBy and credits, and a reporter's stories are those holding one
 * of their keys (`user:<me>`, `author:<each author linked to me>`). Which authors are linked to whom is looked
 * up at query time, so re-linking an author needs no story rewritten. The keys' table is indexed by value
 * (src/archive-indexes.ts).
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { idOf, type Actor, type Id } from './desk-roles'
import type { ResolvedWorkflowOptions } from './options'
import { workflowState } from './request-state'

/** The authors linked to this user, looked up once per request. */
export async function authorIdsOf(req: PayloadRequest, options: ResolvedWorkflowOptions, userId: Id): Promise<Id[]> {
  const cache = workflowState(req).authorIds
  const key = String(userId)
  if (!cache[key]) {
    const { docs } = await req.payload.find({
      collection: options.authorsCollection,
      where: { [options.authorUserField]: { equals: userId } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    cache[key] = docs.map((doc) => doc.id)
  }
  return cache[key]
}

export async function isOwnStory(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  actor: Actor,
  story: { createdBy: Id | null; creditedAuthors: Id[] },
): Promise<boolean> {
  if (story.createdBy !== null && String(story.createdBy) === String(actor.id)) return true
  if (!story.creditedAuthors.length) return false
  const mine = new Set((await authorIdsOf(req, options, actor.id)).map(String))
  return story.creditedAuthors.some((author) => mine.has(String(author)))
}

/** The hasMany text field on stories that holds their owners' keys. */
export const DESK_OWNERS_FIELD = 'deskOwners'

const userKey = (id: Id) => `user:${id}`
const authorKey = (id: Id) => `author:${id}`

/** A story's owner keys: its creator and each author it credits. */
export function deskOwnerKeys(createdBy: unknown, credits: unknown): string[] {
  const keys: string[] = []
  const creator = idOf(createdBy)
  if (creator !== undefined && creator !== '') keys.push(userKey(creator))
  for (const credit of Array.isArray(credits) ? (credits as { author?: unknown }[]) : []) {
    const author = idOf(credit?.author)
    if (author !== undefined && author !== '') keys.push(authorKey(author))
  }
  return [...new Set(keys)]
}

/**
 * Sets `deskOwners` on the data a save writes, from its createdBy and credits — or, where a partial update
 * leaves one out, the stored story's (`stored`: the hook's originalDoc), which is what the saved row keeps.
 */
export function withDeskOwners(
  options: ResolvedWorkflowOptions,
  data: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const createdBy = data.createdBy !== undefined ? data.createdBy : stored?.createdBy
  const credits = Array.isArray(data[options.creditsField]) ? data[options.creditsField] : stored?.[options.creditsField]
  data[DESK_OWNERS_FIELD] = deskOwnerKeys(createdBy, credits)
  return data
}

/** The same rule as a query, for access control and the "my stories" list: one indexed lookup of the keys. */
export async function ownStoriesWhere(req: PayloadRequest, options: ResolvedWorkflowOptions, actor: Actor): Promise<Where> {
  const authorIds = await authorIdsOf(req, options, actor.id)
  return { [DESK_OWNERS_FIELD]: { in: [userKey(actor.id), ...authorIds.map(authorKey)] } }
}

/** Ids of the stories this user owns in one collection (drafts included), for history read access. */
export async function ownStoryIds(
  req: PayloadRequest,
  options: ResolvedWorkflowOptions,
  actor: Actor,
  collection: CollectionSlug,
): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection,
    where: await ownStoriesWhere(req, options, actor),
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return docs.map((doc) => doc.id)
}
