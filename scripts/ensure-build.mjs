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

export function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
  const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))))
  if (builtAt && changedAt <= builtAt && process.env.NEWSROOM_FORCE_BUILD !== 'true') return
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
