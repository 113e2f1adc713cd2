/**
 * Runs before every test file is imported: points the app at a database of the file's own (the config reads
 * DATABASE_URI when it is first imported). In-memory SQLite by default; with TEST_DATABASE_URI, a PostgreSQL
 * database named for this worker, created lazily by bootDesk() and dropped after the file.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Media and the embedded database of each test file live in a temp folder of their own.
process.env.NEWSROOM_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'newsroom-test-'))
process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
process.env.NEWSROOM_DEMO_PASSWORD ||= 'demo-password-for-tests'
process.env.NEWSROOM_CHANNEL_ALLOWLIST ||= '127.0.0.1:*,localhost:*'
if (process.env.TEST_DATABASE_URI) {
  const url = new URL(process.env.TEST_DATABASE_URI)
  url.pathname = `/newsroom_test_${process.env.NEWSROOM_TEST_RUN ?? 'adhoc'}_${process.pid}${randomBytes(3).toString('hex')}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = 'file::memory:'
}
