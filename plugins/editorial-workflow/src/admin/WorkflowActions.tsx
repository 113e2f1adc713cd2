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
import { confirmText, langOf, text, type Lang } from './text'
import { postAction, useStoryWorkflow, useWorkflowURL, type ActionOutcome } from './use-story-workflow'
import { useSaveFirst } from './use-save-first'

const MODAL = 'nr-workflow-action'

const buttonStyle = (action: WorkflowAction): 'primary' | 'secondary' | 'error' =>
  action === 'submit' || action === 'approve' ? 'primary' : action === 'retract' ? 'error' : 'secondary'

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
      {actions.map((a) => (
        <Button key={a} id={`workflow-${a}`} buttonStyle={buttonStyle(a)} size="medium" type="button" margin={false} onClick={() => start(a)}>
          {actionLabels[a][lang]}
        </Button>
      ))}
      {action && (
        <Modal slug={MODAL} className="confirmation-modal nr-workflow-modal" closeOnBlur={false} style={{ zIndex: 100 }}>
          <div className="confirmation-modal__wrapper" data-testid="workflow-dialog" data-action={action}>
            <div className="confirmation-modal__content">
              <h1>{actionLabels[action][lang]}</h1>
              <p>{confirmText[action]?.[lang]}</p>
              {action === 'schedule' && (
                <label style={{ display: 'grid', gap: 4, marginBottom: 12 }}>
                  <span>{text.publishAt[lang]}</span>
                  <input id="workflow-publish-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} style={{ font: 'inherit', padding: 8 }} />
                </label>
              )}
              <label style={{ display: 'grid', gap: 4 }}>
                <span>{noteLabels[action]?.[lang]}</span>
                <textarea id="workflow-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '100%', font: 'inherit', padding: 8 }} />
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
              <Button id="workflow-confirm" buttonStyle={buttonStyle(action)} size="large" type="button" disabled={busy} onClick={() => void confirm()}>
                {busy ? text.working[lang] : actionLabels[action][lang]}
              </Button>
            </div>
          </div>
        </Modal>
      )}
    </div>
  )
}
