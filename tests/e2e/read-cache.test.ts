/**
 * The anonymous read cache in the built server (src/server.ts, as `npm start` runs it): the same anonymous
 * GraphQL or REST read answered from the cache the second time; staff (a token or the admin's cookie) and
 * drafts never from it; and a story published, corrected, retracted or unpublished through the server visible
 * to the next anonymous read. On PostgreSQL two server processes share one database: the story is written
 * through one and read through the other (the purge travels by NOTIFY). A draft save of a live story purges
 * nothing. The delay from a publish to the other process showing it is printed, not asserted.
 */
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { lexical } from '../support/lexical'
import { startApp, type RunningApp } from '../support/server'
import { callApp, logInToApp } from '../support/app-client'

const onPostgres = Boolean(process.env.TEST_DATABASE_URI)
const PASSWORD = process.env.NEWSROOM_DEMO_PASSWORD ?? 'demo-password-for-tests'
const apps: RunningApp[] = []
let writer: RunningApp
let reader: RunningApp
let editorToken = ''
let reporterAuthor: unknown

const LATEST = `query Latest($limit: Int) { Articles(sort: "-publishedAt", limit: $limit) { docs { id title slug } } }`

interface Read {
  cache: string | null
  titles: string[]
  status: number
}

async function graphql(
  app: RunningApp,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Read & { body: any }> {
  const res = await fetch(`${app.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as any
  const docs = (body?.data?.Articles?.docs ?? []) as { title: string }[]
  return { cache: res.headers.get('x-newsroom-cache'), titles: docs.map((d) => d.title), status: res.status, body }
}

const latest = (app: RunningApp, headers: Record<string, string> = {}) => graphql(app, LATEST, { limit: 20 }, headers)

async function api(app: RunningApp, method: string, path: string, body?: unknown) {
  const answer = await callApp(app.url, method, `/api/${path}`, { token: editorToken, body })
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`)
  return answer.body
}

const act = (id: unknown, action: string, note?: string) =>
  api(writer, 'POST', `articles/${id}/workflow`, { action, ...(note ? { note } : {}) })

async function publishedStory(title: string) {
  const { doc } = await api(writer, 'POST', 'articles?draft=true', {
    title,
    body: lexical('兴仁县今年新建了十二所乡村学校，全县适龄儿童入学率达到百分之百。'),
    credits: [{ author: reporterAuthor, role: 'reporter' }],
    _status: 'draft',
  })
  await act(doc.id, 'publish')
  return doc.id as number | string
}

/** Polls the reader until `check` holds; returns how long that took after `since`. */
async function visibleAfter(since: number, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<number> {
  for (;;) {
    if (await check()) return Date.now() - since
    if (Date.now() - since > timeoutMs) throw new Error('the change never became visible')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

beforeAll(async () => {
  let databaseUri = ''
  if (onPostgres) {
    const name = `newsroom_e2e_${process.env.NEWSROOM_TEST_RUN ?? 'adhoc'}_cache${randomBytes(3).toString('hex')}`
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URI })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end())
    const url = new URL(process.env.TEST_DATABASE_URI!)
    url.pathname = `/${name}`
    databaseUri = url.toString()
  }
  const env = { NEWSROOM_SEED: 'true', NEWSROOM_DEMO_PASSWORD: PASSWORD, NEWSROOM_DELIVERY_IMMEDIATE: 'false' }
  writer = await startApp(env, databaseUri ? { databaseUri } : {})
  apps.push(writer)
  // A second process on the same database (PostgreSQL); on SQLite the server is one process.
  reader = onPostgres ? await startApp(env, { databaseUri }) : writer
  if (reader !== writer) apps.push(reader)
  editorToken = await logInToApp(writer.url, 'editor@newsroom.test', PASSWORD)
  expect(editorToken).toBeTruthy()
  reporterAuthor = (await api(writer, 'GET', 'authors?limit=1&depth=0')).docs[0].id
}, 240_000)

afterAll(async () => {
  for (const app of apps) await app.stop().catch(() => undefined)
}, 60_000)

describe(`anonymous read cache (${onPostgres ? 'PostgreSQL, two server processes' : 'SQLite, one server process'})`, () => {
  let first: number | string
  let second: number | string

  test('the same anonymous GraphQL and REST read is answered from the cache the second time', async () => {
    first = await publishedStory('兴仁县乡村学校开学')
    const miss = await latest(reader)
    expect(miss.cache).toBe('MISS')
    expect(miss.titles).toContain('兴仁县乡村学校开学')
    const hit = await latest(reader)
    expect(hit.cache).toBe('HIT')
    expect(hit.body).toEqual(miss.body)
    // Other variables are another entry.
    expect((await graphql(reader, LATEST, { limit: 1 })).cache).toBe('MISS')

    const path = '/api/articles?sort=-publishedAt&limit=5&depth=0'
    const rest1 = await fetch(`${reader.url}${path}`)
    const rest2 = await fetch(`${reader.url}${path}`)
    expect([rest1.headers.get('x-newsroom-cache'), rest2.headers.get('x-newsroom-cache')]).toEqual(['MISS', 'HIT'])
    expect(await rest2.json()).toEqual(await rest1.json())
  })

  test('staff with a token or the admin cookie, and drafts, never come from the cache', async () => {
    await latest(reader) // primed
    const withToken = await latest(reader, { authorization: `JWT ${editorToken}` })
    expect(withToken.cache).toBeNull() // answered by Next, not the cache
    const withCookie = await latest(reader, { cookie: `payload-token=${editorToken}` })
    expect(withCookie.cache).toBeNull()

    // A draft edit of a live story: staff see it at once, the public never, and the public's cached list stays.
    await api(writer, 'PATCH', `articles/${first}?draft=true`, { title: '兴仁县乡村学校开学（草稿）', _status: 'draft' })
    const draftQuery = `{ Articles(draft: true, limit: 20) { docs { id title } } }`
    const staff = await graphql(reader, draftQuery, {}, { authorization: `JWT ${editorToken}` })
    expect(staff.titles).toContain('兴仁县乡村学校开学（草稿）')
    for (let i = 0; i < 2; i++) {
      const anonymousDraft = await graphql(reader, draftQuery)
      expect(anonymousDraft.cache).toBe('BYPASS')
      expect(anonymousDraft.titles).not.toContain('兴仁县乡村学校开学（草稿）')
    }
    const afterDraft = await latest(reader)
    expect(afterDraft.cache).toBe('HIT')
    expect(afterDraft.titles).toContain('兴仁县乡村学校开学')
    expect(afterDraft.titles).not.toContain('兴仁县乡村学校开学（草稿）')
    // A mutation is never cached either.
    const mutation = await graphql(
      reader,
      `
        mutation {
          loginUser(email: "nobody@newsroom.test", password: "wrong") {
            token
          }
        }
      `,
    )
    expect(mutation.cache).toBe('BYPASS')
  })

  test('published, corrected, retracted and unpublished stories show in the next anonymous read', async () => {
    await latest(reader)
    expect((await latest(reader)).cache).toBe('HIT')

    // Each delay counts from the moment the writer answered the action (the save committed).
    second = await publishedStory('贵阳市举办乡村篮球赛')
    let since = Date.now()
    const published = await visibleAfter(since, async () => (await latest(reader)).titles.includes('贵阳市举办乡村篮球赛'))

    // The correction publishes the edited draft: the public list shows the new headline, and the old one goes.
    await api(writer, 'PATCH', `articles/${second}?draft=true`, { title: '贵阳市举办第二届乡村篮球赛', _status: 'draft' })
    expect((await latest(reader)).titles).toContain('贵阳市举办乡村篮球赛')
    await act(second, 'correct', '届次有误，已更正。')
    since = Date.now()
    const corrected = await visibleAfter(since, async () => {
      const { titles } = await latest(reader)
      return titles.includes('贵阳市举办第二届乡村篮球赛') && !titles.includes('贵阳市举办乡村篮球赛')
    })

    await act(second, 'retract', '消息来源不实')
    since = Date.now()
    const retracted = await visibleAfter(since, async () => !(await latest(reader)).titles.includes('贵阳市举办第二届乡村篮球赛'))

    await act(first, 'unpublish')
    since = Date.now()
    const unpublished = await visibleAfter(
      since,
      async () => !(await latest(reader)).titles.some((t) => t.startsWith('兴仁县乡村学校开学')),
    )
    // And the list is cached again once it has been read.
    expect((await latest(reader)).cache).toBe('HIT')
    console.log(
      `[read-cache] change visible to the ${onPostgres ? 'other process' : 'next read'}, ms after the writer answered (including that read, load ${loadavg()[0]!.toFixed(1)}): published ${published}, corrected ${corrected}, retracted ${retracted}, unpublished ${unpublished}`,
    )
  })

  test(`the reader site's front page ${onPostgres ? 'in the other process ' : ''}follows a publish and an unpublish (its pages drop once the save committed)`, async () => {
    const front = async () => {
      const res = await fetch(`${reader.url}/`)
      expect(res.status).toBe(200)
      return res.text()
    }
    await front()
    await front() // cached now (SITE_CACHE_SECONDS is 300)
    const id = await publishedStory('兴义市万峰林景区迎来赏花季')
    let since = Date.now()
    const published = await visibleAfter(since, async () => (await front()).includes('兴义市万峰林景区迎来赏花季'))
    await act(id, 'unpublish')
    since = Date.now()
    const unpublished = await visibleAfter(since, async () => !(await front()).includes('兴义市万峰林景区迎来赏花季'))
    console.log(
      `[read-cache] reader front page ${onPostgres ? 'in the other process ' : ''}followed, ms after the writer answered: published ${published}, unpublished ${unpublished}`,
    )
  })
})
