/**
 * `newsroom import` of an archive, in batches (bin/newsroom.mjs, a process of its own, on the database the app
 * uses), read back through Payload as an editor: every story arrives checked — rendered dateline, byline and html,
 * findings, the workflow's stage and history, its version for the admin's lists — a refused file in a batch is
 * named while the batch's other stories land, a second run updates instead of duplicating, and an import killed
 * mid-run (SIGKILL) and run again leaves every story exactly once.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { writeVariantFiles } from '../bench/import'
import { bootDesk, type TestDesk } from '../support/payload'

const root = path.resolve(import.meta.dirname, '../..')

let desk: TestDesk
let payload: Payload
let editor: Record<string, unknown>

const cliEnv = () => ({ ...process.env, NEWSROOM_SEED: 'false' })

function newsroom(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/newsroom.mjs'), ...args], {
    cwd: root,
    env: cliEnv(),
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { code: run.status, out: `${run.stdout}${run.stderr}` }
}

/**
 * A folder of `count` archive stories (the benchmark's variants of the founding story, as it reached us), each
 * headline led by `desk` so that two archives share no story.
 */
function archive(count: number, desk: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-archive-'))
  writeVariantFiles(dir, count)
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    writeFileSync(file, `${desk}${readFileSync(file, 'utf8')}`)
  }
  return dir
}

async function storiesByKey(): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    limit: 0,
    pagination: false,
    depth: 0,
    select: { importKey: true },
    overrideAccess: false,
    user: editor,
  })
  const keys = new Map<string, number>()
  for (const doc of docs as { importKey?: string }[]) keys.set(String(doc.importKey), (keys.get(String(doc.importKey)) ?? 0) + 1)
  return keys
}

const count = async (collection: 'articles' | 'workflow-events', where: Record<string, unknown> = {}) =>
  (await payload.count({ collection, where, overrideAccess: false, user: editor } as never)).totalDocs

beforeAll(async () => {
  // One database for this file and the CLI's processes: a SQLite file, or this file's PostgreSQL database.
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${path.join(process.env.NEWSROOM_DATA_DIR!, 'archive.db')}`
  desk = await bootDesk()
  payload = desk.payload
  editor = {
    ...(await payload.create({
      collection: 'users',
      data: { email: 'archive-editor@newsroom.test', password: 'archive-pass-1', roles: ['editor'], name: '审稿编辑' },
    })),
    collection: 'users',
  }
}, 180_000)
afterAll(async () => {
  await desk?.close()
})

describe('newsroom import of an archive, in batches', () => {
  test('every story of every batch lands checked and rendered, with its history and version; a refused file is named and its batch still lands', async () => {
    const dir = archive(45, '晴隆')
    // A headline longer than the 200 characters a story may have: refused by validation, in the middle of a batch.
    writeFileSync(path.join(dir, 'story-0020-bad.md'), `${'兴仁县'.repeat(80)}\n亮点黔西南讯 正文一段。\n`)
    const { code, out } = newsroom('import', dir, '--batch', '10')
    expect(out).toContain('Imported 46 file(s): 45 created, 0 updated (already imported), 1 failed')
    expect(out).toMatch(/✗ story-0020-bad\.md: title: .+/)
    expect(out).toMatch(/stories\/s\); peak memory \d+ MB/)
    // The bundle's reading thread was there and stayed up: the importer warns when it reads on the main thread.
    expect(out).not.toMatch(/reading thread/)
    expect(code).toBe(1)
    if (process.env.TEST_DATABASE_URI) {
      // PostgreSQL's planner has statistics of the filled story tables as soon as the import ends.
      expect(out).toMatch(/Refreshed PostgreSQL's statistics of the story tables \(\d+ ms\)/)
      const analysed = (await payload.db.drizzle.execute(
        sql`select relname from pg_stat_user_tables where last_analyze is not null and relname in ('articles', 'articles_credits', '_articles_v')`,
      )) as unknown as { rows: { relname: string }[] }
      expect(analysed.rows.map((r) => r.relname).sort()).toEqual(['_articles_v', 'articles', 'articles_credits'])
    } else expect(out).not.toContain('statistics')

    const { docs } = await payload.find({
      collection: 'articles',
      draft: true,
      limit: 100,
      depth: 1,
      sort: 'createdAt',
      overrideAccess: false,
      user: editor,
    })
    expect(docs).toHaveLength(45)
    const slugs = new Set<string>()
    for (const doc of docs as any[]) {
      expect(doc._status).toBe('draft')
      expect(doc.stage).toBe('draft')
      // Fixed to house style (simplified script, no pinyin artifacts) and rendered from data.
      expect(doc.title).not.toMatch(/[強縣黨]|\(qiáng\)/)
      expect(doc.html).toContain('<p>')
      expect(doc.datelineText).toMatch(/讯|电/)
      expect(doc.credits.length).toBeGreaterThan(0)
      expect(doc.credits[0].author.name).toMatch(/^\p{Script=Han}{2,3}$/u)
      expect(Array.isArray(doc.styleFindings)).toBe(true)
      expect(doc.workflowSequence).toBe(1)
      slugs.add(doc.slug)
    }
    // The variants share a long headline: each still has its own slug.
    expect(slugs.size).toBe(45)

    // The workflow history: one creation entry per story.
    for (const doc of docs.slice(0, 5)) {
      const { docs: history } = await payload.find({
        collection: 'workflow-events',
        where: { article: { equals: doc.id } },
        overrideAccess: false,
        user: editor,
      })
      expect(history.map((e: any) => [e.sequence, e.toStage])).toEqual([[1, 'draft']])
    }
    expect(await count('workflow-events')).toBe(45)
    // The version the admin's lists and the document view read.
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: docs[0]!.id } },
      overrideAccess: false,
      user: editor,
    })
    expect(versions.docs).toHaveLength(1)
    expect((versions.docs[0] as any).latest).toBe(true)
    expect((versions.docs[0] as any).version.bylineText).toBe((docs[0] as any).bylineText)

    // A reader sees none of them (drafts), and an editor can publish one: it was stored as a checked draft.
    const published = await payload.update({
      collection: 'articles',
      id: docs[1]!.id,
      data: { _status: 'published' },
      overrideAccess: false,
      user: editor,
    })
    expect((published as any).stage).toBe('published')

    // Run again: the same stories are updated, none duplicated.
    const again = newsroom('import', dir, '--batch', '10')
    expect(again.out).toContain('Imported 46 file(s): 0 created, 45 updated (already imported), 1 failed')
    const keys = await storiesByKey()
    expect(keys.size).toBe(45)
    expect([...keys.values()].every((n) => n === 1)).toBe(true)
  }, 300_000)

  test('an import killed mid-run and run again leaves every story exactly once, each with its history', async () => {
    const before = await count('articles')
    const eventsBefore = await count('workflow-events')
    const dir = archive(300, '普安')
    const total = readdirSync(dir).length
    // A process group of its own: bin/newsroom.mjs and the CLI it starts are killed together.
    const child = spawn(process.execPath, [path.join(root, 'bin/newsroom.mjs'), 'import', dir, '--batch', '20'], {
      cwd: root,
      env: cliEnv(),
      stdio: 'ignore',
      detached: true,
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    // Kill it (no chance to clean up) once some batches are in and before the last.
    let landed = 0
    for (let waited = 0; waited < 170_000; waited += 100) {
      landed = (await count('articles')) - before
      if (landed >= 40 || child.exitCode !== null) break
      await new Promise((r) => setTimeout(r, 100))
    }
    process.kill(-child.pid!, 'SIGKILL')
    await exited
    const afterKill = (await count('articles')) - before
    expect(landed).toBeGreaterThan(0)
    expect(afterKill).toBeLessThan(total)
    // Whole batches only: every story that landed has its creation entry.
    expect((await count('workflow-events')) - eventsBefore).toBe(afterKill)

    const { out } = newsroom('import', dir, '--batch', '20')
    expect(out).toContain(`Imported ${total} file(s): ${total - afterKill} created, ${afterKill} updated (already imported), 0 failed`)
    const keys = await storiesByKey()
    expect(keys.size).toBe(before + total)
    expect([...keys.values()].every((n) => n === 1)).toBe(true)
    expect((await count('workflow-events')) - eventsBefore).toBe(total)
  }, 300_000)
})
