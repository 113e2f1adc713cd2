/**
 * Access rules the plugin lays over a story collection's own (which must allow first): editors may update any
 * story; a reporter only their own, while it is a draft or sent back, and never to publish — returned as a
 * where-query, so the admin hides Save and Publish where they would be refused. The guard hook enforces the
 * same rules on the save itself.
 */
import type { Access, AccessArgs, Where } from 'payload'

import { actorOf } from './desk-roles'
import type { ResolvedWorkflowOptions } from './options'
import { ownStoriesWhere } from './ownership'
import { REPORTER_EDITABLE_STAGES } from './stages'

const both = (base: boolean | Where, mine: boolean | Where): boolean | Where => {
  if (base === false || mine === false) return false
  if (base === true) return mine
  if (mine === true) return base
  return { and: [base, mine] }
}

const publishes = (data: unknown) => (data as { _status?: unknown } | undefined)?._status === 'published'

export const storyCreateAccess =
  (options: ResolvedWorkflowOptions, base?: Access): Access =>
  async (args: AccessArgs) => {
    const baseResult = base ? await base(args) : Boolean(args.req.user)
    const actor = actorOf(args.req.user, options)
    if (!actor || actor.isEditor) return baseResult
    if (!actor.isReporter || publishes(args.data)) return false
    return baseResult
  }

export const storyUpdateAccess =
  (options: ResolvedWorkflowOptions, base?: Access): Access =>
  async (args: AccessArgs) => {
    const baseResult = base ? await base(args) : Boolean(args.req.user)
    if (baseResult === false) return false
    const actor = actorOf(args.req.user, options)
    if (!actor || actor.isEditor) return baseResult
    if (!actor.isReporter || publishes(args.data)) return false
    const mine: Where = { and: [await ownStoriesWhere(args.req, options, actor), { stage: { in: [...REPORTER_EDITABLE_STAGES] } }] }
    return both(baseResult, mine)
  }
