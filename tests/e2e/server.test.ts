/**
 * The built server as an operator meets it: health and readiness probes, the admin, GraphQL over HTTP,
 * a graceful stop — and a bad start that fails with one clear line.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { lexicalProductionBuild, serverBundle, startApp, type RunningApp } from '../support/server'

let app: RunningApp
let stopped = false
beforeAll(async () => {
  app = await startApp()
}, 180_000)
afterAll(async () => {
  if (!stopped) await app?.stop()
})

describe('the running server', () => {
  test('GET /healthz says the process is up', async () => {
    const res = await fetch(`${app.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  test('GET /readyz says the database answers', async () => {
    const res = await fetch(`${app.url}/readyz`)
    expect(res.status).toBe(200)
    expect((await res.json()).status).toBe('ready')
  })

  test('/admin serves the Payload admin login', async () => {
    const res = await fetch(`${app.url}/admin/login`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Newsroom')
  })

  test('POST /api/graphql returns the founding story to an anonymous caller', async () => {
    const res = await fetch(`${app.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles { docs { title datelineText bylineText } } }' }),
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.data.Articles.docs).toEqual([
      { title: '兴仁县“三抓三强”加快后进党组织转化', datelineText: '亮点黔西南讯', bylineText: '（丁宪民 报道）' },
    ])
  })
})

describe('graceful shutdown', () => {
  test('SIGTERM closes the server and exits 0', async () => {
    const code = await app.stop('SIGTERM')
    stopped = true
    expect(code).toBe(0)
    expect(app.output()).toContain('SIGTERM received')
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow()
  })
})

describe('a bad start exits non-zero with one clear line', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--no-deprecation', lexicalProductionBuild, serverBundle], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        NEWSROOM_PUBLIC_URL: 'http://localhost:3000',
        NEWSROOM_SEED: 'false',
        PAYLOAD_SECRET: 'x',
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    })

  const lastLine = (text: string) =>
    text
      .trim()
      .split('\n')
      .filter((l) => !/^\s*$/.test(l))
      .at(-1) ?? ''

  test('an unsupported DATABASE_URI names the supported schemes', () => {
    const run = start({ DATABASE_URI: 'mysql://root@127.0.0.1/newsroom' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('unsupported scheme "mysql:"')
    expect(run.stderr).toContain('postgres://')
  })

  test('no PAYLOAD_SECRET in production with a database server', () => {
    const run = start({ DATABASE_URI: 'postgres://postgres@127.0.0.1:5432/postgres', PAYLOAD_SECRET: '' })
    expect(run.status).toBe(1)
    expect(lastLine(run.stderr)).toContain('PAYLOAD_SECRET is not set')
  })

  test('no NEWSROOM_PUBLIC_URL in production', () => {
    const run = start({ NEWSROOM_PUBLIC_URL: '' })
    expect(run.status).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('NEWSROOM_PUBLIC_URL is not set: it is required in production')
  })

  test('an unreachable database', () => {
    const run = start({ DATABASE_URI: 'postgres://postgres@127.0.0.1:1/newsroom' })
    expect(run.status).toBe(1)
    expect(lastLine(run.stderr)).toMatch(/database did not answer/)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})
