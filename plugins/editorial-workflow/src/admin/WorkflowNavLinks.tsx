/** The newsroom's story lists (see workflow-links) in the admin navigation, with counts. */
import type { Payload } from 'payload'

import { NavGroup } from '@payloadcms/ui'
import React from 'react'

import { langOf, text } from './text'
import { workflowLinks } from './workflow-links'

type Props = { payload: Payload; user?: unknown; i18n?: { language?: string } }

export const WorkflowNavLinks = async ({ payload, user, i18n }: Props) => {
  const lang = langOf(i18n?.language)
  const links = await workflowLinks(payload, user, lang)
  if (!links.length) return null
  return (
    <NavGroup label={text.desk[lang]}>
      {links.map((link) => (
        <a key={link.id} id={`nav-workflow-${link.id}`} className="nav__link" href={link.href}>
          <span className="nav__link-label" style={{ display: 'flex', justifyContent: 'space-between', gap: 8, width: '100%' }}>
            <span>{link.label}</span>
            {link.count > 0 && (
              <span
                style={{
                  minWidth: 20,
                  padding: '0 6px',
                  borderRadius: 999,
                  fontSize: 11,
                  lineHeight: '18px',
                  textAlign: 'center',
                  background: 'var(--theme-elevation-150)',
                }}
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
