'use client'
/**
 * The one status in a story's header: its workflow stage (草稿, 待审, 已审, 已发布 …), in the place where
 * Payload would show its own draft/published status — two statuses side by side confused the desk. A live
 * story with edits not yet published says so.
 */
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { LIVE_STAGES, isStage } from '../stages'
import { StagePill } from './StagePill'
import { langOf, text } from './text'
import { useStoryWorkflow, useWorkflowURL } from './use-story-workflow'

export const StageStatus: React.FC = () => {
  const { id, collectionSlug, unpublishedVersionCount } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const { view } = useStoryWorkflow(useWorkflowURL(collectionSlug, id))
  const fromForm = useFormFields(([fields]) => fields.stage?.value)
  const stage = view?.stage ?? (isStage(fromForm) ? fromForm : 'draft')
  const pendingEdits = LIVE_STAGES.includes(stage) && unpublishedVersionCount > 0
  return (
    <div
      className="status nr-stage-status"
      data-testid="workflow-stage"
      data-stage={stage}
      style={{ display: 'flex', alignItems: 'center', gap: 6 }}
    >
      <span className="status__label">{text.stage[lang]}:</span>
      <StagePill stage={stage} lang={lang} />
      {pendingEdits && <span style={{ fontSize: 12, opacity: 0.75 }}>{text.pendingEdits[lang]}</span>}
    </div>
  )
}
