'use client'
/**
 * Client side of GET …/workflow: the stage, the actions this user may take and the history, as the server
 * decides them (the admin never works the rules out for itself). One store per story URL, shared by every
 * component on the page: after an action the new view is put in the store and the action bar, header,
 * history and "created by" all change together, without reloading the page.
 */
import { useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useSyncExternalStore } from 'react'

import type { WorkflowAction } from '../actions'
import type { WorkflowView } from '../read-workflow'
import type { ScreenAfterAction } from '../screen-after-action'

type Entry = { view: WorkflowView | null; error: string | null; loading: Promise<void> | null; listeners: Set<() => void> }

const stores = new Map<string, Entry>()

function entryFor(url: string): Entry {
  let entry = stores.get(url)
  if (!entry) stores.set(url, (entry = { view: null, error: null, loading: null, listeners: new Set() }))
  return entry
}

const notify = (entry: Entry) => entry.listeners.forEach((listener) => listener())

export function useWorkflowURL(collectionSlug: string | undefined, id: string | number | undefined) {
  const { config } = useConfig()
  if (!collectionSlug || id === undefined) return null
  return formatAdminURL({ apiRoute: config.routes.api, path: `/${collectionSlug}/${id}/workflow`, serverURL: config.serverURL })
}

export async function fetchWorkflow(url: string): Promise<WorkflowView> {
  const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  const json = await res.json()
  if (!res.ok) throw new Error(json?.errors?.[0]?.message ?? res.statusText)
  return json as WorkflowView
}

/** Put a freshly read view in the store: every component showing this story updates. */
export function setWorkflowView(url: string, view: WorkflowView) {
  const entry = entryFor(url)
  entry.view = view
  entry.error = null
  notify(entry)
}

/** (Re)load the view from the server; concurrent callers share one request. */
export function loadWorkflow(url: string): Promise<void> {
  const entry = entryFor(url)
  entry.loading ??= fetchWorkflow(url)
    .then((view) => setWorkflowView(url, view))
    .catch((e: unknown) => {
      entry.error = e instanceof Error ? e.message : String(e)
      notify(entry)
    })
    .finally(() => {
      entry.loading = null
    })
  return entry.loading
}

export function useStoryWorkflow(url: string | null) {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!url) return () => undefined
      const entry = entryFor(url)
      entry.listeners.add(listener)
      return () => entry.listeners.delete(listener)
    },
    [url],
  )
  const view = useSyncExternalStore(
    subscribe,
    () => (url ? entryFor(url).view : null),
    () => null,
  )
  const error = useSyncExternalStore(
    subscribe,
    () => (url ? entryFor(url).error : null),
    () => null,
  )
  useEffect(() => {
    if (url && !entryFor(url).view) void loadWorkflow(url)
  }, [url])
  const refresh = useCallback(() => (url ? loadWorkflow(url) : Promise.resolve()), [url])
  return { view, error, refresh }
}

export interface ActionFinding {
  message?: { zh?: string; en?: string } | string
  ruleId?: string
  location?: { field?: string; block?: number }
}

export interface ActionOutcome {
  ok: boolean
  status: number
  message?: string
  reason?: string
  stage?: string
  findings?: ActionFinding[]
  /** The workflow after the action, and what the page shows (the story as this user reads it, their permissions). */
  view?: WorkflowView
  screen?: ScreenAfterAction
}

/** Take the action; the answer carries everything the page needs to show its result (no second request). */
export async function postAction(url: string, action: WorkflowAction, note: string, publishAt: string | null): Promise<ActionOutcome> {
  const res = await fetch(`${url}?screen=true`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ action, ...(note.trim() ? { note } : {}), ...(publishAt ? { publishAt } : {}) }),
  })
  const json = await res.json().catch(() => ({}))
  if (res.ok) return { ok: true, status: res.status, stage: json?.stage, view: json?.view, screen: json?.screen }
  return {
    ok: false,
    status: res.status,
    message: json?.errors?.[0]?.message ?? res.statusText,
    reason: json?.reason,
    findings: json?.findings,
  }
}
