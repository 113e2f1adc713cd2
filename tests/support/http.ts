/**
 * REST and GraphQL through Payload's real Next route handlers, called in-process with web Requests — the
 * same code path a browser or a frontend hits, without a network hop.
 */
import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const handlers = { GET: REST_GET, POST: REST_POST, PATCH: REST_PATCH, DELETE: REST_DELETE }

export interface ApiResponse<T = any> {
  status: number
  body: T
}

const headersFor = (token?: string, json = true): Record<string, string> => ({
  ...(json ? { 'Content-Type': 'application/json' } : {}),
  ...(token ? { Authorization: `JWT ${token}` } : {}),
})

/** rest('GET', '/articles?limit=5', { token }) — path below /api. */
export async function rest<T = any>(
  method: keyof typeof handlers,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(`http://localhost/api${path}`)
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
  const request = new Request(url, {
    method,
    headers: { ...headersFor(options.token, options.body !== undefined), ...options.headers },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
  const response = await handlers[method](config)(request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, body: text ? safeJson(text) : null }
}

export async function graphql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<ApiResponse<T>> {
  const request = new Request('http://localhost/api/graphql', {
    method: 'POST',
    headers: headersFor(token),
    body: JSON.stringify({ query, variables }),
  })
  const response = await GRAPHQL_POST(config)(request)
  return { status: response.status, body: safeJson(await response.text()) }
}

function safeJson(text: string) {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
