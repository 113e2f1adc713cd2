/**
 * Security headers on every response — admin, REST, GraphQL, feeds, the reader site — through helmet.
 *
 * The Content-Security-Policy is as tight as the Payload admin (a Next.js app) works under: Next streams its
 * page data in inline <script> tags and the admin styles elements inline, so scripts and styles allow
 * 'unsafe-inline' (nonces would need Next middleware on every page); everything else is same-origin only.
 * Images also come from data:/blob: (upload previews). frame-ancestors 'self': nobody frames the CMS except
 * itself (live preview iframes the reader site, same origin). Plain HTTP deployments (a laptop, the test rig)
 * get neither HSTS nor upgrade-insecure-requests, which would break them.
 */
import type { RequestHandler } from 'express'

import helmet from 'helmet'

import { publicUrl } from './env'

export function securityHeaders(options: { dev?: boolean } = {}): RequestHandler {
  const https = publicUrl().startsWith('https:')
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'frame-src': ["'self'"],
        'object-src': ["'none'"],
        // Next's inline bootstrap scripts; the dev server also evaluates modules.
        'script-src': ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(options.dev ? ['ws:'] : [])],
        'worker-src': ["'self'", 'blob:'],
        'manifest-src': ["'self'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // Media and feeds are meant to be shown and read elsewhere; the API answers only same-site no-cors reads.
    crossOriginResourcePolicy: { policy: 'same-site' },
    frameguard: { action: 'sameorigin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })
}

/** Pictures and feeds are public by design: other sites may embed and fetch them. */
export const shareableResource: RequestHandler = (_req, res, next) => {
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
  next()
}
