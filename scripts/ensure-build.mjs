// Build the Next admin when there is no build yet or sources changed since the last one. Used by `npm start`
// and `npm test` (the end-to-end and browser tests run the built server).
//
// "Changed" means the list of source files, or any one's size or modification time, differs from what the
// last build saw: a fingerprint of every file under SOURCES is stored beside each output once it is built, so
// an added, edited or deleted file (a migration too) is noticed, whatever the clocks say.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Everything that goes into the admin build or the server/CLI bundles. */
const SOURCES = [
  'payload.config.ts',
  'collections',
  'plugins',
  'src',
  'migrations',
  'next.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
]
const SKIP = new Set(['node_modules', '.next', 'data'])

function listFiles(entry, out) {
  if (!existsSync(entry)) return out
  const stat = statSync(entry)
  if (!stat.isDirectory()) {
    out.push(`${path.relative(root, entry)}\t${stat.size}\t${stat.mtimeMs}`)
    return out
  }
  for (const name of readdirSync(entry).sort()) if (!SKIP.has(name)) listFiles(path.join(entry, name), out)
  return out
}

/** One hash of every source file's path, size and modification time. */
export function sourcesFingerprint() {
  const lines = SOURCES.flatMap((s) => listFiles(path.join(root, s), []))
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

const fingerprintFile = (output) => `${output}.sources`

/** The output is missing, or was built from other sources than these (or a rebuild is forced). */
function outdated(output, fingerprint) {
  if (process.env.NEWSROOM_FORCE_BUILD === 'true' || !existsSync(output) || !existsSync(fingerprintFile(output))) return true
  return readFileSync(fingerprintFile(output), 'utf8').trim() !== fingerprint
}

/** Record what `output` was built from; only after the build succeeded. */
function built(output, fingerprint) {
  writeFileSync(fingerprintFile(output), `${fingerprint}\n`)
}

/** The Express host, compiled once to plain ESM so starting it loads no TypeScript loader (fast, no loader thread). */
export const serverBundle = path.join(root, 'dist', 'server.mjs')

/** The flag that loads Lexical's build directly: see lexical-build.mjs. */
export { lexicalBuild } from './lexical-build.mjs'

/** The `newsroom` command, compiled the same way. */
export const cliBundle = path.join(root, 'dist', 'cli.mjs')

/** The archive importer's reading thread (src/import/story-reader.ts), which it starts from beside its bundle. */
export const storyReaderBundle = path.join(root, 'dist', 'story-reader-worker.mjs')

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

/** Build `entry` into `outfile` unless it is already built from the current sources. */
export async function ensureBundle(entry, outfile, fingerprint = sourcesFingerprint()) {
  if (!outdated(outfile, fingerprint)) return
  await bundle(entry, outfile)
  built(outfile, fingerprint)
}

/** The `newsroom` command and the thread its archive import reads on. */
export async function ensureCliBundle(fingerprint = sourcesFingerprint()) {
  await ensureBundle('src/cli/main.ts', cliBundle, fingerprint)
  await ensureBundle('src/import/story-reader-worker.ts', storyReaderBundle, fingerprint)
}

export async function ensureBuild() {
  // Taken before building: a file edited during the build makes the next run build again.
  const fingerprint = sourcesFingerprint()
  await ensureBundle('src/server.ts', serverBundle, fingerprint)
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!outdated(buildId, fingerprint)) return
  console.log(existsSync(buildId) ? 'Sources changed since the last build: rebuilding the admin…' : 'Building the admin (about a minute)…')
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (build.status !== 0) {
    console.error('The admin build failed (see above).')
    process.exit(build.status ?? 1)
  }
  built(buildId, fingerprint)
}
