'use client'
/**
 * Payload's Publish button, for story collections, running the workflow: before publication it saves what the
 * editor typed and takes the `publish` action (recording the approval if nobody gave it); on a live story
 * "Publish changes" saves with `_status: 'published'`, which the guard records as an update. Only users
 * allowed to publish see it; a retracted story has none.
 */
import { Button, toast, useConfig, useDocumentInfo, useForm, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

import { LIVE_STAGES, isStage } from '../stages'
import { langOf, text } from './text'
import { postAction, useWorkflowURL } from './use-story-workflow'
import { useSaveFirst } from './use-save-first'

export const WorkflowPublishButton: React.FC = () => {
  const { id, collectionSlug, hasPublishPermission, unpublishedVersionCount } = useDocumentInfo()
  const modified = useFormModified()
  const { submit } = useForm()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = langOf(i18n.language)
  const stageValue = useFormFields(([fields]) => fields.stage?.value)
  const stage = isStage(stageValue) ? stageValue : 'draft'
  const url = useWorkflowURL(collectionSlug, id)
  const saveFirst = useSaveFirst()
  const [busy, setBusy] = useState(false)

  if (!hasPublishPermission || stage === 'retracted') return null
  const live = LIVE_STAGES.includes(stage)
  // On a live story there is something to publish only once it has been edited.
  const nothingToPublish = live && !modified && !unpublishedVersionCount

  const publishChanges = async () => {
    const action = formatAdminURL({
      apiRoute: config.routes.api,
      path: `/${collectionSlug}${id !== undefined ? `/${id}` : ''}?depth=0`,
      serverURL: config.serverURL,
    })
    const result = await submit({ action, overrides: { _status: 'published' } })
    // A new story is redirected to its edit view by the form itself.
    if (result?.res.ok && id !== undefined) window.location.reload()
  }

  const publish = async () => {
    if (!url) return publishChanges()
    if (!(await saveFirst())) return
    const outcome = await postAction(url, 'publish', '', null)
    if (outcome.ok) {
      toast.success(text.done[lang] + text.publishNow[lang])
      window.location.reload()
      return
    }
    const findings = (outcome.findings ?? []).map((f) => (typeof f.message === 'string' ? f.message : (f.message?.[lang] ?? ''))).slice(0, 3)
    toast.error([outcome.status === 422 ? text.styleBlocked[lang] : outcome.message, ...findings].filter(Boolean).join(' '))
  }

  const onClick = async () => {
    if (busy) return
    setBusy(true)
    try {
      await (live ? publishChanges() : publish())
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button
      id="action-save"
      className="nr-publish-button"
      buttonStyle="primary"
      size="medium"
      type="button"
      margin={false}
      disabled={busy || nothingToPublish}
      tooltip={live ? undefined : text.publishHint[lang]}
      onClick={() => void onClick()}
    >
      {busy ? text.working[lang] : live ? text.publishChanges[lang] : text.publishNow[lang]}
    </Button>
  )
}
