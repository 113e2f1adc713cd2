'use client'
/**
 * Payload's Publish button, for story collections, running the workflow. It always asks first, saying what
 * will happen and where the story goes (the channels that will receive it, and the feeds):
 *  - before publication it saves what the editor typed and takes the `publish` action; on a story nobody
 *    approved yet it is labelled "approve and publish", since the approval is recorded with it;
 *  - on a new story it creates it as a draft first, then publishes it;
 *  - on a live story "publish changes" saves with `_status: 'published'`, which the guard records as an update.
 * Style errors found by the live check are named in the dialog, with a link to the findings, before anything
 * is sent. The page updates in place afterwards (no reload). Only users allowed to publish see it; a
 * retracted story has none.
 */
import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
  useModal,
  useTranslation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

import { LIVE_STAGES, UNAPPROVED_STAGES, isStage } from '../stages'
import { ActionDialog, type DialogProblem } from './ActionDialog'
import { useHouseStyleSignal } from './house-style-signal'
import { langOf, publishIntro, styleErrorsFirst, text, type Lang } from './text'
import { describeOutcome } from './use-action-problem'
import { useSaveFirst } from './use-save-first'
import { useShowActionResult } from './use-show-action-result'
import { postAction, useWorkflowURL } from './use-story-workflow'

const MODAL = 'nr-workflow-publish'

/** The distribution plugin's answer: each channel with its type's short name (the type registry owns the names). */
type Recipients = { channels: { id: string | number; name: string; type: string; typeName?: Record<Lang, string> }[]; feeds: boolean }

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

const RecipientsList: React.FC<{ recipients: Recipients | null | 'failed'; live: boolean; lang: Lang }> = ({ recipients, live, lang }) => {
  if (recipients === null) return <p style={{ opacity: 0.7 }}>{text.recipientsLoading[lang]}</p>
  if (recipients === 'failed') return null
  return (
    <div data-testid="publish-recipients" style={{ marginBottom: 12 }}>
      {recipients.channels.length ? (
        <>
          <p style={{ margin: '0 0 4px' }}>{live ? text.updateTo[lang] : text.recipientsTo[lang]}</p>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {recipients.channels.map((c) => (
              <li key={String(c.id)} data-testid="publish-recipient">
                {c.name}
                <span style={{ opacity: 0.6 }}>（{c.typeName?.[lang] ?? c.type}）</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p style={{ margin: 0 }}>{text.recipientsNone[lang]}</p>
      )}
      {recipients.feeds && <p style={{ margin: '6px 0 0', opacity: 0.8 }}>{text.recipientsFeeds[lang]}</p>}
    </div>
  )
}

export const WorkflowPublishButton: React.FC = () => {
  const { id, collectionSlug, hasPublishPermission, unpublishedVersionCount } = useDocumentInfo()
  const modified = useFormModified()
  const { submit, createFormData } = useForm()
  const router = useRouter()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { openModal, closeModal } = useModal()
  const lang = langOf(i18n.language)
  const stageValue = useFormFields(([fields]) => fields.stage?.value)
  const section = useFormFields(([fields]) => fields.section?.value)
  const region = useFormFields(([fields]) => fields.region?.value)
  const stage = isStage(stageValue) ? stageValue : 'draft'
  const url = useWorkflowURL(collectionSlug, id)
  const saveFirst = useSaveFirst()
  const showResult = useShowActionResult()
  const style = useHouseStyleSignal()
  const [busy, setBusy] = useState(false)
  const [open, setOpen] = useState(false)
  const [problem, setProblem] = useState<DialogProblem | null>(null)
  const [recipients, setRecipients] = useState<Recipients | null | 'failed'>(null)

  if (!hasPublishPermission || stage === 'retracted') return null
  const live = LIVE_STAGES.includes(stage)
  const unapproved = UNAPPROVED_STAGES.includes(stage)
  // On a live story there is something to publish only once it has been edited.
  const nothingToPublish = live && !modified && !unpublishedVersionCount
  const label = live ? text.publishChanges[lang] : unapproved ? text.approveAndPublish[lang] : text.publishNow[lang]
  const api = (path: `/${string}`) => formatAdminURL({ apiRoute: config.routes.api, path, serverURL: config.serverURL })

  const start = () => {
    setProblem(
      style && style.errors > 0
        ? { message: styleErrorsFirst[lang](style.errors), details: style.firstError ? [style.firstError[lang]] : [], findings: true }
        : null,
    )
    setRecipients(null)
    setOpen(true)
    openModal(MODAL)
    fetch(api('/distribution/recipients'), {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ section: idOf(section) ?? null, region: idOf(region) ?? null }),
    })
      .then((res) => (res.ok ? res.json() : 'failed'))
      .then(setRecipients, () => setRecipients('failed'))
  }

  const close = () => {
    closeModal(MODAL)
    setOpen(false)
  }

  /** A live story's edits: one save with `_status: 'published'`. */
  const publishChanges = async (): Promise<boolean> => {
    const result = await submit({
      action: api(`/${collectionSlug}/${id}?depth=0`),
      overrides: { _status: 'published' },
      skipValidation: false,
    })
    if (!result?.res.ok) {
      setProblem({ message: text.saveFailed[lang], details: [] })
      return false
    }
    if (url) await showResult(url)
    return true
  }

  /** The workflow's publish action, on the story as saved (a new story is created as a draft first). */
  const publish = async (): Promise<boolean> => {
    let target = url
    let created: string | number | undefined
    if (!target) {
      const res = await fetch(api(`/${collectionSlug}?depth=0&draft=true`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language },
        body: await createFormData({ _status: 'draft' }),
      })
      const json = await res.json().catch(() => null)
      created = json?.doc?.id
      if (!res.ok || created === undefined) {
        const details = (json?.errors ?? []).flatMap((e: { data?: { errors?: { message?: string }[] }; message?: string }) =>
          e.data?.errors?.length ? e.data.errors.map((d) => d.message ?? '') : [],
        )
        setProblem({ message: text.saveFailed[lang], details })
        return false
      }
      target = api(`/${collectionSlug}/${created}/workflow`)
    } else if (!(await saveFirst())) {
      setProblem({ message: text.saveFailed[lang], details: [] })
      return false
    }
    const outcome = await postAction(target, 'publish', '', null)
    if (!outcome.ok) {
      setProblem(describeOutcome(outcome, lang))
      return false
    }
    // A new story opens in its edit view; an open one is brought up to date here.
    if (created !== undefined)
      router.push(formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collectionSlug}/${created}` }))
    else if (url) await showResult(url, { outcome })
    return true
  }

  const confirm = async () => {
    if (busy) return
    setBusy(true)
    try {
      if (await (live ? publishChanges() : publish())) {
        close()
        toast.success(text.done[lang] + label)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button
        id="action-save"
        className="nr-publish-button"
        buttonStyle="primary"
        size="medium"
        type="button"
        margin={false}
        disabled={busy || nothingToPublish}
        onClick={start}
      >
        {label}
      </Button>
      {open && (
        <ActionDialog
          slug={MODAL}
          lang={lang}
          action={live ? 'publishChanges' : unapproved ? 'approveAndPublish' : 'publish'}
          title={label}
          intro={<p>{publishIntro[live ? 'publishChanges' : unapproved ? 'approveAndPublish' : 'publish'][lang]}</p>}
          problem={problem}
          busy={busy}
          confirmLabel={label}
          confirmDisabled={Boolean(problem?.findings)}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <RecipientsList recipients={recipients} live={live} lang={lang} />
        </ActionDialog>
      )}
    </>
  )
}
