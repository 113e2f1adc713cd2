/**
 * Anonymous reads answered from the read cache, in front of Next: GraphQL queries (POST /api/graphql, keyed by
 * query + variables + operation name) and REST GETs of the public collections (keyed by URL; uploaded files are
 * left to Payload's own file route). A miss
 * is answered by Payload's own route handlers — what the app's Next routes call — while read-tags.ts records
 * what the response contains; a 200 without errors is stored under those tags.
 *
 * Never from the cache, and never stored: a request with an Authorization header or a Payload session cookie
 * (logged-in staff see drafts), a browser request carrying Origin (its CORS answer is per origin), a mutation, anything asking for drafts (`draft` in the URL or the query), a
 * response that read a collection the public cannot (read-tags.ts), and everything while purges from other
 * processes could be missed. `x-newsroom-cache: HIT | MISS` says which it was.
 */
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import type { SanitizedConfig } from 'payload'

import { parse, visit, type DocumentNode } from 'graphql'

import type { Invalidation } from './invalidation'
import { shared, type ReadRecorder } from './read-tags'
import type { CachedResponse, TaggedCache } from './tagged-cache'

export interface ReadCacheRoutes {
  config: Promise<SanitizedConfig> | SanitizedConfig
  cache: TaggedCache
  invalidation: Invalidation
  /** REST collections answered from the cache. */
  publicCollections: string[]
  /** The largest GraphQL request body read. @default 64 KiB */
  maxBodyBytes?: number
}

type Handler = (request: Request, context?: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Signed in, or asking for unpublished content: never the cache. */
export function isPrivateRequest(req: ExpressRequest): boolean {
  if (req.headers.authorization) return true
  if (/(^|;\s*)payload-token=/.test(req.headers.cookie ?? '')) return true
  return /[?&](draft|preview)=/i.test(req.originalUrl)
}

/** Only queries (no mutation or subscription), asking for no drafts. */
function isCacheableQuery(document: DocumentNode): boolean {
  const notAQuery = (d: DocumentNode['definitions'][number]) =>
    d.kind === 'OperationDefinition' ? d.operation !== 'query' : d.kind !== 'FragmentDefinition'
  if (document.definitions.some(notAQuery)) return false
  let draft = false
  visit(document, {
    Argument(node) {
      if (node.name.value === 'draft') draft = true
    },
  })
  return !draft
}

async function readBody(req: ExpressRequest, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v)
  }
  return headers
}

function send(res: ExpressResponse, response: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS') {
  res.status(response.status)
  for (const [key, value] of Object.entries(response.headers)) res.setHeader(key, value)
  res.setHeader('x-newsroom-cache', state)
  res.end(response.body)
}

async function toCached(response: Response): Promise<CachedResponse> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    if (key !== 'content-length' && key !== 'transfer-encoding' && key !== 'connection') headers[key] = value
  })
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) }
}

export function readCacheMiddleware(routes: ReadCacheRoutes): RequestHandler {
  const { cache, invalidation } = routes
  const collections = new Set(routes.publicCollections)
  let handlers: Promise<{ graphql: Handler; rest: Handler }> | undefined
  const payloadHandlers = () =>
    (handlers ??= import('@payloadcms/next/routes').then(({ GRAPHQL_POST, REST_GET }) => ({
      graphql: GRAPHQL_POST(routes.config) as Handler,
      rest: REST_GET(routes.config) as Handler,
    })))

  /** Build the response with Payload's handler, recording what it reads; store it when it may be shared. */
  async function answer(res: ExpressResponse, key: string | null, build: () => Promise<Response>, isGraphQL: boolean) {
    const recorder: ReadRecorder = { tags: new Set(), uncacheable: false }
    const generation = cache.generation
    const response = await toCached(await shared.recorder.run(recorder, build))
    let store = key !== null && invalidation.live && response.status === 200 && !recorder.uncacheable && !response.headers['set-cookie']
    if (store && isGraphQL) {
      try {
        store = !(JSON.parse(response.body.toString('utf8')) as { errors?: unknown }).errors
      } catch {
        store = false
      }
    }
    if (store) cache.set(key!, response, recorder.tags, generation)
    send(res, response, store ? 'MISS' : 'BYPASS')
  }

  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const path = req.path
      const isGraphQL = path === '/api/graphql' && req.method === 'POST'
      const segments = path.split('/')
      const restSlug = req.method === 'GET' && segments[1] === 'api' && segments[3] !== 'file' ? segments[2] : undefined
      // A browser's cross-origin call carries Origin and needs CORS headers made for that origin (Payload's cors
      // list): it goes to Payload through Next, never to a shared entry built for another caller.
      if ((!isGraphQL && !(restSlug && collections.has(restSlug))) || isPrivateRequest(req) || req.headers.origin) return next()
      const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
      const { graphql, rest } = await payloadHandlers()

      if (!isGraphQL) {
        const key = `rest ${req.originalUrl}`
        const hit = invalidation.live ? cache.get(key) : undefined
        if (hit) return send(res, hit, 'HIT')
        const slug = path.split('/').filter(Boolean).slice(1)
        return await answer(
          res,
          key,
          () => rest(new Request(url, { method: 'GET', headers: headersOf(req) }), { params: Promise.resolve({ slug }) }),
          false,
        )
      }

      const body = await readBody(req, routes.maxBodyBytes ?? 64 * 1024)
      if (body === null) return void res.status(413).json({ errors: [{ message: 'GraphQL request body too large' }] })
      let request: { query?: unknown; variables?: unknown; operationName?: unknown } = {}
      try {
        request = JSON.parse(body.toString('utf8') || '{}')
      } catch {
        request = {} // Payload answers the malformed body itself
      }
      const candidate =
        typeof request.query === 'string'
          ? `graphql ${JSON.stringify([request.query, request.variables ?? null, request.operationName ?? null])}`
          : null
      // Only cacheable queries are ever stored, so a hit needs no parsing; the query is parsed on a miss.
      const hit = candidate && invalidation.live ? cache.get(candidate) : undefined
      if (hit) return send(res, hit, 'HIT')
      let cacheable = candidate !== null
      if (cacheable) {
        try {
          cacheable = isCacheableQuery(parse(request.query as string, { noLocation: true }))
        } catch {
          cacheable = false // Payload answers the syntax error itself
        }
      }
      const key = cacheable ? candidate : null
      const headers = headersOf(req)
      headers.delete('content-length')
      return await answer(res, key, () => graphql(new Request(url, { method: 'POST', headers, body: body as unknown as BodyInit })), true)
    } catch (error) {
      next(error)
    }
  }
}
