#!/usr/bin/env node
// `npx newsroom …`: runs the TypeScript CLI (src/cli/main.ts) through tsx, from the project root.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NEWSROOM_ROOT: process.env.NEWSROOM_ROOT || root, NEWSROOM_CLI_CWD: process.cwd() },
  cwd: root,
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
