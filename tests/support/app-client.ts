/**
 * The one HTTP client for a running app (tests/support/server.ts), used as any outside caller reaches it: a JSON
 * body in; the status, headers, text and parsed JSON out (null when the answer is not JSON); a JWT when given;
 * redirects not followed (a test sees the 30x itself).
 */
export interface AppAnswer<T = any> {
  status: number
  ok: boolean
  headers: Headers
  text: string
  body: T
}

export interface AppCall {
  /** A JWT (Payload's `Authorization: JWT …`). */
  token?: string | null
  /** JSON-encoded unless already a string. */
  body?: unknown
  headers?: Record<string, string>
}

export async function callApp<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  { token, body, headers }: AppCall = {},
): Promise<AppAnswer<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      ...(token ? { authorization: `JWT ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // not JSON (an HTML page, a feed): `text` has it
  }
  return { status: res.status, ok: res.ok, headers: res.headers, text, body: json as T }
}

/** Logs in over REST as the user would; the JWT, or an error naming the account. */
export async function logInToApp(baseUrl: string, email: string, password: string): Promise<string> {
  const answer = await callApp<{ token?: string }>(baseUrl, 'POST', '/api/users/login', { body: { email, password } })
  if (!answer.body?.token) throw new Error(`login of ${email} failed: ${answer.status} ${answer.text.slice(0, 300)}`)
  return answer.body.token
}
