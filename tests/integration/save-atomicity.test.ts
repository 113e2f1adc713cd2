/**
 * A save is all or nothing, on an SQLite file (Payload's transactions on, src/sqlite-writer.ts) as on PostgreSQL.
 * A failure after everything of a save was written — a hook that throws once the story, its credits (array rows
 * Payload deletes and re-inserts), its version and its history are in — leaves the story exactly as it was. And
 * many saves and transitions at once in one process all land: none refused as busy, none stuck.
 *
 * This file runs on an SQLite file, not in memory (in memory Payload's transactions must stay off: DESIGN.md §9).
 */
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${process.env.NEWSROOM_DATA_DIR}/atomicity.db`
})

import type { CollectionAfterChangeHook } from 'payload'

import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { snapshot, storyAt, useDesk, writeStory } from '../support/desk'

const desk = useDesk()

/** The fault: throw after the story's save has written everything, as a crash or a failing hook would end it. */
let failSaves = false
const failAfterWrite: CollectionAfterChangeHook = ({ doc }) => {
  if (failSaves) throw new Error(`injected failure after story ${doc.id} was written`)
  return doc
}

beforeAll(() => {
  desk.payload.collections.articles.config.hooks.afterChange.push(failAfterWrite)
})
afterAll(() => {
  const hooks = desk.payload.collections.articles.config.hooks.afterChange
  hooks.splice(hooks.indexOf(failAfterWrite), 1)
})

/** Everything of a story a failed save must leave alone, from the database itself. */
async function everything(id: string | number) {
  const latest = (await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as Record<
    string,
    any
  >
  const versions = await desk.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } }, overrideAccess: true })
  return {
    ...(await snapshot(desk, id)),
    credits: (latest.credits as { author: unknown; role: string }[]).map(({ author, role }) => ({ author, role })),
    versions: versions.totalDocs,
  }
}

describe('a save that fails after writing leaves nothing of itself', () => {
  it('a reporter edit of title and credits (Local API as the reporter): all rolled back', async () => {
    const id = await writeStory(desk)
    const before = await everything(id)
    expect(before.credits).toHaveLength(1)
    failSaves = true
    await expect(
      desk.payload.update({
        collection: 'articles',
        id,
        draft: true,
        data: {
          title: '兴义市开通第三条城市公交线路',
          credits: [
            { author: desk.reporter.authorId, role: 'photographer' },
            { author: desk.reporter.authorId, role: 'reporter' },
          ],
        },
        overrideAccess: false,
        user: desk.reporter.user,
      }),
    ).rejects.toThrow(/injected failure/)
    failSaves = false
    expect(await everything(id)).toEqual(before)
  })

  it('a workflow transition (approve): the stage, the row, its version and its history all stay as they were', async () => {
    const id = await storyAt(desk, 'submitted')
    const before = await everything(id)
    failSaves = true
    await expect(takeWorkflowAction(desk.payload, { user: desk.editor.user, id, action: 'approve' })).rejects.toThrow()
    failSaves = false
    expect(await everything(id)).toEqual(before)
    // …and the story is not wedged: the same action goes through now.
    const done = await takeWorkflowAction(desk.payload, { user: desk.editor.user, id, action: 'approve' })
    expect(done.stage).toBe('approved')
    expect((await everything(id)).history.at(-1)).toBe('approve:approved')
  })
})

describe('one process, many writers', () => {
  it('twenty edits and submits at once all land, each story with its own history', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => writeStory(desk)))
    await Promise.all(
      ids.map(async (id, i) => {
        await desk.payload.update({
          collection: 'articles',
          id,
          draft: true,
          data: { title: `兴义市第${i + 1}条城市公交线路开通` },
          overrideAccess: false,
          user: desk.reporter.user,
        })
        await takeWorkflowAction(desk.payload, { user: desk.reporter.user, id, action: 'submit' })
      }),
    )
    const after = await Promise.all(ids.map((id) => everything(id)))
    expect(after.map((story) => [story.title, story.stage, story.history])).toEqual(
      ids.map((_, i) => [`兴义市第${i + 1}条城市公交线路开通`, 'submitted', ['create:draft', 'submit:submitted']]),
    )
  })

  it('three hundred saves leave the open files as they were (no connection per transaction)', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length
    const id = await writeStory(desk)
    const before = openFiles()
    for (let i = 0; i < 300; i++)
      await desk.payload.update({
        collection: 'articles',
        id,
        draft: true,
        data: { title: `兴义市公交线路第${i + 1}次修改` },
        overrideAccess: false,
        user: desk.reporter.user,
      })
    // libsql's own transaction() opened a connection per transaction: two more files each, until garbage collection.
    expect(openFiles() - before).toBeLessThan(20)
  })
})
