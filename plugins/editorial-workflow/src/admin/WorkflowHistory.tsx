'use client'
/**
 * The story's history beside the editor (a UI field): who did what, when, from which stage to which, and the
 * note — the reason a story was sent back, the correction printed, the retraction. Newest first.
 */
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { actionLabels } from '../actions'
import { StagePill } from './StagePill'
import { langOf, text } from './text'
import { useStoryWorkflow, useWorkflowURL } from './use-story-workflow'

const formatTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

export const WorkflowHistory: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const url = useWorkflowURL(collectionSlug, id)
  const { view, error } = useStoryWorkflow(url)

  return (
    <div className="nr-workflow-history field-type" data-testid="workflow-history" style={{ marginBottom: 24 }}>
      <strong style={{ display: 'block', marginBottom: 8 }}>{text.history[lang]}</strong>
      {!url && <p style={{ fontSize: 13, opacity: 0.7, margin: 0 }}>{text.noHistory[lang]}</p>}
      {error && <p style={{ fontSize: 13, color: '#b42318', margin: 0 }}>{text.loadFailed[lang] + error}</p>}
      {view?.scheduledFor && (
        <p data-testid="workflow-scheduled-for" style={{ fontSize: 13, margin: '0 0 8px' }}>
          {text.scheduledFor[lang]} {formatTime(view.scheduledFor, lang)}
        </p>
      )}
      {view && (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...view.history].reverse().map((entry) => (
            <li
              key={entry.sequence}
              data-testid="workflow-history-entry"
              data-action={entry.action}
              style={{ borderLeft: '2px solid var(--theme-elevation-150, #ddd)', padding: '2px 0 10px 10px', fontSize: 13 }}
            >
              <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
                <strong>{actionLabels[entry.action]?.[lang] ?? entry.action}</strong>
                <StagePill stage={entry.to} lang={lang} />
              </div>
              <div style={{ opacity: 0.75 }}>
                {entry.actor?.name ?? text.system[lang]} · {formatTime(entry.at, lang)}
              </div>
              {entry.publishAt && (
                <div style={{ opacity: 0.75 }}>
                  {text.scheduledFor[lang]} {formatTime(entry.publishAt, lang)}
                </div>
              )}
              {entry.note && <div style={{ marginTop: 2, whiteSpace: 'pre-wrap' }}>“{entry.note}”</div>}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
