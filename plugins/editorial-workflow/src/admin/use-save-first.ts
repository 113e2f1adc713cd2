'use client'
/**
 * Before an action, save what the user typed (as a draft) if they may and something changed: the action works
 * on the saved story, and a reporter submitting straight after typing must submit what they see.
 */
import { useConfig, useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback } from 'react'

export function useSaveFirst() {
  const { submit } = useForm()
  const modified = useFormModified()
  const { id, collectionSlug, hasSavePermission } = useDocumentInfo()
  const { config } = useConfig()
  return useCallback(async (): Promise<boolean> => {
    if (!modified || !hasSavePermission || id === undefined) return true
    const action = formatAdminURL({
      apiRoute: config.routes.api,
      path: `/${collectionSlug}/${id}?draft=true&depth=0`,
      serverURL: config.serverURL,
    })
    const result = await submit({
      action,
      method: 'PATCH',
      overrides: { _status: 'draft' },
      skipValidation: true,
      disableSuccessStatus: true,
    })
    return Boolean(result && result.res.ok)
  }, [modified, hasSavePermission, id, collectionSlug, config.routes.api, config.serverURL, submit])
}
