// Build the Next admin when there is no build yet or sources changed since the last one. Used by `npm start`
// and `npm test` (the end-to-end and browser tests run the built server).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const SOURCES = ['payload.config.ts', 'collections', 'plugins', 'src', 'next.config.mjs', 'package-lock.json']
const SKIP = new Set(['node_modules', '.next', 'data'])

function newestMtime(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(entry)) if (!SKIP.has(name)) newest = Math.max(newest, newestMtime(path.join(entry, name)))
  return newest
}

/** The Express host, compiled once to plain ESM so starting it loads no TypeScript loader (fast, no loader thread). */
export const serverBundle = path.join(root, 'dist', 'server.mjs')

/** Loaded with `node --import` before our code: see preload-lexical.mjs. */
export const preloadLexical = path.join(root, 'scripts', 'preload-lexical.mjs')

/** The `newsroom` command, compiled the same way. */
export const cliBundle = path.join(root, 'dist', 'cli.mjs')

/** Compile an entry point and our own modules into one ESM file; packages stay imports from node_modules. */
export async function bundle(entry, outfile) {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

/** Sources changed since `file` was written (or it does not exist). */
export function isStale(file) {
  if (!existsSync(file) || process.env.NEWSROOM_FORCE_BUILD === 'true') return true
  const at = statSync(file).mtimeMs
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > at)
}

export async function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  const bundledAt = existsSync(serverBundle) ? statSync(serverBundle).mtimeMs : 0
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))
  const fresh = (at) => at && changedAt <= at && process.env.NEWSROOM_FORCE_BUILD !== 'true'
  if (!fresh(bundledAt)) await bundle('src/server.ts', serverBundle)
  if (fresh(builtAt)) return
  console.log(builtAt ? 'Sources changed since the last build: rebuilding the admin…' : 'Building the admin (about a minute)…')
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (build.status !== 0) {
    console.error('The admin build failed (see above).')
    process.exit(build.status ?? 1)
  }
}
