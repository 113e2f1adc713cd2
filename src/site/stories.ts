/** The reads the reader site's pages make, each through the public GraphQL endpoint and cached under tags. */
import { cache } from 'react'

import { readPublic } from './public-graphql'
import { LATEST_QUERY, STORY_QUERY, type SiteStory, type SiteStoryPage } from './queries'
import { storyTag, STORY_LISTS_TAG } from './tags'

export const PAGE_SIZE = 20

/** One story by slug (null when there is no published story of that slug). Deduplicated per render. */
export const loadStory = cache(async (slug: string): Promise<SiteStory | null> => {
  const data = await readPublic<{ Articles: { docs: SiteStory[] } }>(STORY_QUERY, { slug }, [storyTag(slug)])
  return data.Articles.docs[0] ?? null
})

export const loadLatest = cache(async (page: number): Promise<SiteStoryPage> => {
  const data = await readPublic<{ Articles: SiteStoryPage }>(LATEST_QUERY, { page, limit: PAGE_SIZE }, [STORY_LISTS_TAG])
  return data.Articles
})
