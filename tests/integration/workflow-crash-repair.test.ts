/**
 * What a crash in the middle of a save can leave behind, written into the database exactly as a killed process
 * leaves it, and the repair that settles it: history claimed but the row never written (the wedge: every later
 * action a 409), the row written but not its version, a create without its history, a schedule without its
 * job (and a job without its schedule). Also a failed direct write, which must not leave its claim behind.
 * The real kill -9 runs in tests/e2e/crash-consistency.test.ts.
 */
import type { CollectionSlug } from 'payload'

import { describe, expect, it } from 'vitest'

import { repairWorkflow, takeWorkflowAction } from '../../plugins/editorial-workflow'
import { historyOf, lexical, rest, snapshot, storyAt, useDesk } from '../support/desk'

const desk = useDesk()

type Id = string | number
const EVENTS = 'workflow-events' as CollectionSlug

/** A history claim as the guard writes it before the save, with no save after it. */
async function claim(id: Id, sequence: number, action: string, fromStage: string, toStage: string, at = new Date()) {
  await desk.payload.db.create({
    collection: EVENTS,
    data: {
      article: id,
      sequence,
      key: `articles:${id}:${sequence}`,
      action,
      fromStage,
      toStage,
      actor: desk.editor.user.id,
      actorName: '王丽',
      at: at.toISOString(),
    },
  })
}

const editorAct = (id: Id, action: string, extra: Record<string, unknown> = {}) =>
  takeWorkflowAction(desk.payload, { user: desk.editor.user, id, action, ...extra })

const pendingJobs = async (id: Id) =>
  (
    await desk.payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'schedulePublish' } },
          { 'input.doc.value': { equals: String(id) } },
          { completedAt: { exists: false } },
        ],
      },
      overrideAccess: true,
      depth: 0,
    })
  ).docs as { id: Id; waitUntil: string; input: { user?: { value: Id } } }[]

const repairedIds = async () => (await repairWorkflow(desk.payload)).repaired.map((r) => String(r.id))

describe('a transition whose history was written but whose row was not', () => {
  it('wedges the story until repaired; the repair rolls the claim back and the story moves on', async () => {
    const id = await storyAt(desk, 'submitted')
    // Killed after claiming approve → publish, before the row was saved.
    await claim(id, 3, 'approve', 'submitted', 'approved')
    await claim(id, 4, 'publish', 'approved', 'published')
    await expect(editorAct(id, 'approve')).rejects.toMatchObject({ status: 409 })

    expect(await repairedIds()).toContain(String(id))
    const after = await snapshot(desk, id)
    expect([after.stage, after.status, after.sequence, after.history]).toEqual([
      'submitted',
      'draft',
      2,
      ['create:draft', 'submit:submitted'],
    ])
    await expect(editorAct(id, 'publish')).resolves.toMatchObject({ stage: 'published', sequence: 4 })
    // Run again, the repair finds nothing to do.
    expect(await repairedIds()).not.toContain(String(id))
  })

  it('a claim older than any save is repaired by the next action itself; a fresh one is a concurrent save (409)', async () => {
    const id = await storyAt(desk, 'approved')
    await claim(id, 4, 'publish', 'approved', 'published')
    await expect(editorAct(id, 'publish')).rejects.toMatchObject({ status: 409 })
    const staleId = await storyAt(desk, 'approved')
    await claim(staleId, 4, 'publish', 'approved', 'published', new Date(Date.now() - 60_000))
    await expect(editorAct(staleId, 'publish')).resolves.toMatchObject({ stage: 'published', sequence: 4 })
    expect((await historyOf(desk, staleId)).map((e) => [e.sequence, e.action])).toEqual([
      [1, 'create'],
      [2, 'submit'],
      [3, 'approve'],
      [4, 'publish'],
    ])
  })
})

describe('a transition whose row was written but not its version', () => {
  it('is rolled forward: the version is written from the row, and the next action applies to the new stage', async () => {
    const id = await storyAt(desk, 'approved')
    await claim(id, 4, 'publish', 'approved', 'published')
    await desk.payload.db.updateOne({ collection: 'articles', id, data: { stage: 'published', _status: 'published', workflowSequence: 4 } })
    // The desk reads the latest version: still approved, and publishing again collides with the claim.
    expect((await snapshot(desk, id)).stage).toBe('approved')
    expect(await repairedIds()).toContain(String(id))
    const after = await snapshot(desk, id)
    expect([after.stage, after.status, after.sequence]).toEqual(['published', 'published', 4])
    await expect(editorAct(id, 'unpublish')).resolves.toMatchObject({ stage: 'unpublished', sequence: 5 })
  })
})

describe('a create whose history was not written', () => {
  it('gets its creation recorded, publication included for a story created public', async () => {
    // A system write (an import), killed between the row and its history.
    const created = await desk.payload.create({
      collection: 'articles',
      data: {
        title: '兴义市万峰林景区迎来旅游旺季',
        body: lexical('万峰林景区本月接待游客人数比去年同期增长三成。'),
        credits: [{ author: desk.reporter.authorId, role: 'reporter' }],
        _status: 'published',
      },
      depth: 0,
    })
    await desk.payload.db.deleteMany({ collection: EVENTS, where: { article: { equals: created.id } } })
    expect(await repairedIds()).toContain(String(created.id))
    expect((await snapshot(desk, created.id)).history).toEqual(['create:draft', 'publish:published'])
    await expect(editorAct(created.id, 'correct', { note: '此前报道景区名称有误，已更正。' })).resolves.toMatchObject({
      stage: 'corrected',
    })
  })
})

describe('scheduled publishing and its job', () => {
  it('a scheduled story whose job was lost gets it back, for the same time and editor', async () => {
    const id = await storyAt(desk, 'approved')
    const publishAt = new Date(Date.now() + 3_600_000).toISOString()
    await editorAct(id, 'schedule', { publishAt })
    await desk.payload.db.deleteMany({ collection: 'payload-jobs' as CollectionSlug, where: { 'input.doc.value': { equals: String(id) } } })
    expect(await repairedIds()).toContain(String(id))
    const jobs = await pendingJobs(id)
    expect(jobs.map((job) => [new Date(job.waitUntil).toISOString(), String(job.input.user?.value)])).toEqual([
      [publishAt, String(desk.editor.user.id)],
    ])
  })

  it('a job left for a story no longer scheduled is cancelled', async () => {
    const id = await storyAt(desk, 'scheduled')
    // Sent back, and killed after the save, before its job was cancelled: the job is still there.
    const [job] = await pendingJobs(id)
    await editorAct(id, 'requestChanges', { note: '暂缓发布' })
    await desk.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: String(id) },
        user: { relationTo: 'users', value: desk.editor.user.id },
      },
      waitUntil: new Date(job!.waitUntil),
    })
    expect(await pendingJobs(id)).toHaveLength(1)
    expect(await repairedIds()).toContain(String(id))
    expect(await pendingJobs(id)).toEqual([])
  })
})

describe('a direct write that fails after its claim', () => {
  it('leaves no history behind (REST), so the story is not wedged', async () => {
    const id = await storyAt(desk, 'approved')
    const before = await snapshot(desk, id)
    const res = await rest.patch(`articles/${id}`, desk.editor.token, { _status: 'published', title: '' })
    expect(res.status).toBe(400)
    const after = await snapshot(desk, id)
    expect({ ...after, title: before.title }).toEqual(before)
    await expect(editorAct(id, 'publish')).resolves.toMatchObject({ stage: 'published' })
  })
})
