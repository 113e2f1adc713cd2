/**
 * The GraphQL documents the reader site sends, and the shapes they answer. They are checked against the
 * committed schema.graphql by tests/unit/frontend/site-queries.test.ts, as any frontend's would be.
 */
export interface SiteImageSize {
  url?: string | null
  width?: number | null
  height?: number | null
}

export interface SiteImage {
  url?: string | null
  alt: string
  caption?: string | null
  credit?: string | null
  width?: number | null
  height?: number | null
  sizes?: { thumbnail?: SiteImageSize | null; card?: SiteImageSize | null; social?: SiteImageSize | null; wechatCover?: SiteImageSize | null } | null
}

export interface SiteTerm {
  name: string
  slug?: string | null
}

export interface SiteStorySummary {
  id: number
  title: string
  slug: string
  dek?: string | null
  datelineText: string
  publishedAt: string
  section?: SiteTerm | null
  region?: SiteTerm | null
  heroImage?: SiteImage | null
}

export interface SiteStory extends SiteStorySummary {
  bylineText?: string | null
  html: string
  updatedAt: string
  tags?: string[] | null
  credits?: { role: string; author: SiteTerm }[] | null
  corrections?: { note: string; date: string }[] | null
}

export interface SiteStoryPage {
  docs: SiteStorySummary[]
  totalDocs: number
  page?: number | null
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

const IMAGE = /* GraphQL */ `
  url alt caption credit width height
  sizes {
    thumbnail { url width height }
    card { url width height }
    social { url width height }
    wechatCover { url width height }
  }`

const SUMMARY = /* GraphQL */ `
  id title slug dek datelineText publishedAt
  section { name slug }
  region { name slug }
  heroImage { ${IMAGE} }`

export const STORY_QUERY = /* GraphQL */ `
  query SiteStory($slug: String!) {
    Articles(where: { slug: { equals: $slug }, _status: { equals: published } }, limit: 1, pagination: false) {
      docs {
        ${SUMMARY}
        bylineText html updatedAt tags
        credits { role author { name slug } }
        corrections { note date }
      }
    }
  }`

export const LATEST_QUERY = /* GraphQL */ `
  query SiteLatest($page: Int, $limit: Int) {
    Articles(where: { _status: { equals: published } }, sort: "-publishedAt", limit: $limit, page: $page) {
      docs { ${SUMMARY} }
      totalDocs page totalPages hasNextPage hasPrevPage
    }
  }`
