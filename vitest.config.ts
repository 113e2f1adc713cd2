import path from 'node:path'
import { defineConfig } from 'vitest/config'

import { lexicalBuild } from './scripts/lexical-build.mjs'

export default defineConfig({
  resolve: { alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') } },
  test: {
    exclude: ['tests/bench/**', 'node_modules/**'],
    setupFiles: ['tests/support/env-setup.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Workers load Lexical's development build directly: its Node entries can deadlock on Node 20
    // (scripts/lexical-build.mjs).
    execArgv: [lexicalBuild('test')],
    // Two cores: integration files each boot Payload; more workers only thrash.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', NEWSROOM_SEED: 'false' },
    projects: [
      {
        extends: true,
        // No Payload boot and no database of their own (a few start a local receiver or an in-memory libsql, and
        // restore what they change): the files share a process and its loaded modules (40 s → 12 s for the unit
        // files on this machine; in a process each, they mostly re-imported the plugins).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        // Every other test file (integration, e2e, any new folder) boots Payload on a database of its own
        // (tests/support/env-setup.ts), so each gets a fresh process.
        test: { name: 'app', include: ['tests/**/*.test.ts'], exclude: ['tests/unit/**', 'tests/bench/**', 'node_modules/**'] },
      },
    ],
  },
})
