/**
 * Request checks in the Express host, before Next and Payload see the request: a write to the API must be JSON
 * or a multipart upload within the size limit (a `text/plain` create reached Payload with no data: 500), and a
 * REST query's `where`, `sort`, `page`, `limit` and `depth`, and a document id in the URL, must fit the
 * collection (query-shape.ts). Refusals are Payload's error shape, `{ errors: [{ message, data }] }`.
 */
import type { RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import * as qs from 'qs-esm'

import { idIsNumber, isValidId } from './ids'
import { MAX_INT4, MAX_JSON_BYTES, MAX_UPLOAD_BYTES } from './limits'
import { describeProblems, type Problem } from './problems'
import { paginationProblems, sortProblems, whereProblems } from './query-shape'

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

function refuse(res: Response, status: number, message: string, problems: Problem[] = []) {
  res.status(status).json({
    errors: [
      { message, ...(problems.length ? { data: { errors: problems.map((p) => ({ path: p.path, message: `${p.en} / ${p.zh}` })) } } : {}) },
    ],
  })
}

/**
 * The first path segments of a collection's own routes (`count`, `versions`, `login`, …): anything else is an
 * id. Null when a route takes another parameter there (preferences' `/:key`): then nothing is checked.
 */
function routeWords(payload: Payload, slug: string): Set<string> | null {
  const endpoints = payload.collections[slug]?.config.endpoints
  const words = new Set<string>()
  if (Array.isArray(endpoints)) {
    for (const endpoint of endpoints) {
      const first = endpoint.path.split('/')[1]
      if (first?.startsWith(':') && first !== ':id') return null
      if (first && !first.startsWith(':')) words.add(first)
    }
  }
  return words
}

export function requestChecks(payload: Payload): RequestHandler {
  const collections = new Map(Object.keys(payload.collections).map((slug) => [slug, routeWords(payload, slug)]))
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return next()
    const segments = req.path
      .split('/')
      .slice(2)
      .map((s) => decodeURIComponent(s))

    if (WRITES.has(req.method)) {
      const length = req.headers['content-length']
      const chunked = req.headers['transfer-encoding'] !== undefined
      const [type = ''] = (req.headers['content-type'] ?? '').split(';', 1)
      const mediaType = type.trim().toLowerCase()
      const multipart = mediaType === 'multipart/form-data'
      // Payload's admin sends a long read (a relationship field's search) as a POST of a urlencoded query
      // marked X-Payload-HTTP-Method-Override: GET; Payload reads it as that GET.
      const readAsGet =
        mediaType === 'application/x-www-form-urlencoded' &&
        String(req.headers['x-payload-http-method-override'] ?? '').toUpperCase() === 'GET'
      if (chunked && length === undefined) {
        return refuse(res, 411, 'Send the body with a Content-Length header. / 请求体须带 Content-Length。')
      }
      const bytes = Number(length ?? 0)
      const limit = multipart ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES
      if (bytes > limit) {
        return refuse(
          res,
          413,
          `The request body is ${bytes} bytes; the limit is ${limit / 1024 / 1024} MB. / 请求体过大，上限为 ${limit / 1024 / 1024} MB。`,
        )
      }
      // GraphQL answers other content types itself (graphql-http: 415).
      if (bytes > 0 && segments[0] !== 'graphql' && mediaType !== 'application/json' && !multipart && !readAsGet) {
        return refuse(
          res,
          415,
          `Send the body as application/json (or multipart/form-data for an upload), not ${mediaType || 'without a Content-Type'}. / 请求体须为 application/json（上传文件用 multipart/form-data）。`,
        )
      }
    }

    const [slug, second, third] = segments
    if (!slug || !collections.has(slug)) return next()
    const own = collections.get(slug)
    // /api/articles/abc: an id that cannot exist is "not found", not a database error.
    const id = !own ? undefined : second === 'versions' ? third : second && !own.has(second) ? second : undefined
    if (id !== undefined && !isValidId(payload, slug, id)) {
      const rule = idIsNumber(payload, slug)
        ? `ids are whole numbers up to ${payload.db.name === 'postgres' ? MAX_INT4 : Number.MAX_SAFE_INTEGER}`
        : 'ids are text'
      return refuse(res, 404, `Not found: ${slug} has no document "${id.slice(0, 40)}" (${rule}). / 未找到该文档（${slug}）。`)
    }

    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''
    if (!search) return next()
    const query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<
      string,
      unknown
    >
    let where = query.where
    if (typeof where === 'string' && where.length > 0) {
      try {
        where = JSON.parse(where)
      } catch {
        return refuse(res, 400, 'where: not valid JSON. / where 参数不是有效的 JSON。')
      }
    }
    const findsDocuments = second === undefined || second === 'count'
    const problems = [
      ...paginationProblems(query),
      ...(findsDocuments ? whereProblems(payload, slug, where) : []),
      ...(second === undefined && req.method === 'GET' ? sortProblems(payload, slug, query.sort) : []),
    ]
    if (problems.length) return refuse(res, 400, describeProblems(problems), problems)
    next()
  }
}
