/**
 * Everything the app reads from the environment, in one place (the README lists the same variables).
 * Problems raise StartupError: the server prints its message as one line and exits non-zero.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export class StartupError extends Error {
  override name = 'StartupError'
}

/**
 * The project root: payload.config.ts lives here; ./data holds the embedded database, media and secret.
 * Taken from the working directory (npm scripts run there), not from this file's URL: inside the Next
 * bundle this module lives under .next/.
 */
// Runtime data locations, not code: `turbopackIgnore` keeps the admin build from tracing the whole project
// into its output because of them (and from warning about it).
export const projectRoot = path.resolve(/*turbopackIgnore: true*/ process.env.NEWSROOM_ROOT || process.cwd())

export const dataDir = (): string => path.resolve(/*turbopackIgnore: true*/ process.env.NEWSROOM_DATA_DIR || path.join(projectRoot, 'data'))

export const isProduction = (): boolean => process.env.NODE_ENV === 'production'

/**
 * The Payload secret. On the embedded default (no DATABASE_URI) a missing secret is generated once and kept in
 * ./data/.payload-secret so that `npm start` needs no setup and sessions survive restarts. A deployment that
 * points at a database server must set PAYLOAD_SECRET itself when NODE_ENV=production.
 */
export function resolvePayloadSecret(): string {
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  if (process.env.DATABASE_URI && isProduction()) {
    throw new StartupError('PAYLOAD_SECRET is not set: it is required in production when DATABASE_URI points at a database server.')
  }
  const file = path.join(dataDir(), '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(dataDir(), { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/**
 * The public origin of the site: every public link (feeds, news sitemap, NINJS, WeChat "read more", the reader
 * site's story and media URLs) starts with it. NEWSROOM_PUBLIC_URL, else `http://localhost:$PORT`; the
 * distribution plugin gets it once, from payload.config.ts.
 */
export function publicUrl(): string {
  const configured = process.env.NEWSROOM_PUBLIC_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  return `http://localhost:${process.env.PORT?.trim() || 3000}`
}

/**
 * A production server must be told its public origin: a guessed localhost origin would put unreachable links
 * into every feed, sitemap, NINJS item and WeChat article. Checked at startup (not in publicUrl(): the admin
 * build also runs with NODE_ENV=production). `npm start` (scripts/start.mjs) sets it for a local start.
 */
export function requirePublicUrlInProduction(): void {
  if (isProduction() && !process.env.NEWSROOM_PUBLIC_URL?.trim()) {
    throw new StartupError(
      'NEWSROOM_PUBLIC_URL is not set: it is required in production (the public origin of every feed, sitemap, NINJS and WeChat link).',
    )
  }
}

/** Seeding demo content on an empty database is on unless NEWSROOM_SEED=false. */
export const seedEnabled = (): boolean => process.env.NEWSROOM_SEED !== 'false'
