/**
 * The permission matrix for workflow actions: every role — the story's own reporter, another reporter, an
 * editor, an admin, an anonymous caller — against every action, over REST, GraphQL and the Local API. Each
 * case starts from a fresh story in a stage where the action applies, so the answer is about the role; an
 * allowed action moves the stage and is recorded with its actor, a refused one leaves the story as it was.
 */
import { describe, expect, it } from 'vitest'

import { takeWorkflowAction, WorkflowError, type WorkflowAction } from '../../plugins/editorial-workflow'
import { graphql, historyOf, localReqFor, memberFor, type Persona, PERSONAS, rest, snapshot, storyAt, useDesk } from '../support/desk'

const desk = useDesk()

interface ActionCase {
  action: WorkflowAction
  /** A stage the action applies to, and where it leads. */
  from: string
  to: string
  input?: { note?: string; publishAt?: string }
  /** Who may press it (besides editors and admins). */
  ownReporterMay?: boolean
  /** The history entries an allowed action adds. */
  recorded: string[]
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString()

const CASES: ActionCase[] = [
  { action: 'submit', from: 'draft', to: 'submitted', ownReporterMay: true, recorded: ['submit'] },
  {
    action: 'requestChanges',
    from: 'submitted',
    to: 'changes_requested',
    input: { note: '导语太长，请压缩' },
    recorded: ['requestChanges'],
  },
  { action: 'approve', from: 'submitted', to: 'approved', recorded: ['approve'] },
  { action: 'publish', from: 'approved', to: 'published', recorded: ['publish'] },
  { action: 'schedule', from: 'approved', to: 'scheduled', input: { publishAt: 'IN_AN_HOUR' }, recorded: ['schedule'] },
  { action: 'unpublish', from: 'published', to: 'unpublished', recorded: ['unpublish'] },
  { action: 'retract', from: 'published', to: 'retracted', input: { note: '消息来源不实' }, recorded: ['retract'] },
  { action: 'correct', from: 'published', to: 'corrected', input: { note: '原稿学校数量有误，已更正。' }, recorded: ['correct'] },
]

const expectedStatus = (c: ActionCase, persona: Persona) =>
  persona === 'anonymous'
    ? 401
    : persona === 'editor' || persona === 'admin'
      ? 200
      : persona === 'ownReporter' && c.ownReporterMay
        ? 200
        : 403

type Outcome = { status: number; stage?: string }

const inputOf = (c: ActionCase) => ({ ...c.input, ...(c.input?.publishAt ? { publishAt: inAnHour() } : {}) })

const apis: Record<'REST' | 'GraphQL' | 'Local API', (c: ActionCase, persona: Persona, id: string | number) => Promise<Outcome>> = {
  REST: async (c, persona, id) => {
    const res = await rest.post(`articles/${id}/workflow`, memberFor(desk, persona)?.token, { action: c.action, ...inputOf(c) })
    return { status: res.status, stage: res.body.stage }
  },
  GraphQL: async (c, persona, id) => {
    const res = await graphql(
      `
        mutation ($id: ID!, $action: WorkflowAction!, $note: String, $publishAt: String) {
          transitionArticle(id: $id, action: $action, note: $note, publishAt: $publishAt) {
            stage
            from
            public
          }
        }
      `,
      { id: String(id), action: c.action, ...inputOf(c) },
      memberFor(desk, persona)?.token,
    )
    return { status: res.statusCode, stage: res.data?.transitionArticle?.stage }
  },
  'Local API': async (c, persona, id) => {
    try {
      const result = await takeWorkflowAction(desk.payload, { req: await localReqFor(desk, persona), id, action: c.action, ...inputOf(c) })
      return { status: 200, stage: result.stage }
    } catch (error) {
      if (error instanceof WorkflowError) return { status: error.status }
      throw error
    }
  },
}

describe.each(Object.keys(apis) as (keyof typeof apis)[])('workflow actions over %s', (api) => {
  for (const c of CASES) {
    for (const persona of PERSONAS) {
      const status = expectedStatus(c, persona)
      it(`${persona} ${status === 200 ? 'may' : 'may not'} ${c.action} (${c.from} → ${c.to}): ${status}`, async () => {
        const id = await storyAt(desk, c.from)
        const before = await snapshot(desk, id)
        const outcome = await apis[api](c, persona, id)
        expect(outcome.status).toBe(status)
        const after = await snapshot(desk, id)
        if (status !== 200) {
          expect(after).toEqual(before)
          return
        }
        expect(outcome.stage).toBe(c.to)
        expect(after.stage).toBe(c.to)
        expect(after.history).toEqual([...before.history, ...c.recorded.map((action) => `${action}:${c.to}`)])
        const last = (await historyOf(desk, id)).at(-1)!
        expect(String(last.actor)).toBe(String(memberFor(desk, persona)!.user.id))
        expect(last.fromStage).toBe(c.from)
        if (c.input?.note) expect(last.note).toBe(c.input.note)
        const live = c.to === 'published' || c.to === 'corrected'
        expect(after.status).toBe(live ? 'published' : 'draft')
      })
    }
  }
})
