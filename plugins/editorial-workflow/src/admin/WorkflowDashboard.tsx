/**
 * The first thing a reporter or editor sees after logging in: their story lists (see workflow-links) as
 * cards with counts, above Payload's collection cards — a reporter's own stories and those sent back, an
 * editor's review queue.
 */
import type { Payload } from 'payload'

import { Card } from '@payloadcms/ui'
import React from 'react'

import { langOf, text } from './text'
import { workflowLinks } from './workflow-links'

type Props = { payload: Payload; user?: unknown; i18n?: { language?: string } }

export const WorkflowDashboard = async ({ payload, user, i18n }: Props) => {
  const lang = langOf(i18n?.language)
  const links = await workflowLinks(payload, user, lang)
  if (!links.length) return null
  return (
    <section className="nr-workflow-dashboard" data-testid="workflow-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ margin: '0 0 calc(var(--base) * 0.75)' }}>{text.desk[lang]}</h2>
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
          gap: 'calc(var(--base) * 0.5)',
        }}
      >
        {links.map((link) => (
          <li key={link.id}>
            <Card
              id={`dashboard-workflow-${link.id}`}
              title={link.label}
              href={link.href}
              buttonAriaLabel={link.label}
              actions={
                <span
                  data-testid={`dashboard-workflow-${link.id}-count`}
                  style={{ fontSize: 20, fontWeight: 600, lineHeight: 1, opacity: link.count ? 1 : 0.4 }}
                >
                  {link.count}
                </span>
              }
            />
          </li>
        ))}
      </ul>
    </section>
  )
}
