'use client'
/**
 * The action bar in the story's edit view (before Payload's own controls): why the story is read-only for
 * this user when it is, the editor's note on a story sent back, and a button for each action this user may
 * take now (as the server says). Each opens a confirmation with the note (required where the action needs
 * one) or the publish time. Style errors found by the live check are named in the dialog before anything is
 * sent, with a link to the findings. After an action the page updates in place (no reload).
 * Publish itself is the Publish button (WorkflowPublishButton); the stage is in the header (StageStatus).
 */
import { Button, toast, useAuth, useDocumentInfo, useModal, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { TRANSITIONS, actionLabels, noteLabels, type WorkflowAction } from '../actions'
import { ActionDialog, inputStyle, type DialogProblem } from './ActionDialog'
import { useHouseStyleSignal } from './house-style-signal'
import { confirmText, editorSays, langOf, readOnlyReasons, stageHints, styleErrorsFirst, text } from './text'
import { useActionProblem } from './use-action-problem'
import { useSaveFirst } from './use-save-first'
import { useShowActionResult } from './use-show-action-result'
import { postAction, useStoryWorkflow, useWorkflowURL } from './use-story-workflow'

const MODAL = 'nr-workflow-action'

const buttonStyle = (action: WorkflowAction): 'primary' | 'secondary' =>
  action === 'submit' || action === 'approve' ? 'primary' : 'secondary'

/** datetime-local wants local wall time without a zone; the API wants an ISO instant. */
const toLocalInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

export const WorkflowActions: React.FC = () => {
  const { id, collectionSlug, hasSavePermission } = useDocumentInfo()
  const { user } = useAuth()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const url = useWorkflowURL(collectionSlug, id)
  const { view, error } = useStoryWorkflow(url)
  const { openModal, closeModal } = useModal()
  const style = useHouseStyleSignal()
  const [busy, setBusy] = useState(false)
  const saveFirst = useSaveFirst()
  const showResult = useShowActionResult()
  const describe = useActionProblem(lang)
  const [action, setAction] = useState<WorkflowAction | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [problem, setProblem] = useState<DialogProblem | null>(null)

  if (!url) return null
  if (error) return <span style={{ color: '#b42318', fontSize: 12 }}>{text.loadFailed[lang] + error}</span>
  if (!view) return null

  const sentBack = view.stage === 'changes_requested' ? [...view.history].reverse().find((e) => e.action === 'requestChanges') : undefined
  // Publishing has its own button in Payload's place for it. An editor who just sent a story back does not
  // submit it to themselves: the reporter does.
  const actions = view.allowedActions.filter(
    (a) => a !== 'publish' && !(a === 'submit' && sentBack && String(sentBack.actor?.id) === String(user?.id)),
  )
  const isEditor = view.allowedActions.some((a) => TRANSITIONS[a].who === 'editor')
  const readOnly = !hasSavePermission ? readOnlyReasons[view.stage]?.[isEditor ? 'editor' : 'author'] : undefined

  /** Style errors the live check shows now, for an action they would block. */
  const styleProblem = (next: WorkflowAction): DialogProblem | null =>
    TRANSITIONS[next].styleBlocked && style && style.errors > 0
      ? { message: styleErrorsFirst[lang](style.errors), details: style.firstError ? [style.firstError[lang]] : [], findings: true }
      : null

  const start = (next: WorkflowAction) => {
    setAction(next)
    setNote('')
    setPublishAt(next === 'schedule' ? toLocalInput(new Date(Date.now() + 60 * 60_000)) : '')
    setProblem(styleProblem(next))
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
      if (!(await saveFirst())) {
        setProblem({ message: text.saveFailed[lang], details: [] })
        return
      }
      const when = action === 'schedule' && publishAt ? new Date(publishAt).toISOString() : null
      const outcome = await postAction(url, action, note, when)
      if (!outcome.ok) {
        setProblem(describe(outcome))
        return
      }
      await showResult(url, { rerender: action === 'correct', outcome })
      close()
      toast.success(text.done[lang] + actionLabels[action][lang])
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      className="nr-workflow-actions"
      data-testid="workflow-actions"
      data-stage={view.stage}
      style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}
    >
      {view.scheduledFor && (
        <span data-testid="workflow-scheduled-for" style={{ fontSize: 13, opacity: 0.8 }}>
          {text.scheduledFor[lang]}{' '}
          {new Date(view.scheduledFor).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
        </span>
      )}
      {readOnly ? (
        <span
          data-testid="workflow-read-only"
          style={{ fontSize: 13, maxWidth: 420, color: 'var(--theme-elevation-700)', display: 'inline-flex', gap: 6, alignItems: 'center' }}
        >
          {/* A drawn padlock: the 🔒 emoji shows as an empty box on desks without an emoji font. */}
          <svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14" style={{ flex: 'none' }}>
            <rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
            <path d="M3.5 6V4.2a2.5 2.5 0 0 1 5 0V6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          {readOnly[lang]}
        </span>
      ) : (
        !actions.length &&
        !view.scheduledFor &&
        stageHints[view.stage] && (
          <span data-testid="workflow-hint" style={{ fontSize: 13, opacity: 0.8 }}>
            {stageHints[view.stage]![lang]}
          </span>
        )
      )}
      {sentBack?.note && (
        <span
          data-testid="workflow-sent-back-note"
          title={sentBack.note}
          style={{ fontSize: 13, maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: '#b54708' }}
        >
          {editorSays[lang]}
          {sentBack.note}
        </span>
      )}
      {actions.map((a) => (
        <Button
          key={a}
          id={`workflow-${a}`}
          buttonStyle={buttonStyle(a)}
          size="medium"
          type="button"
          margin={false}
          onClick={() => start(a)}
        >
          {actionLabels[a][lang]}
        </Button>
      ))}
      {action && (
        <ActionDialog
          slug={MODAL}
          lang={lang}
          action={action}
          title={actionLabels[action][lang]}
          intro={<p>{confirmText[action]?.[lang]}</p>}
          problem={problem}
          busy={busy}
          confirmLabel={actionLabels[action][lang]}
          confirmDisabled={Boolean(problem?.findings)}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          {action === 'schedule' && (
            <label style={{ display: 'grid', gap: 4, marginBottom: 12 }}>
              <span style={{ fontWeight: 600 }}>{text.publishAt[lang]}</span>
              <input
                id="workflow-publish-at"
                type="datetime-local"
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
                style={inputStyle}
              />
            </label>
          )}
          <label style={{ display: 'grid', gap: 4 }}>
            <span style={{ fontWeight: 600 }}>{noteLabels[action]?.[lang]}</span>
            <textarea
              id="workflow-note"
              rows={4}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={{ ...inputStyle, resize: 'vertical' }}
            />
          </label>
        </ActionDialog>
      )}
    </div>
  )
}
