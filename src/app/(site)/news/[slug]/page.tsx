// A story for readers: headline, dek, hero picture, the rendered story (dateline and byline inside it, as the
// house-style renderer placed them), credits, corrections; OpenGraph, NewsArticle JSON-LD and feed links.
// Retracted stories never reach this page: the host answers 410 first (src/site/retracted-stories.ts).
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { HeroImage } from '../../../../site/components'
import { feedAlternates } from '../../../../site/feeds'
import { CREDIT_ROLES, readerDateTime } from '../../../../site/format'
import { socialImage } from '../../../../site/images'
import { newsArticleJsonLd, scriptJson } from '../../../../site/news-article-jsonld'
import { publicationName } from '../../../../site/publication'
import { loadStory } from '../../../../site/stories'
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
        ? { images: [{ url: absoluteUrl(image.url), width: image.width ?? undefined, height: image.height ?? undefined, alt: story.heroImage!.alt }] }
        : {}),
    },
  }
}

export default async function StoryPage({ params }: Props) {
  const story = await loadStory((await params).slug)
  if (!story) notFound()
  return (
    <article className="story" lang="zh-Hans">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(newsArticleJsonLd(story, publicationName())) }} />
      <header>
        <p className="kicker">
          {story.section?.slug ? <Link href={`/sections/${encodeURIComponent(story.section.slug)}`}>{story.section.name}</Link> : null}
          {story.region?.slug ? <Link href={`/regions/${encodeURIComponent(story.region.slug)}`}>{story.region.name}</Link> : null}
        </p>
        <h1>{story.title}</h1>
        {story.dek ? <p className="dek">{story.dek}</p> : null}
        <p className="meta">
          <time dateTime={story.publishedAt}>{readerDateTime(story.publishedAt)}</time>
          {story.credits?.length ? (
            <span className="credits">
              {story.credits.map((credit, index) => (
                <span key={index}>
                  {CREDIT_ROLES[credit.role] ?? ''}{' '}
                  {credit.author.slug ? <Link href={`/authors/${encodeURIComponent(credit.author.slug)}`}>{credit.author.name}</Link> : credit.author.name}
                </span>
              ))}
            </span>
          ) : null}
        </p>
      </header>
      {story.heroImage ? <HeroImage image={story.heroImage} sizes="(max-width: 46rem) 100vw, 46rem" priority /> : null}
      <div className="story-body" dangerouslySetInnerHTML={{ __html: story.html }} />
      {story.tags?.length ? (
        <ul className="tags" aria-label="标签">
          {story.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}
