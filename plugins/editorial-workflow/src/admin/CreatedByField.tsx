'use client'
/**
 * Who created the story, by name, from its history: editors may not read other users' records (emails are
 * private), so the relationship itself would show them as "untitled".
 */
import { FieldLabel, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { langOf, text } from './text'
import { useStoryWorkflow, useWorkflowURL } from './use-story-workflow'

export const CreatedByField: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const { view } = useStoryWorkflow(useWorkflowURL(collectionSlug, id))
  const created = view?.history.find((entry) => entry.action === 'create')
  return (
    <div className="field-type nr-created-by" data-testid="workflow-created-by" style={{ marginBottom: 24 }}>
      <FieldLabel label={text.createdBy[lang]} />
      <div style={{ fontSize: 13 }}>{!view ? '…' : created ? (created.actor?.name ?? text.system[lang]) : '—'}</div>
    </div>
  )
}
