/**
 * The newsroom's pre-filtered story lists for the signed-in user, with counts: a reporter's own stories and
 * those sent back to them; editors' review queue (submitted), approved stories waiting to go out, and the
 * scheduled ones. Each is the story list filtered in the list view's own or/and shape, so its filter UI shows
 * (and can change) the filter. Shared by the navigation links and the dashboard panel.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { actorOf } from '../desk-roles'
import { resolveOptions } from '../options'
import { ownStoriesWhere } from '../ownership'
import type { Stage } from '../stages'
import { text, type Lang } from './text'

export interface WorkflowLink {
  id: string
  label: string
  href: string
  count: number
}

/** qs-style `where[or][0][and][0][stage][equals]=submitted`, which the list view reads into its filter UI. */
function toQuery(value: unknown, prefix: string): string[] {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap((item, i) => toQuery(item, `${prefix}[${i}]`))
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => toQuery(v, `${prefix}[${k}]`))
  return [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`]
}

export async function workflowLinks(payload: Payload, user: unknown, lang: Lang): Promise<WorkflowLink[]> {
  const options = resolveOptions(payload.config.custom?.editorialWorkflow)
  const actor = actorOf(user, options)
  if (!actor || (!actor.isEditor && !actor.isReporter)) return []
  const collection = options.collections[0]!
  const req: PayloadRequest = await createLocalReq({ user: user as never }, payload)
  const stageIs = (stage: Stage): Where => ({ stage: { equals: stage } })

  const links: { id: string; label: string; where: Where }[] = []
  if (actor.isEditor) {
    links.push({ id: 'review-queue', label: text.reviewQueue[lang], where: { or: [{ and: [stageIs('submitted')] }] } })
    links.push({ id: 'approved', label: text.approvedQueue[lang], where: { or: [{ and: [stageIs('approved')] }] } })
    links.push({ id: 'scheduled', label: text.scheduledQueue[lang], where: { or: [{ and: [stageIs('scheduled')] }] } })
  } else {
    // Created by me, or crediting an author linked to me.
    const mine = (await ownStoriesWhere(req, options, actor)).or ?? []
    links.push({ id: 'my-stories', label: text.myStories[lang], where: { or: mine.map((c) => ({ and: [c] })) } })
    links.push({ id: 'sent-back', label: text.myChanges[lang], where: { or: mine.map((c) => ({ and: [c, stageIs('changes_requested')] })) } })
  }
  const listURL = formatAdminURL({ adminRoute: payload.config.routes.admin, path: `/collections/${collection}` })
  return Promise.all(
    links.map(async (link) => ({
      id: link.id,
      label: link.label,
      href: `${listURL}?${toQuery(link.where, 'where').join('&')}`,
      count: (await payload.count({ collection: collection as CollectionSlug, where: link.where, overrideAccess: true, req })).totalDocs,
    })),
  )
}
