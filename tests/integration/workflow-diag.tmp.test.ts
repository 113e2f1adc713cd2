import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { bootDesk, type TestDesk } from '../support/payload'
import { graphql, rest, setUpDesk, storyAt, type Desk } from './workflow-desk'

let testDesk: TestDesk
let desk: Desk
beforeAll(async () => { testDesk = await bootDesk(); desk = await setUpDesk(testDesk.payload) })

async function states(label: string) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URI }); await c.connect()
  const r = await c.query(`SELECT state, count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY state`)
  await c.end()
  const pool = (testDesk.payload.db as any).pool
  console.log(label, JSON.stringify(r.rows), 'pool total', pool.totalCount, 'idle', pool.idleCount, 'waiting', pool.waitingCount)
}

it('diag', async () => {
  await states('start')
  const id = await storyAt(desk, 'draft')
  await states('after write')
  await takeWorkflowAction(desk.payload, { user: desk.reporter.user as never, id, action: 'submit' })
  await states('after local submit')
  const r = await rest.post(`articles/${id}/workflow`, desk.editor.token, { action: 'approve' })
  await states('after rest approve ' + r.status)
  const r2 = await rest.post(`articles/${id}/workflow`, desk.reporter.token, { action: 'publish' })
  await states('after rest refused ' + r2.status)
  const g = await graphql(`mutation { transitionArticle(id: "${id}", action: publish) { stage } }`, {}, desk.editor.token)
  await states('after gql publish ' + g.statusCode)
  const g2 = await graphql(`mutation { transitionArticle(id: "${id}", action: publish) { stage } }`, {}, undefined)
  await states('after gql anon ' + g2.statusCode)
  expect(true).toBe(true)
})
afterAll(async () => { const { closeDesk } = await import('./workflow-desk'); await closeDesk(testDesk) })
