/**
 * Whose story is it? A reporter's own stories are the ones they created and the ones that credit an author
 * linked to their login (credits[].author.user). Editors' rights do not depend on this.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { Actor, Id } from './desk-roles'
import type { ResolvedWorkflowOptions } from './options'
import { workflowState } from './request-state'

/** The authors linked to this user, looked up once per request. */
export async function authorIdsOf(req: PayloadRequest, options: ResolvedWorkflowOptions, userId: Id): Promise<Id[]> {
  const cache = workflowState(req).authorIds
  const key = String(userId)
  if (!cache[key]) {
    const { docs } = await req.payload.find({
      collection: options.authorsCollection as CollectionSlug,
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

/** The same rule as a query, for access control and the "my stories" list. */
export async function ownStoriesWhere(req: PayloadRequest, options: ResolvedWorkflowOptions, actor: Actor): Promise<Where> {
  const authorIds = await authorIdsOf(req, options, actor.id)
  // `in` rather than `equals`: the admin's filter UI shows the person's name for it (it is also the list filter).
  const or: Where[] = [{ createdBy: { in: [actor.id] } }]
  if (authorIds.length) or.push({ [`${options.creditsField}.author`]: { in: authorIds } })
  return { or }
}

/** Ids of the stories this user owns in one collection (drafts included), for history read access. */
export async function ownStoryIds(req: PayloadRequest, options: ResolvedWorkflowOptions, actor: Actor, collection: string): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
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
