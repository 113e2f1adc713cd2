#!/usr/bin/env node
// Fails when the committed migrations no longer match the collections: CI's guard against a schema change
// that ships without its migration. For each SQL database kind it copies the committed migrations to a scratch
// directory, asks Payload to generate a migration there (NEWSROOM_MIGRATION_DIR) and calls them stale when one
// appears. The committed files and any local edits to them are never written to.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { lexicalBuild, root } from './ensure-build.mjs'

const scratch = mkdtempSync(path.join(tmpdir(), 'newsroom-migration-check-'))
const kinds = {
  sqlite: `file:${path.join(scratch, 'migration-check.db')}`,
  postgres: process.env.TEST_DATABASE_URI || 'postgres://postgres@127.0.0.1:5432/postgres',
}
let stale = false
try {
  for (const [kind, uri] of Object.entries(kinds)) {
    const dir = path.join(scratch, kind)
    cpSync(path.join(root, 'migrations', kind), dir, { recursive: true })
    const before = new Set(readdirSync(dir))
    const run = spawnSync(
      process.execPath,
      [lexicalBuild(), path.join(root, 'node_modules/payload/bin.js'), 'migrate:create', 'stale-check', '--skip-empty'],
      {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URI: uri,
          PAYLOAD_SECRET: 'migration-check',
          NEWSROOM_SEED: 'false',
          NEWSROOM_MIGRATION_DIR: scratch,
        },
      },
    )
    if (run.status !== 0) {
      console.error(`Could not check the ${kind} migrations:\n${run.stdout}\n${run.stderr}`)
      process.exitCode = 1
      break
    }
    const added = readdirSync(dir).filter((f) => !before.has(f))
    if (added.length) {
      stale = true
      console.error(`The ${kind} migrations are stale: the collections changed without a migration. Run: npm run migrate:regen`)
    } else {
      console.log(`${kind} migrations are up to date.`)
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
if (stale) process.exitCode = 1
