/**
 * What only the workflow may change, tried through every door a user has: the first-published date
 * (`publishedAt`), scheduled publishing through the admin's `schedule-publish` server function and through the
 * jobs collection, and the import key of a copied story. REST and GraphQL through Payload's route handlers,
 * the Local API with a real user, and the server function the admin calls, as the app wires it.
 */
import { REST_DELETE } from '@payloadcms/next/routes'
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { describe, expect, it } from 'vitest'

import { serverFunctions } from '../../src/app/(payload)/server-functions'
import { importStory } from '../../src/import/import-story'
import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { graphql, localReqFor, memberFor, type Persona, rest, snapshot, storyAt, useDesk, writeStory } from '../support/desk'
import { foundingStorySource } from '../support/founding-story'

const desk = useDesk()

type Id = string | number
const BACKDATED = '2001-01-01T00:00:00.000Z'

const publishedAtOf = async (id: Id, draft = true) =>
  ((await desk.payload.findByID({ collection: 'articles', id, draft, depth: 0, overrideAccess: true })) as { publishedAt?: string | null })
    .publishedAt ?? null

const act = (id: Id, persona: Persona, action: string, extra: Record<string, unknown> = {}) =>
  takeWorkflowAction(desk.payload, { user: memberFor(desk, persona)!.user, id, action, ...extra })

describe('publishedAt is set by the workflow when a story first goes public, and by nobody else', () => {
  it('a reporter cannot backdate their draft over REST, GraphQL or the Local API (403 naming the field)', async () => {
    const id = await writeStory(desk)
    const viaRest = await rest.patch(`articles/${id}?draft=true`, desk.reporter.token, { publishedAt: BACKDATED })
    expect(viaRest.status).toBe(403)
    expect(JSON.stringify(viaRest.body)).toContain('publishedAt')

    const mutation = `mutation ($id: Int!, $at: String) { updateArticle(id: $id, draft: true, data: { publishedAt: $at }) { id } }`
    const viaGraphql = await graphql(mutation, { id: Number(id), at: BACKDATED }, desk.reporter.token)
    expect(viaGraphql.statusCode).toBe(403)
    expect(viaGraphql.errors?.[0]?.message).toContain('publishedAt')

    await expect(
      desk.payload.update({
        collection: 'articles',
        id,
        data: { publishedAt: BACKDATED },
        draft: true,
        overrideAccess: false,
        user: desk.reporter.user,
      }),
    ).rejects.toMatchObject({ status: 403 })
    // Editors do not set it by hand either; neither does a new story.
    expect((await rest.patch(`articles/${id}?draft=true`, desk.editor.token, { publishedAt: BACKDATED })).status).toBe(403)
    const created = await rest.post('articles?draft=true', desk.reporter.token, {
      title: '兴义市新建体育馆',
      publishedAt: BACKDATED,
      _status: 'draft',
    })
    expect(created.status).toBe(403)
    expect(await publishedAtOf(id)).toBeNull()
  })

  it('publishing sets it; a correction, unpublishing and publishing again keep the first date', async () => {
    const id = await storyAt(desk, 'approved')
    // The admin form sends the (empty) stored value back with every save: that is not an attempt to set it.
    expect(
      (await rest.patch(`articles/${id}?draft=true`, desk.editor.token, { dek: '县里新建十二所学校', publishedAt: null })).status,
    ).toBe(200)
    const before = Date.now()
    await act(id, 'editor', 'publish')
    const first = await publishedAtOf(id, false)
    expect(first).not.toBeNull()
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(first!)).toBeLessThanOrEqual(Date.now() + 1000)

    // Sending the stored date back unchanged is fine; any other date is refused.
    expect((await rest.patch(`articles/${id}`, desk.editor.token, { publishedAt: first })).status).toBe(200)
    expect((await rest.patch(`articles/${id}`, desk.editor.token, { publishedAt: BACKDATED })).status).toBe(403)
    await act(id, 'editor', 'correct', { note: '此前报道学校数量有误，已更正。' })
    await act(id, 'editor', 'unpublish')
    await act(id, 'editor', 'publish')
    expect(await publishedAtOf(id, false)).toBe(first)
    expect(await publishedAtOf(id, true)).toBe(first)
  })

  it('a copy of a published story is a new draft with no first-published date', async () => {
    const id = await storyAt(desk, 'published')
    const copy = await desk.payload.duplicate({ collection: 'articles', id, overrideAccess: false, user: desk.editor.user, draft: true })
    expect(await publishedAtOf(copy.id)).toBeNull()
  })
})

describe('scheduled publishes change only through the workflow', () => {
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
    ).docs as { id: Id; input: { user?: { value: Id } } }[]

  /** The admin's server function as the app wires it (src/app/(payload)/layout.tsx → server-functions.ts). */
  const callServerFunction = async (persona: Persona, args: Record<string, unknown>) =>
    (await serverFunctions['schedule-publish']!({ ...args, req: await localReqFor(desk, persona) } as never)) as {
      error?: string
      message?: string
    }

  it('nobody cancels an editor’s scheduled publish through the schedule-publish server function', async () => {
    const id = await storyAt(desk, 'scheduled')
    const [job] = await pendingJobs(id)
    expect(job).toBeDefined()
    for (const persona of ['ownReporter', 'otherReporter', 'editor', 'admin'] as Persona[]) {
      const answer = await callServerFunction(persona, { deleteID: job!.id })
      expect(answer.error, persona).toMatch(/workflow/)
    }
    // Payload's own handler, reached some other way: the jobs collection itself refuses the delete (Payload's
    // bulk delete reports per-document refusals without throwing, so only the job list tells).
    await schedulePublishHandler({ deleteID: job!.id, req: await localReqFor(desk, 'ownReporter') } as never)
    expect((await pendingJobs(id)).map((j) => j.id)).toEqual([job!.id])
    expect((await snapshot(desk, id)).stage).toBe('scheduled')
  })

  it('scheduling through the server function is the workflow’s schedule action, with its rules', async () => {
    const id = await storyAt(desk, 'approved')
    const doc = { relationTo: 'articles', value: id }
    const date = new Date(Date.now() + 3_600_000)
    for (const persona of ['ownReporter', 'otherReporter'] as Persona[]) {
      expect((await callServerFunction(persona, { type: 'publish', doc, date })).error, persona).toBeDefined()
    }
    // Scheduling an unpublish is not a workflow action.
    expect((await callServerFunction('editor', { type: 'unpublish', doc, date })).error).toMatch(/workflow/)
    expect(await pendingJobs(id)).toEqual([])
    expect((await snapshot(desk, id)).stage).toBe('approved')

    expect(await callServerFunction('editor', { type: 'publish', doc, date })).toMatchObject({ message: expect.any(String) })
    const after = await snapshot(desk, id)
    expect([after.stage, after.history.at(-1)]).toEqual(['scheduled', 'schedule:scheduled'])
    const jobs = await pendingJobs(id)
    expect(jobs).toHaveLength(1)
    expect(String(jobs[0]!.input.user?.value)).toBe(String(desk.editor.user.id))
  })

  it('the jobs collection is closed to every role and to nobody-logged-in over REST and GraphQL, and to the Local API as a user', async () => {
    const id = await storyAt(desk, 'scheduled')
    const [job] = await pendingJobs(id)
    const config = import('../../payload.config').then((m) => m.default)
    for (const persona of ['ownReporter', 'otherReporter', 'editor', 'admin'] as Persona[]) {
      const token = memberFor(desk, persona)!.token
      expect((await rest.get(`payload-jobs/${job!.id}`, token)).status, persona).toBe(403)
      expect((await rest.patch(`payload-jobs/${job!.id}`, token, { waitUntil: new Date().toISOString() })).status, persona).toBe(403)
      expect(
        (
          await rest.post('payload-jobs', token, {
            taskSlug: 'schedulePublish',
            input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } },
          })
        ).status,
        persona,
      ).toBe(403)
      const deleted = await REST_DELETE(config)(
        new Request(`http://localhost/api/payload-jobs/${job!.id}`, { method: 'DELETE', headers: { Authorization: `JWT ${token}` } }),
        {
          params: Promise.resolve({ slug: ['payload-jobs', String(job!.id)] }),
        },
      )
      expect(deleted.status, persona).toBe(403)
      const user = memberFor(desk, persona)!.user
      await expect(
        desk.payload.delete({ collection: 'payload-jobs', id: job!.id, overrideAccess: false, user: user }),
        persona,
      ).rejects.toMatchObject({ status: 403 })
      // Even with access overridden, a write made for a user does not touch a story's scheduled publish.
      await expect(desk.payload.delete({ collection: 'payload-jobs', id: job!.id, user: user }), persona).rejects.toMatchObject({
        status: 403,
      })
      await expect(
        desk.payload.update({ collection: 'payload-jobs', id: job!.id, data: { waitUntil: new Date().toISOString() }, user: user }),
        persona,
      ).rejects.toMatchObject({ status: 403 })
    }
    // GraphQL, and nobody logged in.
    for (const persona of ['ownReporter', 'editor', 'admin', 'anonymous'] as Persona[]) {
      const token = memberFor(desk, persona)?.token
      const read = await graphql(
        `
          query ($id: Int!) {
            PayloadJob(id: $id) {
              id
            }
          }
        `,
        { id: Number(job!.id) },
        token,
      )
      expect(read.statusCode, persona).toBe(403)
      const removed = await graphql(
        `
          mutation ($id: Int!) {
            deletePayloadJob(id: $id) {
              id
            }
          }
        `,
        { id: Number(job!.id) },
        token,
      )
      expect(removed.statusCode, persona).toBe(403)
    }
    expect((await rest.get(`payload-jobs/${job!.id}`)).status).toBe(403)
    expect((await pendingJobs(id)).map((j) => j.id)).toEqual([job!.id])
    // The workflow itself still moves it: sending the story back cancels the job.
    await act(id, 'editor', 'requestChanges', { note: '暂缓发布' })
    expect(await pendingJobs(id)).toEqual([])
  })
})

describe('copies of an imported story', () => {
  it('can be made again and again; none carries the import key, so re-importing updates the original only', async () => {
    const source = foundingStorySource()
    const imported = await importStory(desk.payload, source)
    const copies: Id[] = []
    for (let i = 0; i < 3; i++) {
      const res = await rest.post(`articles/${imported.id}/duplicate?draft=true`, desk.editor.token, {})
      expect(res.status, JSON.stringify(res.body.errors)).toBe(200)
      copies.push(res.body.doc.id)
    }
    for (const copy of copies) {
      const doc = (await desk.payload.findByID({ collection: 'articles', id: copy, draft: true, depth: 0, overrideAccess: true })) as {
        importKey?: string | null
      }
      expect(doc.importKey ?? null).toBeNull()
    }
    const again = await importStory(desk.payload, source)
    expect([again.id, again.created]).toEqual([imported.id, false])
  })
})
