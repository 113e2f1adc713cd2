/**
 * The GraphQL documents the reader site sends (the public `Story` / `Stories` queries), and the shapes they
 * answer. tests/unit/frontend/site-queries.test.ts checks them against the committed schema.graphql, as any
 * frontend's queries would be checked.
 */
import type { PublicImage, PublicStory, PublicTerm } from '../graphql/public-story'

export type SiteImage = PublicImage
export type SiteTerm = PublicTerm
export type SiteStory = PublicStory
export type SiteStorySummary = Pick<
  PublicStory,
  'id' | 'title' | 'slug' | 'dek' | 'datelineText' | 'publishedAt' | 'section' | 'region' | 'heroImage'
>

export interface SiteStoryPage {
  docs: SiteStorySummary[]
  totalDocs: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

const RENDITION = /* GraphQL */ `url width height`
const IMAGE = /* GraphQL */ `
  url alt caption credit width height
  thumbnail { ${RENDITION} } card { ${RENDITION} } social { ${RENDITION} } wechatCover { ${RENDITION} }`

const SUMMARY = /* GraphQL */ `
  id title slug dek datelineText publishedAt
  section { name slug url }
  region { name slug url }
  heroImage { ${IMAGE} }`

const PAGE = /* GraphQL */ `docs { ${SUMMARY} } totalDocs page totalPages hasNextPage hasPrevPage`

export const STORY_QUERY = /* GraphQL */ `
  query SiteStory($slug: String!) {
    Story(slug: $slug) {
      ${SUMMARY}
      url bylineText html updatedAt tags
      credits { role author { name slug url } }
      corrections { note date }
    }
  }`

export const LATEST_QUERY = /* GraphQL */ `
  query SiteLatest($page: Int, $limit: Int) {
    Stories(page: $page, limit: $limit) { ${PAGE} }
  }`

export const SECTION_QUERY = /* GraphQL */ `
  query SiteSection($slug: String!, $page: Int, $limit: Int) {
    Sections(where: { slug: { equals: $slug } }, limit: 1) { docs { name slug description } }
    Stories(section: $slug, page: $page, limit: $limit) { ${PAGE} }
  }`

export const REGION_QUERY = /* GraphQL */ `
  query SiteRegion($slug: String!, $page: Int, $limit: Int) {
    Regions(where: { slug: { equals: $slug } }, limit: 1) { docs { name slug } }
    Stories(region: $slug, page: $page, limit: $limit) { ${PAGE} }
  }`

export const AUTHOR_QUERY = /* GraphQL */ `
  query SiteAuthor($slug: String!, $page: Int, $limit: Int) {
    Authors(where: { slug: { equals: $slug } }, limit: 1) { docs { name slug bio } }
    Stories(author: $slug, page: $page, limit: $limit) { ${PAGE} }
  }`
