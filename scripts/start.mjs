#!/usr/bin/env node
// `npm start`: build the admin when needed, then run the Express host in production mode on PORT (default 3000).
import { spawn } from 'node:child_process'
import path from 'node:path'

import { ensureBuild, root } from './ensure-build.mjs'

process.chdir(root)
ensureBuild()
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
const server = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', path.join(root, 'src/server.ts')], { stdio: 'inherit', env })
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
