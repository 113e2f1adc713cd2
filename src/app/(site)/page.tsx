// The front page: the latest published stories, newest first, twenty a page.
import type { Metadata } from 'next'
import React from 'react'

import { StoryList } from '../../site/components'
import { feedAlternates } from '../../site/feeds'
import { pageNumber } from '../../site/page-number'
import { publicationName } from '../../site/publication'
import { loadLatest } from '../../site/stories'
import { absoluteUrl } from '../../site/site-origin'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

export const generateMetadata = (): Metadata => ({
  title: { absolute: publicationName() },
  alternates: { canonical: absoluteUrl('/'), types: feedAlternates({ kind: 'all' }) },
  openGraph: { type: 'website', url: absoluteUrl('/'), title: publicationName(), siteName: publicationName(), locale: 'zh_CN' },
})

export default async function FrontPage({ searchParams }: Props) {
  const page = await loadLatest(pageNumber((await searchParams).page))
  return (
    <>
      <h1 className="page-title">最新稿件</h1>
      <StoryList page={page} basePath="/" />
    </>
  )
}
