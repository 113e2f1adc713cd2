/** Section, region and author pages share one shape: a heading, feeds where there are some, the stories. */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { StoryList } from './components'
import { feedAlternates, type FeedScope } from './feeds'
import { pageNumber } from './page-number'
import { absoluteUrl } from './site-origin'
import { loadListing } from './stories'

export type ListingKind = 'section' | 'region' | 'author'

export interface ListingProps {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

const PATHS: Record<ListingKind, string> = { section: 'sections', region: 'regions', author: 'authors' }
const LABELS: Record<ListingKind, string> = { section: '栏目', region: '地区', author: '作者' }

const feedScope = (kind: ListingKind, slug: string): FeedScope | null =>
  kind === 'author' ? null : { kind: kind === 'section' ? 'sections' : 'regions', slug }

export async function listingMetadata(kind: ListingKind, { params, searchParams }: ListingProps): Promise<Metadata> {
  const slug = (await params).slug
  const listing = await loadListing(kind, slug, pageNumber((await searchParams).page))
  if (!listing) return { title: '未找到' }
  const url = absoluteUrl(`/${PATHS[kind]}/${encodeURIComponent(slug)}`)
  const scope = feedScope(kind, slug)
  return {
    title: `${listing.name} · ${LABELS[kind]}`,
    description: listing.description ?? undefined,
    alternates: { canonical: url, types: feedAlternates(scope ?? { kind: 'all' }, scope ? listing.name : '') },
    openGraph: { type: kind === 'author' ? 'profile' : 'website', url, title: listing.name, locale: 'zh_CN' },
  }
}

export async function ListingPage({ kind, params, searchParams }: ListingProps & { kind: ListingKind }) {
  const slug = (await params).slug
  const listing = await loadListing(kind, slug, pageNumber((await searchParams).page))
  if (!listing) notFound()
  return (
    <>
      <p className="page-intro">{LABELS[kind]}</p>
      <h1 className="page-title">{listing.name}</h1>
      {listing.description ? <p className="page-intro">{listing.description}</p> : null}
      <StoryList page={listing.stories} basePath={`/${PATHS[kind]}/${encodeURIComponent(slug)}`} />
    </>
  )
}
