/**
 * The workflow's rules beyond who may press what: the history and who may read it, malformed input (400,
 * naming the field), actions that do not apply (409), house-style errors blocking submit/approve/publish (422,
 * with the findings), corrections printed at the end of the story, retraction, scheduled publishing through
 * Payload's jobs, and two editors pressing the same button at once.
 */
import { describe, expect, it } from 'vitest'

import { getWorkflow, takeWorkflowAction } from '../../plugins/editorial-workflow'
import { graphql, historyOf, memberFor, rest, snapshot, storyAt, useDesk, writeStory } from '../support/desk'

const desk = useDesk()

const act = (id: string | number, token: string | undefined, body: unknown) => rest.post(`articles/${id}/workflow`, token, body)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('history', () => {
  it('records every step with who, when, from, to and the note, readable by editors and the story’s own reporter', async () => {
    const id = await writeStory(desk)
    const steps: [string, Record<string, unknown>][] = [
      [desk.reporter.token, { action: 'submit', note: '请审阅' }],
      [desk.editor.token, { action: 'requestChanges', note: '请补充县教育局的说法' }],
      [desk.reporter.token, { action: 'submit' }],
      [desk.otherEditor.token, { action: 'approve' }],
      [desk.editor.token, { action: 'publish' }],
    ]
    // Between the two submits the reporter may edit again.
    for (const [index, [token, body]] of steps.entries()) {
      expect((await act(id, token, body)).status).toBe(200)
      if (index === 1)
        expect((await rest.patch(`articles/${id}?draft=true`, desk.reporter.token, { dek: '县教育局：明年继续改善办学条件' })).status).toBe(
          200,
        )
    }
    const res = await rest.get(`articles/${id}/workflow`, desk.reporter.token)
    expect(res.status).toBe(200)
    expect(res.body.stage).toBe('published')
    expect(res.body.public).toBe(true)
    expect(res.body.allowedActions).toEqual([])
    expect(res.body.history.map((e: any) => [e.sequence, e.action, e.from, e.to, e.actor?.name ?? null, e.note])).toEqual([
      [1, 'create', null, 'draft', '丁宪民', null],
      [2, 'submit', 'draft', 'submitted', '丁宪民', '请审阅'],
      [3, 'requestChanges', 'submitted', 'changes_requested', '王丽', '请补充县教育局的说法'],
      [4, 'submit', 'changes_requested', 'submitted', '丁宪民', null],
      [5, 'approve', 'submitted', 'approved', '赵敏', null],
      [6, 'publish', 'approved', 'published', '王丽', null],
    ])
    for (const entry of res.body.history) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000)

    const forEditor = await rest.get(`articles/${id}/workflow`, desk.editor.token)
    expect(forEditor.body.allowedActions).toEqual(['unpublish', 'retract', 'correct'])
    expect((await rest.get(`articles/${id}/workflow`, desk.admin.token)).status).toBe(200)
    expect((await rest.get(`articles/${id}/workflow`, desk.otherReporter.token)).status).toBe(403)
    expect((await rest.get(`articles/${id}/workflow`)).status).toBe(401)
  })

  it('answers an action with the new view, and with ?screen=true the story as the caller reads it and their permissions on it', async () => {
    const id = await writeStory(desk)
    const submitted = await rest.post(`articles/${id}/workflow?screen=true`, desk.reporter.token, { action: 'submit' })
    expect(submitted.status).toBe(200)
    // The same view GET answers, after the action.
    expect(submitted.body.view).toEqual((await rest.get(`articles/${id}/workflow`, desk.reporter.token)).body)
    expect(submitted.body.view).toMatchObject({ stage: 'submitted', allowedActions: [] })
    // Submitted, the reporter may no longer save or publish it: the admin turns the story read-only from this.
    expect(submitted.body.screen.doc).toMatchObject({ id, stage: 'submitted' })
    expect(submitted.body.screen.docPermissions.update).toBeFalsy()
    expect(submitted.body.screen.hasPublishPermission).toBe(false)
    // An editor's action: they may still edit and publish.
    const approved = await rest.post(`articles/${id}/workflow?screen=true`, desk.editor.token, { action: 'approve' })
    expect(approved.body.view.stage).toBe('approved')
    expect(approved.body.screen.docPermissions.update).toBeTruthy()
    expect(approved.body.screen.hasPublishPermission).toBe(true)
    // Without ?screen=true: no document in the answer.
    const published = await rest.post(`articles/${id}/workflow`, desk.editor.token, { action: 'publish' })
    expect(published.body.view.stage).toBe('published')
    expect(published.body.screen).toBeUndefined()
  })

  it('is served over GraphQL and the Local API with the same rules', async () => {
    const id = await storyAt(desk, 'submitted')
    const query = `query ($id: ID!) { ArticleWorkflow(id: $id) { stage allowedActions history { sequence action from to actor { name } } } }`
    const forEditor = await graphql(query, { id: String(id) }, desk.editor.token)
    expect(forEditor.data?.ArticleWorkflow).toMatchObject({
      stage: 'submitted',
      allowedActions: ['requestChanges', 'approve', 'publish', 'schedule'],
      history: [
        { sequence: 1, action: 'create', from: null, to: 'draft', actor: { name: '丁宪民' } },
        { sequence: 2, action: 'submit', from: 'draft', to: 'submitted', actor: { name: '丁宪民' } },
      ],
    })
    expect((await graphql(query, { id: String(id) }, desk.reporter.token)).data?.ArticleWorkflow.allowedActions).toEqual([])
    expect((await graphql(query, { id: String(id) }, desk.otherReporter.token)).statusCode).toBe(403)
    expect((await graphql(query, { id: String(id) })).statusCode).toBe(401)
    const local = await getWorkflow(desk.payload, { user: desk.reporter.user, id })
    expect(local.history).toHaveLength(2)
    await expect(getWorkflow(desk.payload, { user: desk.otherReporter.user, id })).rejects.toMatchObject({ status: 403 })
  })

  it('is its own collection: readable by editors and the story’s reporters, never writable through the API', async () => {
    const mine = await storyAt(desk, 'submitted')
    const theirs = await storyAt(desk, 'draft', { credits: [{ author: desk.otherReporter.authorId, role: 'reporter' }] })
    const storiesIn = (res: { body: any }) => new Set(res.body.docs.map((e: any) => String(e.article?.id ?? e.article)))
    // The reporter created both; the other reporter is credited on the second only.
    const forOther = await rest.get(`workflow-events?limit=500&depth=0`, desk.otherReporter.token)
    expect(forOther.status).toBe(200)
    expect(storiesIn(forOther)).toEqual(new Set([String(theirs)]))
    const forEditor = await rest.get(`workflow-events?limit=500&depth=0`, desk.editor.token)
    expect(storiesIn(forEditor)).toContain(String(mine))
    expect((await rest.get(`workflow-events`)).status).toBe(403)

    const [event] = await historyOf(desk, mine)
    const forged = {
      article: mine,
      sequence: 99,
      key: `articles:${mine}:99`,
      action: 'publish',
      toStage: 'published',
      at: new Date().toISOString(),
    }
    for (const member of [desk.reporter, desk.editor, desk.admin]) {
      expect((await rest.post('workflow-events', member.token, forged)).status).toBe(403)
      expect((await rest.patch(`workflow-events/${(event as any).id}`, member.token, { note: 'rewritten' })).status).toBe(403)
      const deleted = await desk.payload
        .delete({ collection: 'workflow-events', id: (event as any).id, overrideAccess: false, user: member.user })
        .catch((e) => e)
      expect(deleted.status).toBe(403)
    }
    expect((await historyOf(desk, mine)).map((e) => e.action)).toEqual(['create', 'submit'])
  })
})

describe('malformed input is a 400 naming the field, and changes nothing', () => {
  const cases: [string, string, unknown, string][] = [
    ['an unknown action', 'draft', { action: 'kill' }, 'action'],
    ['no action', 'draft', { note: 'hello' }, 'action'],
    ['a body that is not an object', 'draft', ['submit'], 'body'],
    ['a note that is not text', 'draft', { action: 'submit', note: 42 }, 'note'],
    ['retracting without a reason', 'published', { action: 'retract' }, 'note'],
    ['retracting with a blank reason', 'published', { action: 'retract', note: '   ' }, 'note'],
    ['correcting without a note', 'published', { action: 'correct' }, 'note'],
    ['requesting changes without saying what', 'submitted', { action: 'requestChanges' }, 'note'],
    ['scheduling without a time', 'approved', { action: 'schedule' }, 'publishAt'],
    ['scheduling in the past', 'approved', { action: 'schedule', publishAt: '2020-01-01T08:00:00+08:00' }, 'publishAt'],
    ['scheduling at a time that is not ISO 8601', 'approved', { action: 'schedule', publishAt: 'tomorrow 9am' }, 'publishAt'],
    ['scheduling without a time zone', 'approved', { action: 'schedule', publishAt: '2099-01-01T08:00:00' }, 'publishAt'],
    ['a publish time on publish', 'approved', { action: 'publish', publishAt: '2099-01-01T08:00:00Z' }, 'publishAt'],
  ]
  for (const [name, stage, body, field] of cases) {
    it(name, async () => {
      const id = await storyAt(desk, stage)
      const before = await snapshot(desk, id)
      const res = await act(id, desk.editor.token, body)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe(field)
      expect(res.body.errors[0].message).toContain(field)
      expect(await snapshot(desk, id)).toEqual(before)
    })
  }

  it('a body that is not JSON, and an id that is not one', async () => {
    const id = await storyAt(desk, 'draft')
    expect((await act(id, desk.editor.token, '{"action": ')).body.errors[0].field).toBe('body')
    expect((await act('not-a-number', desk.editor.token, { action: 'submit' })).status).toBe(400)
    expect((await act(999999, desk.editor.token, { action: 'submit' })).status).toBe(404)
  })

  it('GraphQL refuses the same input with the same field', async () => {
    const id = await storyAt(desk, 'published')
    const res = await graphql(
      `
        mutation ($id: ID!) {
          transitionArticle(id: $id, action: retract) {
            stage
          }
        }
      `,
      { id: String(id) },
      desk.editor.token,
    )
    expect(res.statusCode).toBe(400)
    expect(res.errors?.[0]?.extensions?.data).toMatchObject({ reason: 'invalid', field: 'note' })
  })
})

describe('actions that do not apply to the current stage are a 409', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['approve a draft', 'draft', { action: 'approve' }],
    ['submit a submitted story', 'submitted', { action: 'submit' }],
    ['unpublish a draft', 'draft', { action: 'unpublish' }],
    ['correct a story that is not public', 'unpublished', { action: 'correct', note: '更正' }],
    ['publish a retracted story', 'retracted', { action: 'publish' }],
    ['approve an approved story', 'approved', { action: 'approve' }],
    ['request changes on a published story', 'published', { action: 'requestChanges', note: '改' }],
  ]
  for (const [name, stage, body] of cases) {
    it(name, async () => {
      const id = await storyAt(desk, stage)
      const before = await snapshot(desk, id)
      const res = await act(id, desk.editor.token, body)
      expect(res.status).toBe(409)
      expect(res.body.stage).toBe(stage)
      expect(await snapshot(desk, id)).toEqual(before)
    })
  }

  it('a reporter asking for an editor’s action is told they may not (403), whatever the stage', async () => {
    const id = await storyAt(desk, 'draft')
    expect((await act(id, desk.reporter.token, { action: 'approve' })).status).toBe(403)
  })
})

describe('house-style errors block submit, approve and publish (422, with the findings)', () => {
  const flawed = { title: '兴仁县新建十二所乡村学校。' }

  it('a reporter cannot submit a story with style errors; fixed, they can', async () => {
    const id = await writeStory(desk, flawed)
    const before = await snapshot(desk, id)
    const res = await act(id, desk.reporter.token, { action: 'submit' })
    expect(res.status).toBe(422)
    expect(res.body.reason).toBe('style')
    expect(res.body.findings.map((f: any) => f.ruleId)).toContain('headline-no-trailing-period')
    expect(res.body.findings.every((f: any) => f.severity === 'error')).toBe(true)
    expect(await snapshot(desk, id)).toEqual(before)

    expect((await rest.patch(`articles/${id}?draft=true`, desk.reporter.token, { title: '兴仁县新建十二所乡村学校' })).status).toBe(200)
    expect((await act(id, desk.reporter.token, { action: 'submit' })).status).toBe(200)
  })

  for (const action of ['approve', 'publish', 'schedule'] as const) {
    it(`an editor cannot ${action} a story an edit left with style errors`, async () => {
      const id = await storyAt(desk, 'submitted')
      expect((await rest.patch(`articles/${id}?draft=true`, desk.editor.token, flawed)).status).toBe(200)
      const before = await snapshot(desk, id)
      const res = await act(id, desk.editor.token, {
        action,
        ...(action === 'schedule' ? { publishAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
      })
      expect(res.status).toBe(422)
      expect(res.body.findings.map((f: any) => f.ruleId)).toContain('headline-no-trailing-period')
      expect(await snapshot(desk, id)).toEqual(before)
    })
  }

  it('publishing through the Publish button’s write is refused too', async () => {
    const id = await storyAt(desk, 'approved')
    const before = await snapshot(desk, id)
    const res = await rest.patch(`articles/${id}`, desk.editor.token, { ...flawed, _status: 'published' })
    // The same condition answers the same status as the actions above.
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toContain('headline-no-trailing-period')
    expect(await snapshot(desk, id)).toEqual(before)
  })
})

describe('publishing, correcting, unpublishing and retracting', () => {
  const publicStory = `query ($id: Int!) { Article(id: $id) { title stage html plainText } }`

  it('an editor may publish from any stage before publication; the approval is recorded', async () => {
    for (const stage of ['draft', 'submitted', 'changes_requested']) {
      const id = await storyAt(desk, stage)
      const res = await act(id, desk.editor.token, { action: 'publish', note: '急稿' })
      expect(res.status).toBe(200)
      const history = await historyOf(desk, id)
      expect(history.slice(-2).map((e) => [e.action, e.fromStage, e.toStage, String(e.actor)])).toEqual([
        ['approve', stage, 'approved', String(desk.editor.user.id)],
        ['publish', 'approved', 'published', String(desk.editor.user.id)],
      ])
      expect(history.at(-1)!.note).toBe('急稿')
    }
  })

  it('a correction is printed in house style at the end of the story, and the public sees it', async () => {
    const id = await storyAt(desk, 'published')
    // The editor fixes the text as a draft, then publishes it with the correction note.
    expect((await rest.patch(`articles/${id}?draft=true`, desk.editor.token, { title: '兴仁县新建十一所乡村学校' })).status).toBe(200)
    const res = await act(id, desk.editor.token, { action: 'correct', note: '本文原称新建十二所学校，实为十一所。' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ stage: 'corrected', public: true })

    const seen = await graphql(publicStory, { id: Number(id) })
    const article = seen.data?.Article
    expect(article.title).toBe('兴仁县新建十一所乡村学校')
    // The stage is desk business: the public sees the correction in the story, not the workflow's word for it.
    expect(article.stage).toBeNull()
    expect(article.html).toMatch(/更正（[^）]+）：本文原称新建十二所学校，实为十一所。/)
    expect(article.html.lastIndexOf('本文原称')).toBeGreaterThan(article.html.lastIndexOf('县教育局表示'))
    expect(article.plainText.trim()).toMatch(/本文原称新建十二所学校，实为十一所。$/)

    expect((await act(id, desk.editor.token, { action: 'correct', note: '另：开学时间为九月一日。' })).status).toBe(200)
    const twice = (await graphql(publicStory, { id: Number(id) })).data?.Article
    expect(twice.html.indexOf('本文原称')).toBeLessThan(twice.html.indexOf('另：开学时间'))
  })

  it('unpublishing and retracting take the story from the public; a retraction keeps its reason', async () => {
    const unpublished = await storyAt(desk, 'published')
    expect((await act(unpublished, desk.editor.token, { action: 'unpublish' })).status).toBe(200)
    expect([403, 404]).toContain((await graphql(publicStory, { id: Number(unpublished) })).statusCode)
    // An unpublished story may go out again.
    expect((await act(unpublished, desk.editor.token, { action: 'publish' })).body.stage).toBe('published')

    const retracted = await storyAt(desk, 'published')
    const res = await act(retracted, desk.editor.token, { action: 'retract', note: '消息来源不实' })
    expect(res.body).toMatchObject({ stage: 'retracted', public: false })
    expect([403, 404]).toContain((await rest.get(`articles/${retracted}`)).status)
    const doc = await desk.payload.findByID({ collection: 'articles', id: retracted, draft: true, depth: 0 })
    expect(doc.retractionReason).toBe('消息来源不实')
    expect((await act(retracted, desk.editor.token, { action: 'publish' })).status).toBe(409)
  })

  it('anonymous GraphQL lists published stories only', async () => {
    const ids = {
      draft: await storyAt(desk, 'draft'),
      approved: await storyAt(desk, 'approved'),
      published: await storyAt(desk, 'published'),
      corrected: await storyAt(desk, 'corrected'),
    }
    const res = await graphql(`
      {
        Articles(limit: 1000, draft: true) {
          docs {
            id
            stage
            _status
          }
        }
      }
    `)
    const seen = new Map(res.data?.Articles.docs.map((d: any) => [String(d.id), d]))
    expect(seen.get(String(ids.published))).toMatchObject({ _status: 'published' })
    expect(seen.get(String(ids.corrected))).toMatchObject({ _status: 'published' })
    expect(seen.has(String(ids.draft))).toBe(false)
    expect(seen.has(String(ids.approved))).toBe(false)
    // Only what is public, and never the desk's stage.
    expect([...seen.values()].every((d: any) => d._status === 'published' && d.stage === null)).toBe(true)
  })
})

describe('scheduled publishing runs through Payload’s schedulePublish job', () => {
  const jobsFor = async (id: string | number) =>
    (
      await desk.payload.find({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { 'input.doc.value': { equals: String(id) } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs as any[]

  it('goes live when its time has passed, recorded as a publish by the scheduling editor', async () => {
    const id = await storyAt(desk, 'submitted')
    const publishAt = new Date(Date.now() + 1500).toISOString()
    const res = await act(id, desk.otherEditor.token, { action: 'schedule', publishAt })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ stage: 'scheduled', public: false, publishAt })
    const [job] = await jobsFor(id)
    expect(job.input).toMatchObject({
      type: 'publish',
      doc: { relationTo: 'articles', value: String(id) },
      user: { value: desk.otherEditor.user.id },
    })
    expect(new Date(job.waitUntil).toISOString()).toBe(publishAt)
    expect((await rest.get(`articles/${id}/workflow`, desk.editor.token)).body.scheduledFor).toBe(publishAt)

    await desk.payload.jobs.run()
    expect((await snapshot(desk, id)).stage).toBe('scheduled')

    await sleep(Date.parse(publishAt) - Date.now() + 200)
    await desk.payload.jobs.run()
    const after = await snapshot(desk, id)
    expect([after.stage, after.status]).toEqual(['published', 'published'])
    expect(after.history.slice(-3)).toEqual(['approve:approved', 'schedule:scheduled', 'publish:published'])
    const publish = (await historyOf(desk, id)).at(-1)!
    expect([publish.fromStage, String(publish.actor)]).toEqual(['scheduled', String(desk.otherEditor.user.id)])
    expect(
      (
        await graphql(
          `
            query ($id: Int!) {
              Article(id: $id) {
                _status
              }
            }
          `,
          { id: Number(id) },
        )
      ).data?.Article._status,
    ).toBe('published')
  })

  it('sending a scheduled story back cancels the job; rescheduling replaces it', async () => {
    const id = await storyAt(desk, 'approved')
    const soon = () => new Date(Date.now() + 1000).toISOString()
    expect(
      (await act(id, desk.editor.token, { action: 'schedule', publishAt: new Date(Date.now() + 3_600_000).toISOString() })).status,
    ).toBe(200)
    const later = soon()
    expect((await act(id, desk.editor.token, { action: 'schedule', publishAt: later })).status).toBe(200)
    const pending = (await jobsFor(id)).filter((job) => !job.completedAt)
    expect(pending.map((job) => new Date(job.waitUntil).toISOString())).toEqual([later])

    expect((await act(id, desk.editor.token, { action: 'requestChanges', note: '暂缓发布，等官方通报' })).status).toBe(200)
    expect(await jobsFor(id)).toEqual([])
    await sleep(1300)
    await desk.payload.jobs.run()
    expect((await snapshot(desk, id)).stage).toBe('changes_requested')
  })
})

describe('two editors pressing the same button at once make one transition', () => {
  it('approving', async () => {
    const id = await storyAt(desk, 'submitted')
    const results = await Promise.all([
      act(id, desk.editor.token, { action: 'approve' }),
      act(id, desk.otherEditor.token, { action: 'approve' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect((await snapshot(desk, id)).history.filter((h) => h.startsWith('approve'))).toHaveLength(1)
  })

  it('publishing', async () => {
    const id = await storyAt(desk, 'approved')
    const results = await Promise.all([
      act(id, desk.editor.token, { action: 'publish' }),
      act(id, desk.otherEditor.token, { action: 'publish' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const after = await snapshot(desk, id)
    expect(after.history.filter((h) => h.startsWith('publish'))).toHaveLength(1)
    expect(after.stage).toBe('published')
  })

  it('publishing with the action and with the Publish button’s write', async () => {
    const id = await storyAt(desk, 'approved')
    const results = await Promise.all([
      act(id, desk.editor.token, { action: 'publish' }),
      rest.patch(`articles/${id}`, desk.otherEditor.token, { _status: 'published' }),
    ])
    const statuses = results.map((r) => r.status)
    expect(statuses).toContain(200)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.find((s) => s !== 200)).toBe(409)
    expect((await snapshot(desk, id)).history.filter((h) => h.startsWith('publish'))).toHaveLength(1)
  })

  it('a burst of five', async () => {
    const id = await storyAt(desk, 'submitted')
    const editors = [desk.editor, desk.otherEditor, desk.admin, desk.editor, desk.otherEditor]
    const results = await Promise.all(editors.map((e) => act(id, e.token, { action: 'approve' })))
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409)).toHaveLength(4)
    const history = await historyOf(desk, id)
    expect(history.map((e) => e.sequence)).toEqual(history.map((_, i) => i + 1))
  })
})

describe('other ways Payload writes a story', () => {
  const versionsOf = async (id: string | number) =>
    (
      await desk.payload.findVersions({
        collection: 'articles',
        where: { parent: { equals: id } },
        sort: 'createdAt',
        depth: 0,
        overrideAccess: true,
      })
    ).docs

  it('restoring an old version brings back its text, not its stage; going off the air that way is an unpublish', async () => {
    const id = await storyAt(desk, 'published')
    const [first] = await versionsOf(id)
    expect((first!.version as any).stage).toBe('draft')
    const before = await snapshot(desk, id)
    const res = await rest.post(`articles/versions/${first!.id}`, desk.editor.token)
    expect(res.status).toBe(200)
    const after = await snapshot(desk, id)
    expect([after.stage, after.status]).toEqual(['unpublished', 'draft'])
    expect(after.history).toEqual([...before.history, 'unpublish:unpublished'])
  })

  it('a reporter cannot restore a version of a story that is no longer theirs to edit', async () => {
    const id = await storyAt(desk, 'submitted')
    const [first] = await versionsOf(id)
    const before = await snapshot(desk, id)
    expect((await rest.post(`articles/versions/${first!.id}?draft=true`, desk.reporter.token)).status).toBe(403)
    expect(await snapshot(desk, id)).toEqual(before)
  })

  it('publishing several stories from the list publishes and records each; a reporter may not', async () => {
    const ids = [await storyAt(desk, 'approved'), await storyAt(desk, 'submitted')]
    const query = `where[id][in]=${ids.join(',')}`
    const refused = await rest.patch(`articles?${query}`, desk.reporter.token, { _status: 'published' })
    expect(refused.body.docs ?? []).toEqual([])
    for (const id of ids) expect((await snapshot(desk, id)).status).toBe('draft')

    const res = await rest.patch(`articles?${query}`, desk.editor.token, { _status: 'published' })
    expect(res.status).toBe(200)
    const [approved, submitted] = await Promise.all(ids.map((id) => snapshot(desk, id)))
    expect(approved!.history.slice(-1)).toEqual(['publish:published'])
    expect(submitted!.history.slice(-2)).toEqual(['approve:approved', 'publish:published'])
    expect([approved!.stage, submitted!.stage]).toEqual(['published', 'published'])
  })

  it('duplicating a corrected story starts a fresh draft with no corrections', async () => {
    const id = await storyAt(desk, 'corrected')
    const copy = await desk.payload.duplicate({ collection: 'articles', id, overrideAccess: false, user: desk.editor.user, draft: true })
    const after = await snapshot(desk, copy.id)
    expect([after.stage, after.status, after.corrections, after.history]).toEqual(['draft', 'draft', 0, ['create:draft']])
  })
})

describe('the Local API helper', () => {
  it('takes actions as a user with the same refusals', async () => {
    const id = await storyAt(desk, 'draft')
    await expect(takeWorkflowAction(desk.payload, { user: desk.otherReporter.user, id, action: 'submit' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      takeWorkflowAction(desk.payload, { user: memberFor(desk, 'ownReporter')!.user, id, action: 'submit' }),
    ).resolves.toMatchObject({ stage: 'submitted' })
  })
})
