/**
 * Writes that would go around the workflow, tried by every role over REST, GraphQL and the Local API
 * (overrideAccess: false, a real user): publishing or unpublishing by writing `_status`, setting `stage`,
 * adding corrections, re-assigning who created a story or whose it is, creating a story already public or
 * mid-workflow, and ordinary edits in each stage. Refused writes change nothing; an editor's `_status` write is
 * accepted as the same recorded transition the action would make.
 */
import { describe, expect, it } from 'vitest'

import {
  graphql,
  historyOf,
  lexical,
  memberFor,
  PERSONAS,
  rest,
  snapshot,
  storyAt,
  useDesk,
  type Desk,
  type Persona,
} from '../support/desk'

const desk = useDesk()

type Api = 'REST' | 'GraphQL' | 'Local API'
type Id = string | number
type Snapshot = Awaited<ReturnType<typeof snapshot>>

interface Write {
  name: string
  /** The stage the story is in first; null: the write creates a story. */
  from: string | null
  draft: boolean
  data: (desk: Desk) => Record<string, unknown>
  allowed: Persona[]
  /** The refusal's status when not 403 (a retracted story cannot be published: 409 for those who could otherwise). */
  refusal?: Partial<Record<Persona, number>>
  /** What an allowed write leaves behind. */
  verify?: (after: Snapshot, before: Snapshot | null, id: Id, persona: Persona) => Promise<void> | void
}

const newStory = (desk: Desk) => ({
  title: '兴义市开通第二条城市公交线路',
  body: lexical('兴义市第二条城市公交线路今天正式开通，全程十八公里。'),
  credits: [{ author: desk.reporter.authorId, role: 'reporter' }],
})

const WRITES: Write[] = [
  {
    name: 'publish a submitted story by writing _status',
    from: 'submitted',
    draft: false,
    data: () => ({ _status: 'published' }),
    allowed: ['editor', 'admin'],
    // The same transition as the publish action, approval included.
    verify: (after, before) => {
      expect(after.stage).toBe('published')
      expect(after.status).toBe('published')
      expect(after.history).toEqual([...before!.history, 'approve:approved', 'publish:published'])
    },
  },
  {
    name: 'unpublish a live story by writing _status',
    from: 'published',
    draft: false,
    data: () => ({ _status: 'draft' }),
    allowed: ['editor', 'admin'],
    verify: (after, before) => {
      expect(after.stage).toBe('unpublished')
      expect(after.status).toBe('draft')
      expect(after.history).toEqual([...before!.history, 'unpublish:unpublished'])
    },
  },
  { name: 'set stage on a draft (draft save)', from: 'draft', draft: true, data: () => ({ stage: 'approved' }), allowed: [] },
  {
    name: 'set stage and _status together',
    from: 'submitted',
    draft: false,
    data: () => ({ stage: 'published', _status: 'published' }),
    allowed: [],
  },
  { name: 'set a retracted story back to published', from: 'retracted', draft: false, data: () => ({ stage: 'published' }), allowed: [] },
  {
    name: 'republish a retracted story by writing _status',
    from: 'retracted',
    draft: false,
    data: () => ({ _status: 'published' }),
    allowed: [],
    refusal: { editor: 409, admin: 409 },
  },
  {
    name: 'add a correction without the correct action',
    from: 'published',
    draft: false,
    data: () => ({ corrections: [{ note: '悄悄改一下', date: new Date().toISOString() }], _status: 'published' }),
    allowed: [],
  },
  {
    name: 'reassign who created the story',
    from: 'draft',
    draft: true,
    data: (d) => ({ createdBy: d.otherReporter.user.id }),
    allowed: [],
  },
  {
    name: 'write whose story it is (its owner keys)',
    from: 'draft',
    draft: true,
    data: (d) => ({ deskOwners: [`user:${d.otherReporter.user.id}`, `author:${d.otherReporter.authorId}`] }),
    allowed: ['ownReporter', 'editor', 'admin'],
    // An ordinary save: the keys stay the workflow's, from who created the story and whom it credits.
    verify: async (_after, _before, id) => {
      const doc = await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(doc.deskOwners).toEqual([`user:${desk.reporter.user.id}`, `author:${desk.reporter.authorId}`])
    },
  },
  {
    name: 'edit a draft',
    from: 'draft',
    draft: true,
    data: () => ({ title: '兴仁县新建十二所乡村学校' }),
    allowed: ['ownReporter', 'editor', 'admin'],
    verify: (after, before) => {
      expect(after.title).toBe('兴仁县新建十二所乡村学校')
      expect(after.stage).toBe('draft')
      expect(after.history).toEqual(before!.history)
    },
  },
  {
    name: 'edit a story sent back for changes',
    from: 'changes_requested',
    draft: true,
    data: () => ({ title: '兴仁县新建十二所乡村学校' }),
    allowed: ['ownReporter', 'editor', 'admin'],
    verify: (after) => expect(after.stage).toBe('changes_requested'),
  },
  {
    name: 'edit a submitted story',
    from: 'submitted',
    draft: true,
    data: () => ({ title: '兴仁县新建十二所乡村学校' }),
    allowed: ['editor', 'admin'],
    verify: (after) => expect([after.title, after.stage]).toEqual(['兴仁县新建十二所乡村学校', 'submitted']),
  },
  {
    name: 'edit a published story (as a draft)',
    from: 'published',
    draft: true,
    data: () => ({ title: '兴仁县新建十二所乡村学校' }),
    allowed: ['editor', 'admin'],
    verify: (after, before) => {
      // The public still sees the published version; the edit waits as a draft.
      expect([after.stage, after.status]).toEqual(['published', 'published'])
      expect(after.history).toEqual(before!.history)
    },
  },
  {
    name: 'publish changes to a live story',
    from: 'published',
    draft: false,
    data: () => ({ title: '兴仁县新建十二所乡村学校', _status: 'published' }),
    allowed: ['editor', 'admin'],
    verify: (after, before) => {
      expect([after.title, after.stage, after.status]).toEqual(['兴仁县新建十二所乡村学校', 'published', 'published'])
      expect(after.history).toEqual([...before!.history, 'update:published'])
    },
  },
  {
    name: 'create a story already published',
    from: null,
    draft: false,
    data: (d) => ({ ...newStory(d), _status: 'published' }),
    allowed: ['editor', 'admin'],
    verify: async (after, _before, id, persona) => {
      expect([after.stage, after.status]).toEqual(['published', 'published'])
      expect(after.history).toEqual(['create:draft', 'approve:approved', 'publish:published'])
      const history = await historyOf(desk, id)
      expect(history.every((e) => String(e.actor) === String(memberFor(desk, persona)!.user.id))).toBe(true)
    },
  },
  { name: 'create a story mid-workflow', from: null, draft: true, data: (d) => ({ ...newStory(d), stage: 'approved' }), allowed: [] },
  {
    name: 'create a draft',
    from: null,
    draft: true,
    data: (d) => newStory(d),
    allowed: ['ownReporter', 'otherReporter', 'editor', 'admin'],
    verify: async (after, _before, id, persona) => {
      expect([after.stage, after.status, after.history]).toEqual(['draft', 'draft', ['create:draft']])
      const doc = await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
      expect(String(doc.createdBy)).toBe(String(memberFor(desk, persona)!.user.id))
    },
  },
]

async function write(api: Api, persona: Persona, w: Write, id: Id | null): Promise<{ status: number; id?: Id }> {
  const member = memberFor(desk, persona)
  const data = w.data(desk)
  if (api === 'REST') {
    const query = w.draft ? '?draft=true' : ''
    const res =
      id === null
        ? await rest.post(`articles${query}`, member?.token, data)
        : await rest.patch(`articles/${id}${query}`, member?.token, data)
    return { status: res.status, id: res.body?.doc?.id }
  }
  if (api === 'GraphQL') {
    const res =
      id === null
        ? await graphql(
            `
              mutation ($data: mutationArticleInput!, $draft: Boolean) {
                createArticle(data: $data, draft: $draft) {
                  id
                }
              }
            `,
            { data, draft: w.draft },
            member?.token,
          )
        : await graphql(
            `
              mutation ($id: Int!, $data: mutationArticleUpdateInput!, $draft: Boolean) {
                updateArticle(id: $id, data: $data, draft: $draft) {
                  id
                }
              }
            `,
            { id: Number(id), data, draft: w.draft },
            member?.token,
          )
    if (res.errors && !res.errors[0]?.extensions?.statusCode) throw new Error(res.errors[0]!.message)
    return { status: res.statusCode === 200 ? (id === null ? 201 : 200) : res.statusCode, id: res.data?.createArticle?.id }
  }
  try {
    const args = { collection: 'articles' as const, data: data, draft: w.draft, overrideAccess: false, user: member?.user }
    const doc = id === null ? await desk.payload.create(args) : await desk.payload.update({ ...args, id })
    return { status: id === null ? 201 : 200, id: doc.id }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (!status) throw error
    return { status }
  }
}

const countStories = async () => (await desk.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

describe.each(['REST', 'GraphQL', 'Local API'] as Api[])('direct writes over %s', (api) => {
  for (const w of WRITES) {
    for (const persona of PERSONAS) {
      const allowed = w.allowed.includes(persona)
      const ok = w.from === null ? 201 : 200
      it(`${persona} ${allowed ? 'may' : 'may not'} ${w.name}`, async () => {
        const id = w.from === null ? null : await storyAt(desk, w.from)
        const before = id === null ? null : await snapshot(desk, id)
        const storiesBefore = await countStories()
        const outcome = await write(api, persona, w, id)
        if (!allowed) {
          expect(outcome.status, 'refused').toBe(w.refusal?.[persona] ?? 403)
          if (id !== null) expect(await snapshot(desk, id)).toEqual(before)
          expect(await countStories()).toBe(storiesBefore)
          return
        }
        expect(outcome.status).toBe(ok)
        const target = id ?? outcome.id!
        await w.verify?.(await snapshot(desk, target), before, target, persona)
      })
    }
  }
})
