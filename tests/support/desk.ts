/**
 * The one desk the integration tests run against: real users with real roles (two reporters, two editors, an
 * admin), stories put into any stage through the workflow itself, REST and GraphQL through Payload's real Next
 * route handlers (tests/support/http.ts), next to the Local API. `useDesk()` boots it for a test file and closes
 * it after; the distribution tests build their desk (channels, sections, regions) on the same pieces
 * (distribution-desk.ts).
 */
import type { Payload, TypedUser } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll } from 'vitest'

import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { TEST_PASSWORD, tokenFor } from './desk-users'
import { graphql as graphqlCall, rest as restCall } from './http'
import { lexical } from './lexical'
import { bootDesk, type TestDesk } from './payload'

export type Persona = 'ownReporter' | 'otherReporter' | 'editor' | 'admin' | 'anonymous'
export const PERSONAS: Persona[] = ['ownReporter', 'otherReporter', 'editor', 'admin', 'anonymous']

type Id = string | number
/** A signed-in user as Payload's auth hands it to access rules (`req.user`: the users document and its collection). */
type User = TypedUser

export interface DeskMember {
  user: User
  authorId: Id
  token: string
}

export interface Desk {
  payload: Payload
  reporter: DeskMember
  otherReporter: DeskMember
  editor: DeskMember
  otherEditor: DeskMember
  admin: DeskMember
}

async function member(payload: Payload, email: string, name: string, roles: string[]): Promise<DeskMember> {
  const author = await payload.create({
    collection: 'authors',
    data: { name, roles: roles.includes('reporter') ? ['reporter'] : ['editor'] },
  })
  const created = await payload.create({
    collection: 'users',
    data: { email, password: TEST_PASSWORD, roles, name, author: author.id },
  })
  const user: User = { ...created, collection: 'users' }
  await payload.update({ collection: 'authors', id: author.id, data: { user: user.id } })
  return { user, authorId: author.id, token: await tokenFor(payload, email) }
}

export async function setUpDesk(payload: Payload): Promise<Desk> {
  return {
    payload,
    reporter: await member(payload, 'ding@newsroom.test', '丁宪民', ['reporter']),
    otherReporter: await member(payload, 'li@newsroom.test', '李平', ['reporter']),
    editor: await member(payload, 'wang@newsroom.test', '王丽', ['editor']),
    otherEditor: await member(payload, 'zhao@newsroom.test', '赵敏', ['editor']),
    admin: await member(payload, 'chief@newsroom.test', '陈总', ['admin']),
  }
}

export const memberFor = (desk: Desk, persona: Persona): DeskMember | null =>
  persona === 'ownReporter'
    ? desk.reporter
    : persona === 'otherReporter'
      ? desk.otherReporter
      : persona === 'anonymous'
        ? null
        : desk[persona]

export { lexical }

let counter = 0

/**
 * A draft in house style (a county schools story, numbered so each title and slug is new), saved through the
 * Local API as `user` with access checked, as that user's own save would be.
 */
export async function writeDraftAs(payload: Payload, user: unknown, data: Record<string, unknown>): Promise<Id> {
  counter++
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title: `兴仁县新建乡村学校第${counter}批`,
      body: lexical('兴仁县今年新建了十二所乡村学校，全县适龄儿童入学率达到百分之百。', '县教育局表示，明年将继续改善乡村学校的办学条件。'),
      _status: 'draft',
      ...data,
    },
    draft: true,
    overrideAccess: false,
    user: user,
  })
  return doc.id
}

/** A story in house style, written by the reporter (created through the Local API as them). */
export const writeStory = (desk: Desk, overrides: Record<string, unknown> = {}): Promise<Id> =>
  writeDraftAs(desk.payload, desk.reporter.user, { credits: [{ author: desk.reporter.authorId, role: 'reporter' }], ...overrides })

/** Walks a fresh story to `stage` through the workflow itself (as its reporter, then an editor). */
export async function storyAt(desk: Desk, stage: string, overrides: Record<string, unknown> = {}): Promise<Id> {
  const id = await writeStory(desk, overrides)
  const act = (user: User, action: string, extra: Record<string, unknown> = {}) =>
    takeWorkflowAction(desk.payload, { user, id, action, ...extra })
  const reporter = desk.reporter.user
  const editor = desk.editor.user
  const paths: Record<string, [User, string, Record<string, unknown>?][]> = {
    draft: [],
    submitted: [[reporter, 'submit']],
    changes_requested: [
      [reporter, 'submit'],
      [editor, 'requestChanges', { note: '请补充校长的说法' }],
    ],
    approved: [
      [reporter, 'submit'],
      [editor, 'approve'],
    ],
    scheduled: [
      [reporter, 'submit'],
      [editor, 'approve'],
      [editor, 'schedule', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }],
    ],
    published: [
      [reporter, 'submit'],
      [editor, 'approve'],
      [editor, 'publish'],
    ],
    corrected: [
      [reporter, 'submit'],
      [editor, 'approve'],
      [editor, 'publish'],
      [editor, 'correct', { note: '此前报道学校数量有误，已更正。' }],
    ],
    unpublished: [
      [reporter, 'submit'],
      [editor, 'approve'],
      [editor, 'publish'],
      [editor, 'unpublish'],
    ],
    retracted: [
      [reporter, 'submit'],
      [editor, 'approve'],
      [editor, 'publish'],
      [editor, 'retract', { note: '消息来源不实' }],
    ],
  }
  for (const [user, action, extra] of paths[stage] ?? []) await act(user, action, extra)
  return id
}

/** What a story looks like to the desk now: stage, public or not, history count — to prove a refusal changed nothing. */
export async function snapshot(desk: Desk, id: Id) {
  const latest = (await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as Record<
    string,
    unknown
  >
  const main = (await desk.payload.findByID({ collection: 'articles', id, draft: false, depth: 0, overrideAccess: true })) as Record<
    string,
    unknown
  >
  return {
    title: latest.title,
    stage: latest.stage,
    status: main._status,
    sequence: latest.workflowSequence,
    corrections: (latest.corrections as unknown[] | undefined)?.length ?? 0,
    history: (await historyOf(desk, id)).map((e) => `${e.action}:${e.toStage}`),
  }
}

export async function historyOf(desk: Desk, id: Id) {
  const { docs } = await desk.payload.find({
    collection: 'workflow-events',
    where: { article: { equals: id } },
    sort: 'sequence',
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as {
    action: string
    fromStage: string | null
    toStage: string
    actor: Id | null
    note: string | null
    sequence: number
  }[]
}

// ---------- REST and GraphQL: the one caller (http.ts), in the shapes these tests read ----------

export interface HttpResult {
  status: number
  body: Record<string, any>
}

/** Paths below /api, without the leading slash: rest.get('articles/1', token). */
export const rest = {
  get: (path: string, token?: string) => restCall('GET', `/${path}`, { token }).then(asResult),
  post: (path: string, token?: string, body?: unknown) => restCall('POST', `/${path}`, { token, body: body ?? {} }).then(asResult),
  patch: (path: string, token?: string, body?: unknown) => restCall('PATCH', `/${path}`, { token, body: body ?? {} }).then(asResult),
}

function asResult({ status, body }: { status: number; body: unknown }): HttpResult {
  return { status, body: body && typeof body === 'object' ? (body as Record<string, any>) : {} }
}

/** GraphQL's answer with the status its first error carries (Payload answers 200 with errors). */
export async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const { body } = await graphqlCall<{
    data?: Record<string, any>
    errors?: { message: string; extensions?: { statusCode?: number; data?: any } }[]
  }>(query, variables, token)
  return { ...body, statusCode: body.errors?.[0]?.extensions?.statusCode ?? (body.errors ? 500 : 200) }
}

/** A Local API request for a persona (anonymous: a request with no user). */
export const localReqFor = async (desk: Desk, persona: Persona) =>
  createLocalReq({ user: memberFor(desk, persona)?.user ?? undefined }, desk.payload)

/**
 * Closes the test desk. Payload's destroy() leaves the PostgreSQL pool open; if the test database is dropped
 * while it is, the idle clients' 57P01 errors are re-emitted on the pool, which has no listener — and an
 * unhandled error fails the run. Listen first.
 */
export async function closeDesk(testDesk: { payload: Payload; close(): Promise<void> } | undefined) {
  if (!testDesk) return
  const pool = (testDesk.payload.db as unknown as { pool?: { on(event: 'error', listener: () => void): void } }).pool
  pool?.on('error', () => undefined)
  await testDesk.close()
}

/**
 * Boots the desk for this test file (before its tests) and closes it after: `const desk = useDesk()`. The
 * returned desk stands for the booted one (its properties are read when a test runs).
 */
export function useDesk(): Desk & { testDesk: TestDesk } {
  let booted: { desk: Desk; testDesk: TestDesk } | undefined
  beforeAll(async () => {
    const testDesk = await bootDesk()
    booted = { testDesk, desk: await setUpDesk(testDesk.payload) }
  }, 120_000)
  afterAll(() => closeDesk(booted?.testDesk))
  return new Proxy({} as Desk & { testDesk: TestDesk }, {
    get(_target, key) {
      if (!booted) throw new Error('the desk is booted in beforeAll: read it inside a test or hook')
      return key === 'testDesk' ? booted.testDesk : booted.desk[key as keyof Desk]
    },
  })
}
