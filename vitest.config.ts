import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') } },
  test: {
    exclude: ['tests/bench/**', 'node_modules/**'],
    setupFiles: ['tests/support/env-setup.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: integration files each boot Payload; more workers only thrash.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', NEWSROOM_SEED: 'false' },
    projects: [
      {
        extends: true,
        // Pure functions, no database or server: the files share a process and its loaded modules
        // (40 s → 11 s for the unit files on this machine; each process of their own mostly re-imported the plugins).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        // Each file boots Payload on a database of its own (tests/support/env-setup.ts), so each gets a fresh process.
        test: { name: 'app', include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'] },
      },
    ],
  },
})
