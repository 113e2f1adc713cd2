'use client'
/**
 * After a workflow action, bring the open story up to date in place instead of reloading the page (a reload
 * of the edit view costs seconds on a busy machine): the workflow view (stage, buttons, history), the fields
 * the workflow writes, and this user's permissions. The action's own answer carries all of it (POST
 * …/workflow?screen=true), so an action that leaves this user's rights as they were costs no further request.
 * When it took the right to edit away (a reporter submitting), Payload's permissions are refreshed: the form's
 * fields follow them on the client (read-only), the body's editor too (src/admin/editor). Only when it gave
 * rights (fields rendered read-only on the server must become editable) are the fields re-rendered there — side
 * by side with the permissions, from the permissions the answer gave.
 * Without that answer (publishing a live story's changes is a plain save) the same is read from the server.
 */
import { useConfig, useDocumentInfo, useForm, useServerFunctions } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useRef } from 'react'

import type { ScreenAfterAction } from '../screen-after-action'
import { loadWorkflow, setWorkflowView, type ActionOutcome } from './use-story-workflow'

/** The fields an action itself writes (the story's text is not touched by an action). */
const WORKFLOW_FIELDS = ['stage', '_status', 'publishedAt', 'retractionReason', 'workflowSequence'] as const

/** Let React render what the last state updates changed (new permissions) before reading them. */
const nextRender = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const granted = (permission: unknown) =>
  permission === true ||
  (typeof permission === 'object' && permission !== null && (permission as { permission?: unknown }).permission === true)

export function useShowActionResult() {
  const form = useForm()
  const info = useDocumentInfo()
  const { config } = useConfig()
  const { getFormState } = useServerFunctions()
  const latest = useRef({ form, info })
  latest.current = { form, info }

  /** The fields re-rendered from the server for these permissions (read-only or editable as they now are). */
  const rerenderFields = useCallback(
    async (doc: Record<string, unknown>, docPermissions: ScreenAfterAction['docPermissions']) => {
      const { info: now } = latest.current
      const docPreferences = await now.getDocPreferences()
      const { state } = await getFormState({
        id: now.id,
        collectionSlug: now.collectionSlug,
        data: doc,
        docPermissions,
        docPreferences,
        operation: 'update',
        renderAllFields: true,
        schemaPath: now.collectionSlug ?? '',
        skipValidation: true,
      })
      if (state) latest.current.form.replaceState(state)
    },
    [getFormState],
  )

  /** The story as saved, into Payload's document state (title, status, versions). */
  const putDoc = useCallback((doc: Record<string, unknown>) => {
    const { info: now } = latest.current
    now.setData(doc)
    now.updateSavedDocumentData(doc)
    now.setHasPublishedDoc(doc._status === 'published')
    now.setUnpublishedVersionCount(0)
  }, [])

  /** …and into the form: only the fields the action wrote change; what is on screen otherwise stays. */
  const putWorkflowFields = useCallback((doc: Record<string, unknown>) => {
    const { form: now } = latest.current
    for (const path of WORKFLOW_FIELDS)
      now.dispatchFields({ type: 'UPDATE', path, value: doc[path] ?? null, initialValue: doc[path] ?? null })
    now.setModified(false)
  }, [])

  return useCallback(
    async (workflowURL: string, { rerender = false, outcome }: { rerender?: boolean; outcome?: ActionOutcome } = {}) => {
      const { info: before } = latest.current
      const screen = outcome?.screen
      if (outcome?.view && screen) {
        setWorkflowView(workflowURL, outcome.view)
        putDoc(screen.doc)
        const mayEdit = granted(screen.docPermissions.update)
        const rightsChanged = mayEdit !== before.hasSavePermission || screen.hasPublishPermission !== before.hasPublishPermission
        // Only a regained right to edit needs the fields from the server; a changed right to publish does not.
        if (rerender || (mayEdit && !before.hasSavePermission))
          await Promise.all([before.getDocPermissions(), rerenderFields(screen.doc, screen.docPermissions)])
        else {
          putWorkflowFields(screen.doc)
          // Payload's own permission state: save/publish buttons, and the form read-only.
          if (rightsChanged) await before.getDocPermissions()
        }
        return
      }

      const { id, collectionSlug, getDocPermissions, hasSavePermission: couldEdit } = before
      const docURL = formatAdminURL({
        apiRoute: config.routes.api,
        path: `/${collectionSlug}/${id}?depth=0&draft=true`,
        serverURL: config.serverURL,
      })
      const [doc] = await Promise.all([
        fetch(docURL, { credentials: 'include', headers: { Accept: 'application/json' } }).then((res) => (res.ok ? res.json() : null)),
        loadWorkflow(workflowURL),
        getDocPermissions(),
      ])
      await nextRender()
      if (!doc) return
      putDoc(doc)
      if (rerender || latest.current.info.hasSavePermission !== couldEdit) await latest.current.form.reset(doc)
      else putWorkflowFields(doc)
    },
    [config.routes.api, config.serverURL, rerenderFields, putDoc, putWorkflowFields],
  )
}
