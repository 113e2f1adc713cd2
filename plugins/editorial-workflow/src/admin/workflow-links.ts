/**
 * The newsroom's pre-filtered story lists for the signed-in user, with counts: a reporter's own stories and
 * those sent back to them; editors' review queue (submitted), approved stories waiting to go out, and the
 * scheduled ones. Each opens the desk's own clean list (DeskListView, /admin/desk/<id>): the stories, their
 * stage and when they changed, without Payload's filter builder (which would show the filter's raw ids).
 * Shared by the navigation links, the dashboard panel and the list view.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { actorOf, userOf } from '../desk-roles'
import { resolveOptions } from '../options'
import { ownStoriesWhere } from '../ownership'
import type { Stage } from '../stages'
import { text, type Lang } from './text'

export interface WorkflowLink {
  id: string
  label: string
  href: string
  count: number
  where: Where
}

/** The desk's list pages live under the admin at /desk/<id>. */
export const DESK_LIST_PATH = '/desk'

export async function workflowLinks(payload: Payload, user: unknown, lang: Lang): Promise<WorkflowLink[]> {
  const options = resolveOptions(payload.config.custom?.editorialWorkflow)
  const actor = actorOf(user, options)
  if (!actor || (!actor.isEditor && !actor.isReporter)) return []
  const collection = options.collections[0]!
  const req: PayloadRequest = await createLocalReq({ user: userOf(user) }, payload)
  const stageIs = (stage: Stage): Where => ({ stage: { equals: stage } })

  const links: { id: string; label: string; where: Where }[] = []
  if (actor.isEditor) {
    links.push({ id: 'review-queue', label: text.reviewQueue[lang], where: { or: [{ and: [stageIs('submitted')] }] } })
    links.push({ id: 'approved', label: text.approvedQueue[lang], where: { or: [{ and: [stageIs('approved')] }] } })
    links.push({ id: 'scheduled', label: text.scheduledQueue[lang], where: { or: [{ and: [stageIs('scheduled')] }] } })
  } else {
    // Created by me, or crediting an author linked to me (one indexed lookup of the story's owner keys).
    const mine = await ownStoriesWhere(req, options, actor)
    links.push({ id: 'my-stories', label: text.myStories[lang], where: { or: [{ and: [mine] }] } })
    links.push({ id: 'sent-back', label: text.myChanges[lang], where: { or: [{ and: [mine, stageIs('changes_requested')] }] } })
  }
  return Promise.all(
    links.map(async (link) => ({
      id: link.id,
      label: link.label,
      where: link.where,
      href: formatAdminURL({ adminRoute: payload.config.routes.admin, path: `${DESK_LIST_PATH}/${link.id}` }),
      count: (await payload.count({ collection, where: link.where, overrideAccess: true, req })).totalDocs,
    })),
  )
}
