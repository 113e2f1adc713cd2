// The live preview of a story (Articles' admin.livePreview): its latest draft on the reader page, updated as
// the editor types (src/site/live-preview.tsx). Logged-in staff only: the session cookie is checked here on the
// server (the host also answers 401 before Next, src/site/preview-gate.ts); a story the user may not read is a
// 404. Never cached, never indexed.
import type { Metadata } from 'next'
import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound, redirect } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'
import React from 'react'

import { LiveStoryPreview } from '../../../../../site/live-preview'
import { storyPreviewPath } from '../../../../../site/preview-path'
import { previewStory } from '../../../../../site/preview-story'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '稿件预览', robots: { index: false, follow: false } }

type Props = { params: Promise<{ id: string }> }

export default async function StoryPreviewPage({ params }: Props) {
  const { id } = await params
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(storyPreviewPath(id))}`)
  const story = await previewStory(await createLocalReq({ user }, payload), id)
  if (!story) notFound()
  return <LiveStoryPreview id={id} initial={story} />
}
