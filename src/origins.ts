/**
 * Which browser origins the CMS trusts, derived from the public origin (NEWSROOM_PUBLIC_URL via publicUrl()).
 *
 * - Session cookies (Payload's `csrf` list): a request carrying the login cookie counts as logged in only when
 *   its Origin is trusted, so a page on another site cannot make an editor's browser create or publish a story.
 *   Closed by default: the public origin only, plus NEWSROOM_TRUSTED_ORIGINS.
 * - CORS (Payload's `cors`): which other sites' scripts may call the API from a browser. Default: the public
 *   origin only (same-origin needs no CORS), plus NEWSROOM_CORS_ORIGINS for a frontend on another origin.
 * When NEWSROOM_PUBLIC_URL is unset (a laptop, the test rig) the server's own loopback origins are trusted,
 * with the port it really listens on (see trustListeningOrigins).
 */
import type { Payload } from 'payload'

import { publicUrl } from './env'

export const TRUSTED_ORIGINS_ENV = 'NEWSROOM_TRUSTED_ORIGINS'
export const CORS_ORIGINS_ENV = 'NEWSROOM_CORS_ORIGINS'

/** `https://a.example/, http://b.example:8080` → origins; anything that is not an http(s) origin is dropped. */
export function parseOrigins(value: string | undefined): string[] {
  const origins: string[] = []
  for (const entry of (value ?? '').split(',')) {
    try {
      const url = new URL(entry.trim())
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.push(url.origin)
    } catch {
      // not an origin: ignored (a typo must not open anything)
    }
  }
  return origins
}

function loopbackOrigins(port: number | string): string[] {
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`)
}

const unique = (values: string[]) => [...new Set(values)]

/** Origins whose requests may use the session cookie. */
export function trustedOrigins(): string[] {
  const local = process.env.NEWSROOM_PUBLIC_URL ? [] : loopbackOrigins(process.env.PORT || 3000)
  return unique([new URL(publicUrl()).origin, ...local, ...parseOrigins(process.env[TRUSTED_ORIGINS_ENV])])
}

/** Origins allowed to call the API from a browser script. */
export function corsOrigins(): string[] {
  return unique([new URL(publicUrl()).origin, ...parseOrigins(process.env[CORS_ORIGINS_ENV])])
}

/**
 * Without NEWSROOM_PUBLIC_URL the config was built before the port was known (PORT=0 in tests): trust the
 * loopback origins of the port the server actually listens on.
 */
export function trustListeningOrigins(payload: Payload, port: number): void {
  if (process.env.NEWSROOM_PUBLIC_URL) return
  const config = payload.config as { csrf: string[]; cors?: unknown }
  for (const origin of loopbackOrigins(port)) {
    if (!config.csrf.includes(origin)) config.csrf.push(origin)
    if (Array.isArray(config.cors) && !config.cors.includes(origin)) config.cors.push(origin)
  }
}
