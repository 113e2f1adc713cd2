#!/usr/bin/env node
// Fails when the committed migrations no longer match the collections: CI's guard against a schema change
// that ships without its migration. It asks Payload to generate a migration for each SQL database kind and
// treats any new file as "stale" (the file is removed again).
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { preloadLexical, root } from './ensure-build.mjs'

const kinds = {
  sqlite: `file:${path.join(root, 'data', 'migration-check.db')}`,
  postgres: process.env.TEST_DATABASE_URI || 'postgres://postgres@127.0.0.1:5432/postgres',
}
let stale = false
for (const [kind, uri] of Object.entries(kinds)) {
  const dir = path.join(root, 'migrations', kind)
  const before = new Set(readdirSync(dir))
  const run = spawnSync(process.execPath, ['--import', preloadLexical, path.join(root, 'node_modules/payload/bin.js'), 'migrate:create', 'stale-check', '--skip-empty'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URI: uri, PAYLOAD_SECRET: 'migration-check', NEWSROOM_SEED: 'false' },
  })
  if (run.status !== 0) {
    console.error(`Could not check the ${kind} migrations:\n${run.stdout}\n${run.stderr}`)
    process.exit(1)
  }
  const added = readdirSync(dir).filter((f) => !before.has(f))
  if (added.length) {
    stale = true
    console.error(`The ${kind} migrations are stale: the collections changed without a migration. Run:\n  DATABASE_URI=${kind === 'sqlite' ? 'file:./data/tmp.db' : '<postgres url>'} npx payload migrate:create <name>`)
    for (const file of added) rmSync(path.join(dir, file))
    if (added.length) spawnSync('git', ['checkout', '--', path.join('migrations', kind, 'index.ts')], { cwd: root })
  } else {
    console.log(`${kind} migrations are up to date.`)
  }
}
process.exit(stale ? 1 : 0)
