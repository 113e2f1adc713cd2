'use client'
/**
 * After a workflow action, bring the open story up to date in place instead of reloading the page (a reload
 * of the edit view costs seconds on a busy machine): the workflow view (stage, buttons, history), the fields
 * the workflow writes, and this user's permissions. Only when the action changed whether this user may edit
 * the story (a reporter submitting) are the fields re-rendered, read-only or editable as they now are.
 */
import { useConfig, useDocumentInfo, useForm } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useRef } from 'react'

import { loadWorkflow } from './use-story-workflow'

/** The fields an action itself writes (the story's text is not touched by an action). */
const WORKFLOW_FIELDS = ['stage', '_status', 'publishedAt', 'retractionReason', 'workflowSequence'] as const

/** Let React render what the last state updates changed (new permissions) before reading them. */
const nextRender = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export function useShowActionResult() {
  const form = useForm()
  const info = useDocumentInfo()
  const { config } = useConfig()
  const latest = useRef({ form, info })
  latest.current = { form, info }

  return useCallback(
    async (workflowURL: string, { rerender = false }: { rerender?: boolean } = {}) => {
      const { id, collectionSlug, getDocPermissions, hasSavePermission: couldEdit } = latest.current.info
      const docURL = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}?depth=0&draft=true`, serverURL: config.serverURL })
      const [doc] = await Promise.all([
        fetch(docURL, { credentials: 'include', headers: { Accept: 'application/json' } }).then((res) => (res.ok ? res.json() : null)),
        loadWorkflow(workflowURL),
        getDocPermissions(),
      ])
      await nextRender()
      const { form: nowForm, info: nowInfo } = latest.current
      if (!doc) return
      nowInfo.setData(doc)
      nowInfo.updateSavedDocumentData(doc)
      nowInfo.setHasPublishedDoc(doc._status === 'published')
      nowInfo.setUnpublishedVersionCount(0)
      if (rerender || nowInfo.hasSavePermission !== couldEdit) {
        await nowForm.reset(doc)
        return
      }
      for (const path of WORKFLOW_FIELDS) nowForm.dispatchFields({ type: 'UPDATE', path, value: doc[path] ?? null, initialValue: doc[path] ?? null })
      nowForm.setModified(false)
    },
    [config.routes.api, config.serverURL],
  )
}
