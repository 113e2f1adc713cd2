'use client'
/** The stage in the sidebar: a pill, not an input — it changes only through the workflow's actions. */
import { FieldLabel, useField, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { StagePill } from './StagePill'
import { langOf, text } from './text'

export const StageField: React.FC<{ path?: string }> = ({ path }) => {
  const { value } = useField<string>({ path: path ?? 'stage' })
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  return (
    <div className="field-type nr-stage-field" data-testid="workflow-stage-field" style={{ marginBottom: 24 }}>
      <FieldLabel label={text.stageField[lang]} />
      <div>
        <StagePill stage={value ?? 'draft'} lang={lang} />
      </div>
    </div>
  )
}
