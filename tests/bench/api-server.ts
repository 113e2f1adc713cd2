/**
 * The read benchmark's server: Payload's own REST and GraphQL route handlers (`REST_GET`, `GRAPHQL_POST` from
 * @payloadcms/next/routes — what the app's Next routes call) behind a bare node:http server. The suite and
 * the vanilla baseline run this same file with a different config (BENCH_CONFIG=suite|vanilla), each in its
 * own process, so the comparison measures Payload + plugins, not Next against no Next.
 * BENCH_READ_CACHE=on puts the suite's anonymous read cache in front (src/read-cache/, the same middleware the
 * Express host mounts before Next): the suite as `npm start` serves a frontend.
 *   BENCH_CONFIG=suite PORT=0 node --import tsx tests/bench/api-server.ts   → prints `listening at http://…`
 */
import express from 'express'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { getPayload } from 'payload'

async function main() {
  // Module loading under tsx holds no handle: without this the event loop can drain and exit 0 mid-import.
  const keepAlive = setInterval(() => undefined, 1000)
  const which = process.env.BENCH_CONFIG === 'vanilla' ? 'vanilla' : 'suite'
  const { default: config } = which === 'vanilla' ? await import('./vanilla.config') : await import('../../payload.config')
  const { GRAPHQL_POST, REST_GET } = await import('@payloadcms/next/routes')
  // Boot (and, for the suite, migrate) before listening, as the real server does.
  const payload = await getPayload({ config })
  const rest = REST_GET(config)
  const graphql = GRAPHQL_POST(config)

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
      if (url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}')
        return
      }
      let response: Response
      if (req.method === 'POST' && url.pathname === '/api/graphql') {
        response = await graphql(new Request(url, { method: 'POST', headers: headersOf(req), body: (await bodyOf(req)).toString() }))
      } else if (req.method === 'GET' && url.pathname.startsWith('/api/')) {
        const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean)
        response = await rest(new Request(url, { method: 'GET', headers: headersOf(req) }), { params: Promise.resolve({ slug }) })
      } else {
        res.writeHead(404).end()
        return
      }
      const body = Buffer.from(await response.arrayBuffer())
      const headers: Record<string, string> = {}
      response.headers.forEach((value, key) => {
        if (key !== 'content-length' && key !== 'transfer-encoding') headers[key] = value
      })
      res.writeHead(response.status, { ...headers, 'content-length': String(body.length) }).end(body)
    } catch (error) {
      console.error(error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    }
  }
  const cached = which === 'suite' && process.env.BENCH_READ_CACHE === 'on'
  let server = createServer(handle)
  if (cached) {
    const { startReadCache } = await import('../../src/read-cache/start-read-cache')
    const readCache = await startReadCache(config, payload.logger)
    const app = express()
    app.use(readCache.middleware)
    app.use((req, res) => void handle(req, res))
    server = createServer(app)
  }
  server.keepAliveTimeout = 60_000
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    clearInterval(keepAlive)
    console.log(`${which}${cached ? ' (read cache)' : ''} listening at http://127.0.0.1:${port}`)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else headers.set(key, value)
  }
  return headers
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
