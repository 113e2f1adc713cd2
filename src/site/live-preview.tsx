'use client'
/**
 * The live preview's page in the browser. Payload's admin shows it in an iframe (or a popup) and speaks a small
 * postMessage protocol, the one @payloadcms/live-preview implements (that package has no 3.90.2 release):
 *   preview → admin  { type: 'payload-live-preview', ready: true }              once listening
 *   admin → preview  { type: 'payload-live-preview', data: <the form's values> } on every change, unsaved
 * Each change is sent to POST /api/articles/:id/preview, which renders it with the house-style renderer as a
 * save would; the answer is shown with the reader page's own component. One request at a time: while one is
 * out, only the newest change waits.
 */
import React, { useEffect, useRef, useState } from 'react'

import type { SiteStory } from './queries'
import { StoryArticle } from './story-article'

const MESSAGE_TYPE = 'payload-live-preview'

type Status = 'saved' | 'updating' | 'live' | 'failed'

const STATUS_TEXT: Record<Status, string> = {
  saved: '预览：最新草稿（编辑器中的改动会即时显示）',
  updating: '预览：正在更新……',
  live: '预览：编辑器中尚未保存的内容',
  failed: '预览更新失败',
}

/** The admin that opened this page: the iframe's parent, or the window that opened the popup. */
function adminWindow(): Window | null {
  if (window.opener) return window.opener as Window
  return window.parent !== window ? window.parent : null
}

export function LiveStoryPreview({ id, initial }: { id: string; initial: SiteStory }) {
  const [story, setStory] = useState(initial)
  const [status, setStatus] = useState<Status>('saved')
  const [problem, setProblem] = useState('')
  const queue = useRef<{ busy: boolean; next: unknown }>({ busy: false, next: undefined })

  useEffect(() => {
    const render = async (fields: unknown) => {
      queue.current.busy = true
      setStatus('updating')
      try {
        const response = await fetch(`/api/articles/${encodeURIComponent(id)}/preview`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(fields),
        })
        const answer = (await response.json().catch(() => ({}))) as { story?: SiteStory; errors?: { message: string }[] }
        if (response.ok && answer.story) {
          setStory(answer.story)
          setStatus('live')
          setProblem('')
        } else {
          setStatus('failed')
          setProblem(answer.errors?.map((e) => e.message).join('；') || `HTTP ${response.status}`)
        }
      } catch (error) {
        setStatus('failed')
        setProblem(error instanceof Error ? error.message : String(error))
      } finally {
        queue.current.busy = false
        const next = queue.current.next
        queue.current.next = undefined
        if (next !== undefined) void render(next)
      }
    }

    const onMessage = (event: MessageEvent) => {
      // Only the admin on this origin may drive the preview.
      if (event.origin !== window.location.origin) return
      const message = event.data as { type?: unknown; data?: unknown } | null
      if (!message || message.type !== MESSAGE_TYPE || typeof message.data !== 'object' || message.data === null) return
      if (queue.current.busy) queue.current.next = message.data
      else void render(message.data)
    }
    window.addEventListener('message', onMessage)
    adminWindow()?.postMessage({ type: MESSAGE_TYPE, ready: true }, window.location.origin)
    return () => window.removeEventListener('message', onMessage)
  }, [id])

  return (
    <StoryArticle story={story}>
      <p className="preview-banner" role="status" data-testid="preview-status" data-status={status}>
        {STATUS_TEXT[status]}
        {problem ? `：${problem}` : ''}
      </p>
    </StoryArticle>
  )
}
