/**
 * Per-address rate limits on the doors a password guesser uses: REST login, forgot-password and
 * reset-password, mounted in the Express host before Next (express-rate-limit, in-memory per process).
 *
 * Login counts failed attempts only, so a newsroom behind one NAT address can still log in all morning; a
 * guesser gets NEWSROOM_LOGIN_RATE_LIMIT tries per window, then 429 (even with the right password) until the
 * window ends. Forgot/reset-password count every request (each may send an email). GraphQL's login and
 * password mutations are refused (see Users' beforeOperation), so this limiter cannot be walked around.
 * Behind a reverse proxy set NEWSROOM_TRUST_PROXY (Express's "trust proxy") so the client address is real.
 */
import type { RequestHandler } from 'express'

import { rateLimit } from 'express-rate-limit'

const intFromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}

export const loginLimitSettings = () => ({
  windowMs: intFromEnv('NEWSROOM_AUTH_RATE_WINDOW_MS', 15 * 60_000),
  failedLogins: intFromEnv('NEWSROOM_LOGIN_RATE_LIMIT', 20),
  passwordResets: intFromEnv('NEWSROOM_PASSWORD_RESET_RATE_LIMIT', 5),
})

function limiter(limit: number, windowMs: number, what: string, countFailuresOnly: boolean): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: countFailuresOnly,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Payload's error shape, so the admin's login form shows the sentence.
    handler: (_req, res, _next, options) => {
      const minutes = Math.ceil(options.windowMs / 60_000)
      res.status(429).json({
        errors: [
          {
            message: `Too many ${what} from this address; try again in up to ${minutes} minutes. / 尝试次数过多，请 ${minutes} 分钟后再试。`,
          },
        ],
      })
    },
  })
}

/** The limiters, by method and path, for the Express host. */
export function loginRateLimits(): { path: string; handler: RequestHandler }[] {
  const settings = loginLimitSettings()
  const resets = limiter(settings.passwordResets, settings.windowMs, 'password reset requests', false)
  return [
    { path: '/api/users/login', handler: limiter(settings.failedLogins, settings.windowMs, 'failed logins', true) },
    { path: '/api/users/forgot-password', handler: resets },
    { path: '/api/users/reset-password', handler: resets },
  ]
}
