#!/usr/bin/env node
// `npx newsroom …`: runs the CLI (src/cli/main.ts), compiled to dist/cli.mjs (and its import's reading thread to
// dist/story-reader-worker.mjs) on first use and whenever the sources changed, from the project root.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { cliBundle, ensureCliBundle, lexicalBuild } = await import(path.join(root, 'scripts', 'ensure-build.mjs'))
await ensureCliBundle()
const child = spawn(process.execPath, ['--no-deprecation', '--enable-source-maps', lexicalBuild(), cliBundle, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NEWSROOM_ROOT: process.env.NEWSROOM_ROOT || root, NEWSROOM_CLI_CWD: process.cwd() },
  cwd: root,
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
