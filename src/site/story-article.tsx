/**
 * The story as readers see it: kicker, headline, dek, time and credits, hero picture, the rendered story
 * (dateline and byline inside it, where the house-style renderer placed them), tags. The published page and
 * the editors' live preview both render this one component, so a preview looks exactly like the page.
 * No server-only imports: the live preview renders it in the browser.
 */
import Link from 'next/link'
import React from 'react'

import { HeroImage } from './components'
import { CREDIT_ROLES, readerDateTime } from './format'
import type { SiteStory } from './queries'

export function StoryArticle({ story, children }: { story: SiteStory; children?: React.ReactNode }) {
  return (
    <article className="story" lang="zh-Hans">
      {children}
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
                  {credit.author.slug ? (
                    <Link href={`/authors/${encodeURIComponent(credit.author.slug)}`}>{credit.author.name}</Link>
                  ) : (
                    credit.author.name
                  )}
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
