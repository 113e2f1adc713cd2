// A story for readers (src/site/story-article.tsx, the component the live preview renders too), with OpenGraph,
// NewsArticle JSON-LD and feed links.
// Retracted stories never reach this page: the host answers 410 first (src/site/retracted-stories.ts).
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { feedAlternates } from '../../../../site/feeds'
import { socialImage } from '../../../../site/images'
import { newsArticleJsonLd, scriptJson } from '../../../../site/news-article-jsonld'
import { publicationName } from '../../../../site/publication'
import { loadStory } from '../../../../site/stories'
import { StoryArticle } from '../../../../site/story-article'
import { absoluteUrl } from '../../../../site/site-origin'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const story = await loadStory((await params).slug)
  if (!story) return { title: '未找到稿件' }
  const url = absoluteUrl(`/news/${encodeURIComponent(story.slug)}`)
  const image = story.heroImage ? socialImage(story.heroImage) : null
  return {
    title: story.title,
    description: story.dek ?? undefined,
    alternates: { canonical: url, types: feedAlternates({ kind: 'all' }) },
    openGraph: {
      type: 'article',
      url,
      title: story.title,
      description: story.dek ?? undefined,
      siteName: publicationName(),
      locale: 'zh_CN',
      publishedTime: story.publishedAt,
      modifiedTime: story.updatedAt,
      section: story.section?.name,
      tags: story.tags ?? undefined,
      ...(image?.url
        ? {
            images: [
              {
                url: absoluteUrl(image.url),
                width: image.width ?? undefined,
                height: image.height ?? undefined,
                alt: story.heroImage!.alt,
              },
            ],
          }
        : {}),
    },
  }
}

export default async function StoryPage({ params }: Props) {
  const story = await loadStory((await params).slug)
  if (!story) notFound()
  return (
    <StoryArticle story={story}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(newsArticleJsonLd(story, publicationName())) }} />
    </StoryArticle>
  )
}
