/** The reads the reader site's pages make, each through the public GraphQL endpoint and cached under tags. */
import { cache } from 'react'

import { PublicGraphQLError, readPublic } from './public-graphql'
import { AUTHOR_QUERY, LATEST_QUERY, REGION_QUERY, SECTION_QUERY, STORY_QUERY, type SiteStory, type SiteStoryPage } from './queries'
import { storyTag, STORY_LISTS_TAG } from './tags'

export const PAGE_SIZE = 20

/** One story by slug (null when there is no published story of that slug). Deduplicated per render. */
export const loadStory = cache(async (slug: string): Promise<SiteStory | null> => {
  const data = await readPublic<{ Story: SiteStory | null }>(STORY_QUERY, { slug }, [storyTag(slug)])
  return data.Story
})

export const loadLatest = cache(async (page: number): Promise<SiteStoryPage> => {
  const data = await readPublic<{ Stories: SiteStoryPage }>(LATEST_QUERY, { page, limit: PAGE_SIZE }, [STORY_LISTS_TAG])
  return data.Stories
})

export interface Listing {
  name: string
  description?: string | null
  stories: SiteStoryPage
}

const LISTINGS = {
  section: { query: SECTION_QUERY, key: 'Sections' },
  region: { query: REGION_QUERY, key: 'Regions' },
  author: { query: AUTHOR_QUERY, key: 'Authors' },
} as const

/** A section, region or author page: its name and its stories (sections and regions include sub-ones). */
export const loadListing = cache(async (kind: keyof typeof LISTINGS, slug: string, page: number): Promise<Listing | null> => {
  const { query, key } = LISTINGS[kind]
  type Answer = Record<string, { docs: { name: string; description?: string | null; bio?: string | null }[] }> & { Stories: SiteStoryPage }
  try {
    const data = await readPublic<Answer>(query, { slug, page, limit: PAGE_SIZE }, [STORY_LISTS_TAG])
    const found = data[key]?.docs[0]
    return found ? { name: found.name, description: found.description ?? found.bio ?? null, stories: data.Stories } : null
  } catch (error) {
    // An unknown slug is the API's NotFound: the page is a 404, not an error.
    if (error instanceof PublicGraphQLError && error.notFound) return null
    throw error
  }
})
