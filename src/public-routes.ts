/**
 * Public, non-Payload routes the Express host serves before Next: the distribution plugin's feeds and the
 * news sitemap (mounted when that plugin is configured).
 */
import type { Payload } from 'payload'

import { Router } from 'express'

export function publicRoutes(payload: Payload): Router {
  const router = Router()
  const routes = (payload.config.custom?.publicRoutes ?? []) as { path: string; handler: (req: Request) => Promise<Response> }[]
  for (const route of routes) {
    router.get(route.path, async (req, res) => {
      const url = `${req.protocol}://${req.get('host')}${req.originalUrl}`
      const response = await route.handler(new Request(url, { headers: req.headers as Record<string, string> }))
      res.status(response.status)
      response.headers.forEach((value, key) => res.setHeader(key, value))
      res.send(Buffer.from(await response.arrayBuffer()))
    })
  }
  return router
}
