'use client'
/**
 * The confirmation dialog every workflow action and the Publish button use: a title, what will happen, the
 * action's own inputs, a problem (with a link to the house-style panel when style errors are the problem) and
 * Cancel / confirm. Styled as Payload's own confirmation modal.
 */
import { Button, Modal } from '@payloadcms/ui'
import React from 'react'

import { showFindings } from './house-style-signal'
import { text, type Lang } from './text'

export interface DialogProblem {
  message: string
  details: string[]
  /** Style errors: offer to open the findings panel. */
  findings?: boolean
}

/** Inputs styled like Payload's own (the admin's CSS variables follow its light and dark themes). */
export const inputStyle: React.CSSProperties = {
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

type Props = {
  slug: string
  lang: Lang
  action: string
  title: string
  intro: React.ReactNode
  problem: DialogProblem | null
  busy: boolean
  confirmLabel: string
  confirmDisabled?: boolean
  onConfirm: () => void
  onCancel: () => void
  children?: React.ReactNode
}

export const ActionDialog: React.FC<Props> = ({
  slug,
  lang,
  action,
  title,
  intro,
  problem,
  busy,
  confirmLabel,
  confirmDisabled,
  onConfirm,
  onCancel,
  children,
}) => (
  <Modal slug={slug} className="confirmation-modal nr-workflow-modal" closeOnBlur={false} style={{ zIndex: 100 }}>
    <div className="confirmation-modal__wrapper" data-testid="workflow-dialog" data-action={action} style={{ width: 'min(560px, 92vw)' }}>
      <div className="confirmation-modal__content">
        <h1>{title}</h1>
        <div data-testid="workflow-dialog-intro">{intro}</div>
        {children}
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
            {problem.findings && (
              <button
                type="button"
                data-testid="workflow-show-findings"
                onClick={() => {
                  onCancel()
                  showFindings()
                }}
                style={{
                  marginTop: 6,
                  padding: 0,
                  border: 0,
                  background: 'none',
                  color: 'inherit',
                  textDecoration: 'underline',
                  cursor: 'pointer',
                  font: 'inherit',
                }}
              >
                {text.showFindings[lang]}
              </button>
            )}
          </div>
        )}
      </div>
      <div className="confirmation-modal__controls">
        <Button id="workflow-cancel" buttonStyle="secondary" size="large" type="button" disabled={busy} onClick={onCancel}>
          {text.cancel[lang]}
        </Button>
        <Button
          id="workflow-confirm"
          buttonStyle="primary"
          size="large"
          type="button"
          disabled={busy || confirmDisabled}
          onClick={onConfirm}
        >
          {busy ? text.working[lang] : confirmLabel}
        </Button>
      </div>
    </div>
  </Modal>
)
