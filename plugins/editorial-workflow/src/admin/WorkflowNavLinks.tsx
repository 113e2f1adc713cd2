/**
 * Newsroom links in the admin navigation, with counts: a reporter's own stories and those sent back to them;
 * editors' review queue (submitted), approved stories waiting to go out, and the scheduled ones. Each is the
 * story list pre-filtered by stage, so the list's own filter UI shows (and can change) the filter.
 */
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { NavGroup } from '@payloadcms/ui'
import { createLocalReq } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { actorOf } from '../desk-roles'
import { resolveOptions } from '../options'
import { ownStoriesWhere } from '../ownership'
import type { Stage } from '../stages'
import { langOf, text } from './text'

type Props = { payload: Payload; user?: unknown; i18n?: { language?: string } }

/** qs-style `where[or][0][and][0][stage][equals]=submitted`, which the list view reads into its filter UI. */
function toQuery(value: unknown, prefix: string): string[] {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value.flatMap((item, i) => toQuery(item, `${prefix}[${i}]`))
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => toQuery(v, `${prefix}[${k}]`))
  return [`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`]
}

const asOrAnd = (conditions: Where[]): Where => ({ or: [{ and: conditions }] })

export const WorkflowNavLinks = async ({ payload, user, i18n }: Props) => {
  const options = resolveOptions(payload.config.custom?.editorialWorkflow)
  const actor = actorOf(user, options)
  if (!actor || (!actor.isEditor && !actor.isReporter)) return null
  const lang = langOf(i18n?.language)
  const collection = options.collections[0]!
  const req: PayloadRequest = await createLocalReq({ user: user as never }, payload)

  const stageIs = (stage: Stage): Where => ({ stage: { equals: stage } })
  const links: { id: string; label: string; where: Where }[] = []
  if (actor.isEditor) {
    links.push({ id: 'review-queue', label: text.reviewQueue[lang], where: asOrAnd([stageIs('submitted')]) })
    links.push({ id: 'approved', label: text.approvedQueue[lang], where: asOrAnd([stageIs('approved')]) })
    links.push({ id: 'scheduled', label: text.scheduledQueue[lang], where: asOrAnd([stageIs('scheduled')]) })
  } else {
    // "Mine" in the list's own or/and shape: created by me, or crediting an author linked to me.
    const mine = (await ownStoriesWhere(req, options, actor)).or ?? []
    links.push({ id: 'my-stories', label: text.myStories[lang], where: { or: mine.map((c) => ({ and: [c] })) } })
    links.push({ id: 'sent-back', label: text.myChanges[lang], where: { or: mine.map((c) => ({ and: [c, stageIs('changes_requested')] })) } })
  }

  const counted = await Promise.all(
    links.map(async (link) => ({
      ...link,
      count: (await payload.count({ collection: collection as CollectionSlug, where: link.where, overrideAccess: true, req })).totalDocs,
    })),
  )
  const listURL = formatAdminURL({ adminRoute: payload.config.routes.admin, path: `/collections/${collection}` })

  return (
    <NavGroup label={text.desk[lang]}>
      {counted.map((link) => (
        <a key={link.id} id={`nav-workflow-${link.id}`} className="nav__link" href={`${listURL}?${toQuery(link.where, 'where').join('&')}`}>
          <span className="nav__link-label" style={{ display: 'flex', justifyContent: 'space-between', gap: 8, width: '100%' }}>
            <span>{link.label}</span>
            {link.count > 0 && (
              <span
                data-testid={`nav-workflow-${link.id}-count`}
                style={{ minWidth: 20, padding: '0 6px', borderRadius: 999, fontSize: 11, lineHeight: '18px', textAlign: 'center', background: 'var(--theme-elevation-150)' }}
              >
                {link.count}
              </span>
            )}
          </span>
        </a>
      ))}
    </NavGroup>
  )
}
