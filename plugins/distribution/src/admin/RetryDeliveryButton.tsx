'use client'
/**
 * On a delivery's page (sidebar): its state and, when it failed and the user is an editor, a button that asks
 * the server to send it again (POST /api/deliveries/:id/retry). The server decides who may; this only shows
 * what it answered.
 */
import { Button, toast, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React, { useState } from 'react'

const words = {
  retry: { zh: '重新发送', en: 'Send again' },
  working: { zh: '正在排队…', en: 'Queuing…' },
  queued: { zh: '已重新排队', en: 'Queued again' },
  onlyFailed: { zh: '仅失败的分发可以重新发送。', en: 'Only a failed delivery can be sent again.' },
} as const

export const RetryDeliveryButton: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language?.startsWith('en') ? 'en' : 'zh'
  const state = useFormFields(([fields]) => fields?.state?.value as string | undefined)
  const [busy, setBusy] = useState(false)
  if (id === undefined || !collectionSlug) return null
  if (state !== 'failed') return <p style={{ color: 'var(--theme-elevation-500)', fontSize: 12 }}>{words.onlyFailed[lang]}</p>

  const retry = async () => {
    setBusy(true)
    try {
      const url = formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}/retry`, serverURL: config.serverURL })
      const res = await fetch(url, { method: 'POST', credentials: 'include', headers: { Accept: 'application/json' } })
      const body = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      if (!res.ok) {
        toast.error(body.errors?.[0]?.message ?? String(res.status))
        return
      }
      toast.success(words.queued[lang])
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button buttonStyle="primary" disabled={busy} onClick={() => void retry()} size="small">
      {busy ? words.working[lang] : words.retry[lang]}
    </Button>
  )
}
