'use client'
/**
 * The action bar in the story's edit view (before Payload's own controls): the stage, and a button for each
 * action the server says this user may take now. Each opens a confirmation with the note (required where the
 * action needs one) or the publish time; errors — a house-style block with its findings, a conflict — show
 * here. Publish itself is the Publish button (WorkflowPublishButton).
 */
import { Button, Modal, toast, useDocumentInfo, useModal, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { TRANSITIONS, actionLabels, noteLabels, type WorkflowAction } from '../actions'
import { StagePill } from './StagePill'
import { confirmText, editorSays, langOf, stageHints, text, type Lang } from './text'
import { postAction, useStoryWorkflow, useWorkflowURL, type ActionOutcome } from './use-story-workflow'
import { useSaveFirst } from './use-save-first'

const MODAL = 'nr-workflow-action'

/** Inputs styled like Payload's own (the admin's CSS variables follow its light and dark themes). */
const inputStyle: React.CSSProperties = {
  width: '100%',
  font: 'inherit',
  fontSize: '1rem',
  padding: '8px 15px',
  color: 'var(--theme-elevation-800)',
  background: 'var(--theme-input-bg)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
  boxShadow: '0 2px 2px -1px rgba(0, 0, 0, 0.1)',
}

const buttonStyle = (action: WorkflowAction): 'primary' | 'secondary' =>
  action === 'submit' || action === 'approve' ? 'primary' : 'secondary'

/** datetime-local wants local wall time without a zone; the API wants an ISO instant. */
const toLocalInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

function describeFindings(outcome: ActionOutcome, lang: Lang): string[] {
  return (outcome.findings ?? []).slice(0, 5).map((f) => (typeof f.message === 'string' ? f.message : (f.message?.[lang] ?? f.ruleId ?? '')))
}

export const WorkflowActions: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const url = useWorkflowURL(collectionSlug, id)
  const { view, error } = useStoryWorkflow(url)
  const { openModal, closeModal } = useModal()
  const [busy, setBusy] = useState(false)
  const saveFirst = useSaveFirst()
  const [action, setAction] = useState<WorkflowAction | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null)

  if (!url) return null
  if (error) return <span style={{ color: '#b42318', fontSize: 12 }}>{text.loadFailed[lang] + error}</span>
  if (!view) return null

  // Publishing has its own button in Payload's place for it; everything else is here.
  const actions = view.allowedActions.filter((a) => a !== 'publish')
  // A story sent back says why, where the reporter will look.
  const sentBackWith = view.stage === 'changes_requested' ? [...view.history].reverse().find((e) => e.action === 'requestChanges')?.note : null

  const start = (next: WorkflowAction) => {
    setAction(next)
    setNote('')
    setPublishAt(next === 'schedule' ? toLocalInput(new Date(Date.now() + 60 * 60_000)) : '')
    setProblem(null)
    openModal(MODAL)
  }

  const close = () => {
    closeModal(MODAL)
    setAction(null)
  }

  const confirm = async () => {
    if (!action || busy) return
    if (TRANSITIONS[action].note === 'required' && !note.trim()) {
      setProblem({ message: `${noteLabels[action]?.[lang] ?? ''}${lang === 'zh' ? '：必填' : ': required'}`, details: [] })
      return
    }
    setBusy(true)
    try {
      if (!(await saveFirst())) return
      const when = action === 'schedule' && publishAt ? new Date(publishAt).toISOString() : null
      const outcome = await postAction(url, action, note, when)
      if (outcome.ok) {
        toast.success(text.done[lang] + actionLabels[action][lang])
        // The stage decides what is editable and which buttons show: load the story afresh.
        window.location.reload()
        return
      }
      setProblem({ message: outcome.status === 422 ? text.styleBlocked[lang] : (outcome.message ?? String(outcome.status)), details: describeFindings(outcome, lang) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="nr-workflow-actions" data-testid="workflow-actions" data-stage={view.stage} style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <span title={text.stage[lang]} data-testid="workflow-stage">
        <StagePill stage={view.stage} lang={lang} />
      </span>
      {view.scheduledFor && (
        <span data-testid="workflow-scheduled-for" style={{ fontSize: 13, opacity: 0.8 }}>
          {text.scheduledFor[lang]} {new Date(view.scheduledFor).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
        </span>
      )}
      {!actions.length && !view.scheduledFor && stageHints[view.stage] && (
        <span data-testid="workflow-hint" style={{ fontSize: 13, opacity: 0.8 }}>
          {stageHints[view.stage]![lang]}
        </span>
      )}
      {sentBackWith && (
        <span
          data-testid="workflow-sent-back-note"
          title={sentBackWith}
          style={{ fontSize: 13, maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: '#b54708' }}
        >
          {editorSays[lang]}
          {sentBackWith}
        </span>
      )}
      {actions.map((a) => (
        <Button key={a} id={`workflow-${a}`} buttonStyle={buttonStyle(a)} size="medium" type="button" margin={false} onClick={() => start(a)}>
          {actionLabels[a][lang]}
        </Button>
      ))}
      {action && (
        <Modal slug={MODAL} className="confirmation-modal nr-workflow-modal" closeOnBlur={false} style={{ zIndex: 100 }}>
          <div className="confirmation-modal__wrapper" data-testid="workflow-dialog" data-action={action} style={{ width: 'min(560px, 92vw)' }}>
            <div className="confirmation-modal__content">
              <h1>{actionLabels[action][lang]}</h1>
              <p>{confirmText[action]?.[lang]}</p>
              {action === 'schedule' && (
                <label style={{ display: 'grid', gap: 4, marginBottom: 12 }}>
                  <span style={{ fontWeight: 600 }}>{text.publishAt[lang]}</span>
                  <input id="workflow-publish-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} style={inputStyle} />
                </label>
              )}
              <label style={{ display: 'grid', gap: 4 }}>
                <span style={{ fontWeight: 600 }}>{noteLabels[action]?.[lang]}</span>
                <textarea id="workflow-note" rows={4} value={note} onChange={(e) => setNote(e.target.value)} style={{ ...inputStyle, resize: 'vertical' }} />
              </label>
              {problem && (
                <div role="alert" data-testid="workflow-problem" style={{ color: '#b42318', marginTop: 12 }}>
                  <strong>{problem.message}</strong>
                  {problem.details.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {problem.details.map((d, i) => (
                        <li key={i}>{d}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </div>
            <div className="confirmation-modal__controls">
              <Button id="workflow-cancel" buttonStyle="secondary" size="large" type="button" disabled={busy} onClick={close}>
                {text.cancel[lang]}
              </Button>
               <Button id="workflow-confirm" buttonStyle="primary" size="large" type="button" disabled={busy} onClick={() => void confirm()}>
                {busy ? text.working[lang] : actionLabels[action][lang]}
              </Button>
            </div>
          </div>
        </Modal>
      )}
    </div>
  )
}
