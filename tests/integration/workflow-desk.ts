/**
 * The desk the workflow tests run against: real users with real roles (two reporters, two editors, an admin),
 * stories put into any stage through the workflow itself, and callers for REST and GraphQL through Payload's
 * real Next route handlers (in-process), next to the Local API.
 */
import type { Payload } from 'payload'
import { lexical } from '../support/lexical'

import { GRAPHQL_POST, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { createLocalReq } from 'payload'

import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { tokenFor } from '../support/desk-users'
import { TEST_PASSWORD } from '../support/desk-users'

export type Persona = 'ownReporter' | 'otherReporter' | 'editor' | 'admin' | 'anonymous'
export const PERSONAS: Persona[] = ['ownReporter', 'otherReporter', 'editor', 'admin', 'anonymous']

type Id = string | number
type User = Awaited<ReturnType<Payload['create']>> & { id: Id }

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
  const author = await payload.create({ collection: 'authors', data: { name, roles: roles.includes('reporter') ? ['reporter'] : ['editor'] } as never })
  const user = (await payload.create({
    collection: 'users',
    data: { email, password: TEST_PASSWORD, roles, name, author: author.id } as never,
  })) as User
  await payload.update({ collection: 'authors', id: author.id, data: { user: user.id } as never })
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
  persona === 'ownReporter' ? desk.reporter : persona === 'otherReporter' ? desk.otherReporter : persona === 'anonymous' ? null : desk[persona]

export { lexical }

let counter = 0
/** A story in house style, written by the reporter (created through the Local API as them). */
export async function writeStory(desk: Desk, overrides: Record<string, unknown> = {}): Promise<Id> {
  counter++
  const doc = await desk.payload.create({
    collection: 'articles',
    data: {
      title: `兴仁县新建乡村学校第${counter}批`,
      body: lexical('兴仁县今年新建了十二所乡村学校，全县适龄儿童入学率达到百分之百。', '县教育局表示，明年将继续改善乡村学校的办学条件。'),
      credits: [{ author: desk.reporter.authorId, role: 'reporter' }],
      _status: 'draft',
      ...overrides,
    } as never,
    draft: true,
    overrideAccess: false,
    user: desk.reporter.user,
  })
  return doc.id
}

/** Walks a fresh story to `stage` through the workflow itself (as its reporter, then an editor). */
export async function storyAt(desk: Desk, stage: string, overrides: Record<string, unknown> = {}): Promise<Id> {
  const id = await writeStory(desk, overrides)
  const act = (user: User, action: string, extra: Record<string, unknown> = {}) =>
    takeWorkflowAction(desk.payload, { user: user as never, id, action, ...extra })
  const reporter = desk.reporter.user
  const editor = desk.editor.user
  const paths: Record<string, [User, string, Record<string, unknown>?][]> = {
    draft: [],
    submitted: [[reporter, 'submit']],
    changes_requested: [[reporter, 'submit'], [editor, 'requestChanges', { note: '请补充校长的说法' }]],
    approved: [[reporter, 'submit'], [editor, 'approve']],
    scheduled: [[reporter, 'submit'], [editor, 'approve'], [editor, 'schedule', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }]],
    published: [[reporter, 'submit'], [editor, 'approve'], [editor, 'publish']],
    corrected: [[reporter, 'submit'], [editor, 'approve'], [editor, 'publish'], [editor, 'correct', { note: '此前报道学校数量有误，已更正。' }]],
    unpublished: [[reporter, 'submit'], [editor, 'approve'], [editor, 'publish'], [editor, 'unpublish']],
    retracted: [[reporter, 'submit'], [editor, 'approve'], [editor, 'publish'], [editor, 'retract', { note: '消息来源不实' }]],
  }
  for (const [user, action, extra] of paths[stage] ?? []) await act(user, action, extra)
  return id
}

/** What a story looks like to the desk now: stage, public or not, history count — to prove a refusal changed nothing. */
export async function snapshot(desk: Desk, id: Id) {
  const latest = (await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as Record<string, unknown>
  const main = (await desk.payload.findByID({ collection: 'articles', id, draft: false, depth: 0, overrideAccess: true })) as Record<string, unknown>
  const history = await desk.payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'sequence', depth: 0, pagination: false, overrideAccess: true })
  return {
    title: latest.title,
    stage: latest.stage,
    status: main._status,
    sequence: latest.workflowSequence,
    corrections: (latest.corrections as unknown[] | undefined)?.length ?? 0,
    history: history.docs.map((e) => `${String((e as Record<string, unknown>).action)}:${String((e as Record<string, unknown>).toStage)}`),
  }
}

export async function historyOf(desk: Desk, id: Id) {
  const { docs } = await desk.payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'sequence', depth: 0, pagination: false, overrideAccess: true })
  return docs as unknown as { action: string; fromStage: string | null; toStage: string; actor: Id | null; note: string | null; sequence: number }[]
}

// ---------- REST and GraphQL through Payload's real Next route handlers ----------

// Imported late: bootDesk() sets DATABASE_URI before the config reads it.
const config = () => import('../../payload.config').then((m) => m.default)

const headers = (token?: string, json = true): HeadersInit => ({
  ...(json ? { 'Content-Type': 'application/json' } : {}),
  ...(token ? { Authorization: `JWT ${token}` } : {}),
})

export interface HttpResult {
  status: number
  body: Record<string, any>
}

const slugOf = (path: string) => path.split('?')[0]!.split('/').filter(Boolean)

async function call(handler: ReturnType<typeof REST_GET>, method: string, path: string, token?: string, body?: unknown): Promise<HttpResult> {
  const request = new Request(`http://localhost/api/${path}`, {
    method,
    headers: headers(token, body !== undefined),
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  })
  const res = await handler(request, { params: Promise.resolve({ slug: slugOf(path) }) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : {} }
}

export const rest = {
  get: (path: string, token?: string) => call(REST_GET(config()), 'GET', path, token),
  post: (path: string, token?: string, body?: unknown) => call(REST_POST(config()), 'POST', path, token, body ?? {}),
  patch: (path: string, token?: string, body?: unknown) => call(REST_PATCH(config()), 'PATCH', path, token, body ?? {}),
}

export async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await GRAPHQL_POST(config())(
    new Request('http://localhost/api/graphql', { method: 'POST', headers: headers(token), body: JSON.stringify({ query, variables }) }),
  )
  const json = (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { statusCode?: number; data?: any } }[] }
  return { ...json, statusCode: json.errors?.[0]?.extensions?.statusCode ?? (json.errors ? 500 : 200) }
}

/** A Local API request for a persona (anonymous: a request with no user). */
export const localReqFor = async (desk: Desk, persona: Persona) => createLocalReq({ user: (memberFor(desk, persona)?.user ?? undefined) as never }, desk.payload)

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
