#!/usr/bin/env node
// `npm test`: builds the admin if needed (the end-to-end and browser tests run the built server), then runs
// every vitest suite — unit, integration (through Payload), e2e (HTTP and a real browser).
// The database is SQLite in memory, or PostgreSQL when TEST_DATABASE_URI is set (each test file gets a fresh
// database). Extra arguments go to vitest, e.g. `npm test -- tests/unit`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { ensureBuild, root } from './ensure-build.mjs'

const args = process.argv.slice(2)
const onlyUnit = args.length > 0 && args.every((a) => a.startsWith('tests/unit'))
if (!onlyUnit) await ensureBuild()

const reportDir = path.join(root, 'tests', 'artifacts')
mkdirSync(reportDir, { recursive: true })
const report = path.join(reportDir, 'vitest-report.json')
// A report left by an earlier run must never be read as this one's.
rmSync(report, { force: true })
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
)
try {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults } = JSON.parse(readFileSync(report, 'utf8'))
  const database = process.env.TEST_DATABASE_URI ? 'PostgreSQL' : 'SQLite'
  // A file that fails before its tests run (a setup error) counts no failed test: name it, or the line lies.
  const brokenFiles = (testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  )
  console.log(`\nDatabase: ${database}`)
  console.log(`${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`)
  for (const file of brokenFiles) console.log(`not run: ${path.relative(root, file.name)} — ${String(file.message ?? '').split('\n')[0]}`)
} catch (error) {
  console.log(
    `\nNo summary: vitest wrote no readable report this run (${error.code ?? error.message}). Exit code ${run.status ?? run.signal}.`,
  )
}
process.exit(run.status ?? 1)
