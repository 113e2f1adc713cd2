/**
 * Where the reader site reads from and what it links to. The host sets NEWSROOM_SITE_ORIGIN to its own
 * loopback address once it listens (the port may be chosen at start); NEWSROOM_SITE_GRAPHQL_URL points the
 * site at another Newsroom's public GraphQL endpoint instead.
 */
import { publicUrl } from '../env'

export const siteGraphqlUrl = (): string =>
  process.env.NEWSROOM_SITE_GRAPHQL_URL ||
  `${process.env.NEWSROOM_SITE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`}/api/graphql`

/** An absolute URL on the public site: canonical links, OpenGraph, JSON-LD. Absolute inputs pass through. */
export const absoluteUrl = (pathOrUrl: string): string => (/^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${publicUrl()}${pathOrUrl}`)
