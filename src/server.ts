/**
 * The Express host. It initialises Payload once (migrations, demo seed, the jobs runner), serves the health
 * probes, mounts the plugins' public routes (feeds), and hands everything else — admin, REST, GraphQL — to
 * Next. SIGTERM/SIGINT close the HTTP server, stop the job runner and close the database before exiting.
 */
import express from 'express'
import { createHash } from 'node:crypto'
import next from 'next'
import type { Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { getPayload, type Payload } from 'payload'

import { chooseDatabase } from './database'
import { dataDir, requirePublicUrlInProduction, resolvePayloadSecret, StartupError } from './env'
import { describeStartupFailure } from './startup-failure'
import { startJobRunner, type JobRunner } from './job-runner'
import { publicRoutes } from './public-routes'
import { repairAfterCrash } from './repair-after-crash'
import { previewGate } from './site/preview-gate'
import { retractedStories } from './site/retracted-stories'
import { loginRateLimits } from './login-limits'
import { trustListeningOrigins } from './origins'
import { securityHeaders, shareableResource } from './security-headers'
import { requestChecks } from './bad-input/request-checks'
import { startReadCache } from './read-cache/start-read-cache'

export interface RunningServer {
  url: string
  payload: Payload
  close(): Promise<void>
}

export async function startServer(options: { port?: number; dev?: boolean } = {}): Promise<RunningServer> {
  requirePublicUrlInProduction()
  // PORT=0 (tests, several servers at once) asks for a free port. It is chosen before the config loads, because
  // the public origin (publicUrl(): feed, NINJS, WeChat and site links) is built from PORT when the config loads.
  const port = await freePortFor(options.port ?? Number(process.env.PORT || 3000))
  if (!process.env.NEWSROOM_PUBLIC_URL) process.env.PORT = String(port)
  // Check the environment before loading the config, so a bad DATABASE_URI or a missing secret is one clear
  // line rather than an error thrown while modules load.
  chooseDatabase()
  resolvePayloadSecret()
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, cron: false })
  // Before the first request and the first job: settle what a crash left half-saved.
  await repairAfterCrash(payload)
  const jobs: JobRunner = startJobRunner(payload)

  const app = next({ dev: options.dev ?? false, dir: process.cwd(), quiet: true })
  await app.prepare()
  const handle = app.getRequestHandler()

  const server = express()
  server.disable('x-powered-by')
  // Behind a reverse proxy the client address (rate limits) comes from X-Forwarded-For: Express's setting, as is.
  if (process.env.NEWSROOM_TRUST_PROXY) server.set('trust proxy', trustProxySetting(process.env.NEWSROOM_TRUST_PROXY))
  server.use(securityHeaders({ dev: options.dev ?? false }))
  server.use(['/api/media/file', '/feeds', '/sitemaps'], shareableResource)
  for (const { path, handler } of loginRateLimits()) server.post(path, handler)
  // Malformed API requests (wrong content type, oversize, a query or id that cannot fit) answer 4xx here.
  server.use(requestChecks(payload))
  server.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  server.get('/readyz', async (_req, res) => {
    try {
      await payload.count({ collection: 'users', overrideAccess: true })
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: error instanceof Error ? error.message : String(error) })
    }
  })
  server.use(publicRoutes(payload))
  // The reader site (src/app/(site)) renders in Next; a retracted story's 410 is answered here first.
  server.get('/news/:slug', retractedStories(payload))
  // Story previews show drafts: logged-in staff only (src/site/preview-gate.ts).
  server.use('/preview', previewGate(payload))
  // Anonymous GraphQL and REST reads from the cache, purged on publish (src/read-cache/); everything else to Next.
  const readCache = await startReadCache(config, payload.logger)
  server.use(readCache.middleware)
  // No body parser here: Next and Payload read request bodies themselves.
  server.all('/{*splat}', (req, res) => handle(req, res))

  const http: Server = await new Promise((resolve, reject) => {
    const listening = server.listen(port, () => resolve(listening))
    listening.once('error', reject)
  })
  const address = http.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  // The reader site reads the public GraphQL endpoint over HTTP and asks Next to drop cached pages: both here.
  process.env.NEWSROOM_SITE_ORIGIN = `http://127.0.0.1:${actualPort}`
  process.env.NEWSROOM_SITE_CACHE_SCOPE = createHash('sha256')
    .update(process.env.DATABASE_URI || dataDir())
    .digest('hex')
    .slice(0, 16)
  trustListeningOrigins(payload, actualPort)
  return {
    url: `http://localhost:${actualPort}`,
    payload,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeAllConnections?.()
      await jobs.stop()
      await readCache.stop()
      await app.close?.()
      await payload.destroy()
    },
  }
}

/** The port itself, or for 0 one the system hands out now (free a moment later, when the server listens on it). */
async function freePortFor(port: number): Promise<number> {
  if (port !== 0) return port
  const probe = createNetServer()
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new StartupError('could not find a free port for PORT=0')
  return address.port
}

/** `true`, a hop count (`1`) or addresses/subnets, as Express takes them. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true'
  return /^\d+$/.test(value) ? Number(value) : value
}

async function main() {
  let running: RunningServer | undefined
  // Module loading through the tsx loader holds no handle of its own: without this, a start that fails while
  // loading the config can let the event loop drain and exit 0 before the error is reported.
  const keepAlive = setInterval(() => undefined, 1000)
  try {
    running = await startServer()
  } catch (error) {
    console.error(describeStartupFailure(error))
    process.exit(1)
  } finally {
    clearInterval(keepAlive)
  }
  console.log(`Newsroom is running at ${running.url} (admin: ${running.url}/admin, GraphQL: ${running.url}/api/graphql)`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received: finishing in-flight requests and jobs, then exiting.`)
    const force = setTimeout(() => process.exit(1), 15_000)
    force.unref()
    await running?.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main()
export { StartupError }
