'use client'
/**
 * Client side of GET …/workflow: the stage, the actions this user may take and the history, as the server
 * decides them (the admin never works the rules out for itself). Components on the same page share one load.
 */
import { useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useState } from 'react'

import type { WorkflowAction } from '../actions'
import type { WorkflowView } from '../read-workflow'

const loads = new Map<string, Promise<WorkflowView>>()

export function useWorkflowURL(collectionSlug: string | undefined, id: string | number | undefined) {
  const { config } = useConfig()
  if (!collectionSlug || id === undefined) return null
  return formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}/workflow`, serverURL: config.serverURL })
}

async function load(url: string): Promise<WorkflowView> {
  const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  const json = await res.json()
  if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
  return json as WorkflowView
}

export function useStoryWorkflow(url: string | null) {
  const [view, setView] = useState<WorkflowView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback(() => {
    if (!url) return
    const pending = loads.get(url) ?? load(url)
    loads.set(url, pending)
    pending
      .then((result) => {
        setView(result)
        setError(null)
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setTimeout(() => loads.delete(url), 500))
  }, [url])
  useEffect(refresh, [refresh])
  return { view, error, refresh }
}

export interface ActionOutcome {
  ok: boolean
  status: number
  message?: string
  findings?: { message?: { zh?: string; en?: string } | string; ruleId?: string }[]
}

export async function postAction(url: string, action: WorkflowAction, note: string, publishAt: string | null): Promise<ActionOutcome> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ action, ...(note.trim() ? { note } : {}), ...(publishAt ? { publishAt } : {}) }),
  })
  const json = await res.json().catch(() => ({}))
  if (res.ok) return { ok: true, status: res.status }
  return { ok: false, status: res.status, message: json?.errors?.[0]?.message ?? res.statusText, findings: json?.findings }
}
