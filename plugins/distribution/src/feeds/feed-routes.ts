/**
 * The public feed routes, as path patterns (Express 5 syntax, for the host's `custom.publicRoutes`) and as a
 * parser of request paths (for Payload's own /api endpoints and the host alike).
 */
export type FeedFormat = 'rss' | 'atom' | 'json'
export type FeedScope =
  { kind: 'all' } | { kind: 'section'; slug: string } | { kind: 'region'; slug: string } | { kind: 'channel'; id: string }

export type FeedRequest = { type: 'feed'; format: FeedFormat; scope: FeedScope } | { type: 'news-sitemap' }

export const FEED_FILES: Record<string, FeedFormat> = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' }

export const CONTENT_TYPES: Record<FeedFormat | 'sitemap', string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  sitemap: 'application/xml; charset=utf-8',
}

/** Every public path, Express 5 style. */
export const PUBLIC_FEED_PATHS: string[] = [
  ...Object.keys(FEED_FILES).flatMap((file) => [
    `/feeds/${file}`,
    `/feeds/sections/:slug/${file}`,
    `/feeds/regions/:slug/${file}`,
    `/feeds/channels/:id/${file}`,
  ]),
  '/sitemaps/news.xml',
]

const SLUG = '([A-Za-z0-9][A-Za-z0-9_.~%-]{0,199})'

/** `/feeds/sections/shizheng/rss.xml` → what to serve; null when it is not a feed path. `/api` prefixes are ignored. */
export function parseFeedPath(pathname: string): FeedRequest | null {
  const path = pathname.replace(/^\/api(?=\/)/, '').replace(/\/+$/, '')
  if (path === '/sitemaps/news.xml') return { type: 'news-sitemap' }
  const match = new RegExp(`^/feeds(?:/(sections|regions|channels)/${SLUG})?/(rss\\.xml|atom\\.xml|feed\\.json)$`).exec(path)
  if (!match) return null
  const format = FEED_FILES[match[3]!]!
  const value = match[2] ? decodeURIComponent(match[2]) : ''
  const scope: FeedScope =
    match[1] === 'sections'
      ? { kind: 'section', slug: value }
      : match[1] === 'regions'
        ? { kind: 'region', slug: value }
        : match[1] === 'channels'
          ? { kind: 'channel', id: value }
          : { kind: 'all' }
  return { type: 'feed', format, scope }
}
