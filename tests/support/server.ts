/**
 * Starts the built Newsroom server (`src/server.ts`, as `npm start` runs it) in a child process on a free
 * port, against a database of its own: a temp SQLite file, or a fresh PostgreSQL database under
 * TEST_DATABASE_URI. Resolves once it prints its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { lexicalBuild } from '../../scripts/lexical-build.mjs'
import { freePort } from './free-port'

/** The compiled Express host (`npm start` and `npm test` build it with the admin: scripts/ensure-build.mjs). */
export const serverBundle = path.resolve(import.meta.dirname, '../../dist/server.mjs')
/** The server runs in production: Lexical's production build, loaded directly (scripts/lexical-build.mjs says why). */
export const lexicalProductionBuild = lexicalBuild('production')

/**
 * A server for tests on a desk of its own (no demo seed) whose deliveries stranded by a kill come back quickly:
 * jobs every 200 ms, a recovery sweep every second for deliveries stranded a second, one second of lease margin.
 */
export const FAST_RECOVERY_ENV = {
  NEWSROOM_SEED: 'false',
  NEWSROOM_JOBS_INTERVAL_MS: '200',
  NEWSROOM_DELIVERY_RECOVERY_MS: '1000',
  NEWSROOM_DELIVERY_RECOVERY_GRACE_MS: '1000',
  NEWSROOM_DELIVERY_LEASE_MARGIN_MS: '1000',
  NEWSROOM_DELIVERY_BACKOFF_MS: '200',
}

export interface RunningApp {
  url: string
  dataDir: string
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

async function postgres(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

export interface StartAppOptions {
  /**
   * Run against this database instead of a fresh one (a restart, or a second process on the same database);
   * the caller owns it, so stop() leaves it in place.
   */
  databaseUri?: string
  /** How long the start may take before it counts as failed (a loaded machine starts Next slowly). @default 90 s */
  startTimeoutMs?: number
  /**
   * Run another checkout's build (its dist/server.mjs and .next) instead of this one's: the desk benchmark puts
   * a baseline beside the current code in one run.
   */
  root?: string
}

/**
 * A fresh PostgreSQL database under TEST_DATABASE_URI (its URI), or '' on SQLite: for a test that hands it to
 * more than one process (startApp's databaseUri, the CLI's DATABASE_URI). The global teardown drops it.
 */
export async function createTestDatabase(label = ''): Promise<string> {
  if (!process.env.TEST_DATABASE_URI) return ''
  const dbName = `newsroom_e2e_${process.env.NEWSROOM_TEST_RUN ?? 'adhoc'}_${label}${randomBytes(3).toString('hex')}`
  await postgres(`CREATE DATABASE ${dbName}`)
  const url = new URL(process.env.TEST_DATABASE_URI)
  url.pathname = `/${dbName}`
  return url.toString()
}

export async function startApp(env: Record<string, string> = {}, options: StartAppOptions = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'newsroom-e2e-'))
  const databaseUri = options.databaseUri || (await createTestDatabase())
  // Production requires the public origin; it names the port the child will listen on, unless the caller sets them.
  const port = env.PORT ?? String(await freePort())
  const root = options.root ? path.resolve(options.root) : path.resolve(import.meta.dirname, '../..')
  const inRoot = (file: string) => path.join(root, path.relative(path.resolve(import.meta.dirname, '../..'), file))
  const child: ChildProcess = spawn(
    process.execPath,
    ['--no-deprecation', '--enable-source-maps', lexicalProductionBuild, inRoot(serverBundle)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: port,
        NEWSROOM_PUBLIC_URL: `http://localhost:${port}`,
        NEWSROOM_DATA_DIR: dataDir,
        DATABASE_URI: databaseUri,
        NEWSROOM_SEED: 'true',
        PAYLOAD_SECRET: 'e2e-secret',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const startTimeoutMs = options.startTimeoutMs ?? 90_000
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${output}`))
    }, startTimeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/localhost:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  // A server that dies while its test still runs leaves only "ECONNREFUSED" in the test's failure: say why here.
  let stopping = false
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n[e2e server ${url} exited early: code ${code}, signal ${signal}]\n${output.slice(-6000)}\n`)
  })
  return {
    url,
    dataDir,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      stopping = true
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      child.kill(signal)
      const code = child.exitCode ?? (await exited)
      rmSync(dataDir, { recursive: true, force: true })
      // A PostgreSQL database is dropped by the global teardown (tests/support/global-setup.ts): this process may
      // still hold pooled connections to it.
      return code
    },
  }
}
