/**
 * The feeds twice over: as the host's public routes (`config.custom.publicRoutes`, mounted by the Express host
 * at /feeds/… and /sitemaps/news.xml) and as Payload endpoints under /api (/api/feeds/…), for hosts without
 * their own server. Both answer from the same cache.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { PUBLIC_FEED_PATHS } from './feed-routes'
import type { FeedService } from './feed-service'

export interface PublicRoute {
  path: string
  handler: (req: Request) => Promise<Response>
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

export function feedPublicRoutes(service: FeedService): PublicRoute[] {
  return PUBLIC_FEED_PATHS.map((path) => ({ path, handler: async (req: Request) => (await service.respond(req)) ?? notFound() }))
}

export function feedEndpoints(service: FeedService): Endpoint[] {
  return PUBLIC_FEED_PATHS.map((path) => ({
    path,
    method: 'get' as const,
    handler: async (req: PayloadRequest) => {
      const url = req.url ?? ''
      const request = new Request(url.startsWith('http') ? url : `http://localhost${url}`, { headers: req.headers })
      return (await service.respond(request)) ?? notFound()
    },
  }))
}
