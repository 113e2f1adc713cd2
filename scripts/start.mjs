#!/usr/bin/env node
// `npm start`: build the admin when needed, then run the Express host in production mode on PORT (default 3000).
import { spawn } from 'node:child_process'

import { ensureBuild, lexicalBuild, root, serverBundle } from './ensure-build.mjs'

process.chdir(root)
await ensureBuild()
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
// A production server requires its public origin; a local `npm start` on a fresh machine means this one.
if (!env.NEWSROOM_PUBLIC_URL?.trim()) {
  env.NEWSROOM_PUBLIC_URL = `http://localhost:${env.PORT?.trim() || 3000}`
  console.log(`NEWSROOM_PUBLIC_URL is not set: using ${env.NEWSROOM_PUBLIC_URL} (set it to the site's public address in a deployment).`)
}
const server = spawn(process.execPath, ['--no-deprecation', '--enable-source-maps', lexicalBuild(env.NODE_ENV), serverBundle], {
  stdio: 'inherit',
  env,
})
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
