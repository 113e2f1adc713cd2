#!/usr/bin/env node
// Before the first release the schema ships as one `initial` migration per SQL database kind. After a
// collection change, run `node scripts/regen-migrations.mjs` to regenerate both (SQLite and PostgreSQL).
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { lexicalBuild, root } from './ensure-build.mjs'

const kinds = {
  sqlite: `file:${path.join(root, 'data', `regen-${process.pid}.db`)}`,
  postgres: process.env.TEST_DATABASE_URI || 'postgres://postgres@127.0.0.1:5432/postgres',
}
for (const [kind, uri] of Object.entries(kinds)) {
  const dir = path.join(root, 'migrations', kind)
  for (const file of readdirSync(dir)) rmSync(path.join(dir, file))
  writeFileSync(path.join(dir, 'index.ts'), 'export const migrations = []\n')
  const run = spawnSync(process.execPath, [lexicalBuild(), path.join(root, 'node_modules/payload/bin.js'), 'migrate:create', 'initial'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URI: uri, PAYLOAD_SECRET: 'regen', NEWSROOM_SEED: 'false' },
  })
  if (run.status !== 0) {
    console.error(`${kind}: migrate:create failed\n${run.stdout}\n${run.stderr}`)
    process.exit(1)
  }
  console.log(`${kind}: ${readdirSync(dir).join(', ')}`)
}
rmSync(kinds.sqlite.slice(5), { force: true })
