/** The reader site's building blocks: hero picture, story teaser list, pager, masthead. Server components. */
import Link from 'next/link'
import React from 'react'

import { readerDate, readerDateTime } from './format'
import { srcSet } from './images'
import type { SiteImage, SiteStoryPage, SiteStorySummary } from './queries'
import { publicationName } from './publication'

export function HeroImage({ image, sizes, priority }: { image: SiteImage; sizes: string; priority?: boolean }) {
  const shown = image.card ?? image
  const caption = [image.caption, image.credit ? `（${image.credit}）` : ''].filter(Boolean).join('')
  return (
    <figure className="hero">
      <img
        src={shown.url}
        srcSet={srcSet(image) || undefined}
        sizes={sizes}
        alt={image.alt}
        width={shown.width ?? undefined}
        height={shown.height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
      />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  )
}

export function StoryTeaser({ story }: { story: SiteStorySummary }) {
  return (
    <li className="teaser">
      {story.heroImage ? (
        <Link href={`/news/${encodeURIComponent(story.slug)}`} className="teaser-image" tabIndex={-1}>
          <HeroImage image={story.heroImage} sizes="(max-width: 40em) 100vw, 12rem" />
        </Link>
      ) : null}
      <div>
        <h2>
          <Link href={`/news/${encodeURIComponent(story.slug)}`}>{story.title}</Link>
        </h2>
        {story.dek ? <p className="dek">{story.dek}</p> : null}
        <p className="meta">
          <time dateTime={story.publishedAt}>{readerDateTime(story.publishedAt)}</time>
          {story.section?.slug ? (
            <>
              {' · '}
              <Link href={`/sections/${encodeURIComponent(story.section.slug)}`}>{story.section.name}</Link>
            </>
          ) : null}
          {story.region?.slug ? (
            <>
              {' · '}
              <Link href={`/regions/${encodeURIComponent(story.region.slug)}`}>{story.region.name}</Link>
            </>
          ) : null}
        </p>
      </div>
    </li>
  )
}

export function StoryList({ page, basePath }: { page: SiteStoryPage; basePath: string }) {
  if (!page.docs.length) return <p className="empty">暂无稿件。</p>
  const current = page.page ?? 1
  const link = (n: number) => (n <= 1 ? basePath : `${basePath}?page=${n}`)
  return (
    <>
      <ol className="stories">
        {page.docs.map((story) => (
          <StoryTeaser key={story.id} story={story} />
        ))}
      </ol>
      {page.totalPages > 1 ? (
        <nav className="pager" aria-label="分页">
          {page.hasPrevPage ? (
            <Link href={link(current - 1)} rel="prev">
              上一页
            </Link>
          ) : (
            <span />
          )}
          <span>
            第 {current} / {page.totalPages} 页
          </span>
          {page.hasNextPage ? (
            <Link href={link(current + 1)} rel="next">
              下一页
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  )
}

export function Masthead() {
  return (
    <header className="masthead">
      <Link href="/" className="brand">
        {publicationName()}
      </Link>
    </header>
  )
}

export function Footer() {
  return (
    <footer className="site-footer">
      <p>
        © {publicationName()} · <a href="/feeds/rss.xml">RSS</a> · <a href="/feeds/atom.xml">Atom</a> ·{' '}
        <a href="/feeds/feed.json">JSON Feed</a>
      </p>
    </footer>
  )
}

export { readerDate }
