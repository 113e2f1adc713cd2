/**
 * `newsroom import` as a desk runs it (bin/newsroom.mjs, a process of its own) on the database the app uses:
 * legacy stories come in as drafts with their dateline and byline as data, each reporter is created once
 * however many stories credit them, a second run updates instead of duplicating, and a file that cannot be
 * imported is named with the reason while the others still come in.
 */
import type { Payload } from 'payload'

import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { bootDesk, type TestDesk } from '../support/payload'
import { foundingStorySource } from '../support/founding-story'

const root = path.resolve(import.meta.dirname, '../..')
const founding = foundingStorySource()

let desk: TestDesk
let payload: Payload
let storiesDir: string

function newsroom(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/newsroom.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, NEWSROOM_SEED: 'false' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

/** The founding story under another headline, credited to another reporter (in traditional script, as sent). */
const variant = (headline: string, reporter: string) => {
  const [, ...rest] = founding.split('\n')
  return [headline, ...rest].join('\n').replace('(丁憲民 報道)', `(${reporter} 報道)`)
}

beforeAll(async () => {
  // One database for this file and the CLI's process: a SQLite file (in-memory cannot be shared), or this
  // file's PostgreSQL database.
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${path.join(process.env.NEWSROOM_DATA_DIR!, 'cli.db')}`
  desk = await bootDesk()
  payload = desk.payload
  storiesDir = mkdtempSync(path.join(tmpdir(), 'newsroom-cli-stories-'))
  writeFileSync(path.join(storiesDir, '01-founding.md'), founding)
  writeFileSync(path.join(storiesDir, '02-second.md'), variant('興仁縣黨建工作再上新臺階', '丁憲民'))
  writeFileSync(path.join(storiesDir, '03-third.md'), variant('興仁縣基層組織建設紀實', '王麗'))
  writeFileSync(path.join(storiesDir, 'notes.txt'), '')
}, 180_000)
afterAll(async () => {
  await desk?.close()
})

describe('newsroom import', () => {
  test('imports a folder as drafts in house style, each reporter once; an empty file is named and skipped', async () => {
    const { code, out } = newsroom('import', storiesDir)
    expect(out).toContain('Imported 4 file(s): 3 created, 0 updated (already imported), 1 failed')
    expect(out).toMatch(/✗ notes\.txt: .+/)
    expect(out).toMatch(/Took [\d.]+ s after start-up \([\d.]+ stories\/s\)/)
    expect(code).toBe(1)

    const { docs } = await payload.find({ collection: 'articles', draft: true, sort: 'title', depth: 1, limit: 10 })
    expect(docs.map((d) => d.title).sort()).toEqual(
      ['兴仁县“三抓三强”加快后进党组织转化', '兴仁县党建工作再上新台阶', '兴仁县基层组织建设纪实'].sort(),
    )
    for (const doc of docs as any[]) {
      expect(doc._status).toBe('draft')
      expect(doc.dateline.outlet).toBe('亮点黔西南')
      expect(doc.html).not.toMatch(/\((?:qiáng|zhèn)\)/)
    }
    const third = (docs as any[]).find((d) => d.title === '兴仁县基层组织建设纪实')
    expect(third.bylineText).toBe('（王丽 报道）')
    const ding = await payload.find({ collection: 'authors', where: { name: { equals: '丁宪民' } } })
    expect(ding.totalDocs).toBe(1)
    // The first run also bundles the CLI (bin/newsroom.mjs): minutes on a loaded two-core machine.
  }, 300_000)

  test('a second run updates the same stories instead of duplicating them', async () => {
    const before = (await payload.count({ collection: 'articles', draft: true } as never)).totalDocs
    const { out } = newsroom('import', path.join(storiesDir, '01-founding.md'), path.join(storiesDir, '03-third.md'))
    expect(out).toContain('Imported 2 file(s): 0 created, 2 updated (already imported), 0 failed')
    expect((await payload.count({ collection: 'articles', draft: true } as never)).totalDocs).toBe(before)
  }, 300_000)
})
