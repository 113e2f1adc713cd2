/**
 * System writes — the demo seed importing the founding story with no user — still work, and the story they
 * publish has its place in the workflow: stage `published`, with a history that says the system created and
 * published it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import { getWorkflow } from '../../plugins/editorial-workflow'
import { bootDesk, type TestDesk } from '../support/payload'
import { closeDesk } from '../support/desk'

let testDesk: TestDesk

beforeAll(async () => {
  testDesk = await bootDesk({ seed: true })
})
afterAll(async () => {
  await closeDesk(testDesk)
})

it('the seeded founding story is published, with its history', async () => {
  const { payload } = testDesk
  const { docs } = await payload.find({
    collection: 'articles',
    where: { title: { equals: '兴仁县“三抓三强”加快后进党组织转化' } },
    depth: 0,
  })
  const story = docs[0]!
  expect(story.stage).toBe('published')
  expect(story._status).toBe('published')
  expect(story.createdBy ?? null).toBeNull()

  const { docs: editors } = await payload.find({ collection: 'users', where: { email: { equals: 'editor@newsroom.test' } }, depth: 0 })
  const view = await getWorkflow(payload, { user: editors[0] as never, id: story.id })
  expect(view.history.map((e) => [e.sequence, e.action, e.from, e.to, e.actor])).toEqual([
    [1, 'create', null, 'draft', null],
    [2, 'publish', 'draft', 'published', null],
  ])
  expect(view.allowedActions).toEqual(['unpublish', 'retract', 'correct'])

  // The seeded reporter is credited on it: the story is theirs to read the history of, not to edit.
  const { docs: reporters } = await payload.find({ collection: 'users', where: { email: { equals: 'reporter@newsroom.test' } }, depth: 0 })
  const forReporter = await getWorkflow(payload, { user: reporters[0] as never, id: story.id })
  expect(forReporter.allowedActions).toEqual([])
})
