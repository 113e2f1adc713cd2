/**
 * Deferred story writes for a batch import. Each new story goes through Payload's own create operation — every
 * field validation and hook (house-style render + lint, the workflow's stage and history, slugs, distribution,
 * the read cache) runs as for any create — but, for requests of the batch, the adapter calls that write the
 * story, its version and its history rows are held back and written for the whole batch at once (bulkInsert),
 * inside the batch's transaction. What the hooks read is served as usual (name look-ups cached per batch).
 *
 * Interception is per request: only the batch's own `req` is deferred, every other call passes straight through.
 */
import type { CollectionSlug, CreateArgs, CreateVersionArgs, FindArgs, FindVersionsArgs, Payload, PayloadRequest } from 'payload'

import { buildVersionCollectionFields } from 'payload'

import { adapterOf, bulkInsert, reserveIds, tableNameOf, type DrizzleDb } from './bulk-insert'

type Row = Record<string, unknown>
type Id = string | number

/** A story the batch must write before this one can be saved (its slug would collide with a deferred one). */
export class NeedsFlush extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'NeedsFlush'
  }
}

interface StagedStory {
  id?: Id
  data?: Row
  versions: { id: Id; data: Row }[]
  events: Row[]
}

const deferrals = new WeakMap<Partial<PayloadRequest>, DeferredStoryWrites>()
const installed = new WeakSet<object>()

/** Collections whose id look-ups the hooks repeat story after story (names for the dateline and byline). */
const CACHED_LOOKUPS = new Set(['regions', 'authors', 'sections'])

export class DeferredStoryWrites {
  private staged: StagedStory[] = []
  private current: StagedStory | null = null
  private slugs = new Set<string>()
  private articleIds: Id[] = []
  private versionIds: Id[] = []
  private lookups = new Map<string, Promise<unknown>>()

  constructor(
    private readonly payload: Payload,
    readonly req: PayloadRequest,
    readonly storySlug: CollectionSlug,
    readonly eventsSlug: CollectionSlug,
  ) {
    install(payload)
    deferrals.set(req, this)
  }

  /** Ids for the stories this batch will create, taken inside its transaction. */
  async reserve(count: number): Promise<void> {
    const adapter = adapterOf(this.payload)
    const db = await this.db()
    const highest = (ids: Id[]) => Math.max(0, ...ids.map(Number))
    this.articleIds.push(...(await reserveIds(adapter, db, tableNameOf(adapter, this.storySlug), count, highest(this.articleIds))))
    this.versionIds.push(...(await reserveIds(adapter, db, tableNameOf(adapter, this.storySlug, true), count, highest(this.versionIds))))
  }

  /** Starts one story: what its create defers is kept by keep() or dropped by drop() (a refused story). */
  begin() {
    this.current = { versions: [], events: [] }
  }

  keep() {
    if (this.current?.data) {
      this.staged.push(this.current)
      if (typeof this.current.data.slug === 'string') this.slugs.add(this.current.data.slug)
    }
    this.current = null
  }

  drop() {
    if (this.current?.id !== undefined) this.articleIds.unshift(this.current.id)
    if (this.current?.versions[0]) this.versionIds.unshift(this.current.versions[0].id)
    this.current = null
  }

  get pending(): number {
    return this.staged.length
  }

  /** Writes every kept story: the rows, then their versions, then their history, one insert per table. */
  async flush(): Promise<void> {
    if (!this.staged.length) return
    const adapter = adapterOf(this.payload)
    const db = await this.db()
    const stories = this.payload.collections[this.storySlug].config
    const events = this.payload.collections[this.eventsSlug].config
    const staged = this.staged
    this.staged = []
    this.slugs.clear()
    await bulkInsert(
      adapter,
      db,
      tableNameOf(adapter, this.storySlug),
      stories.flattenedFields,
      staged.map((s) => ({ id: s.id, data: s.data! })),
    )
    await bulkInsert(
      adapter,
      db,
      tableNameOf(adapter, this.storySlug, true),
      buildVersionCollectionFields(this.payload.config, stories, true),
      staged.flatMap((s) => s.versions),
    )
    await bulkInsert(
      adapter,
      db,
      tableNameOf(adapter, this.eventsSlug),
      events.flattenedFields,
      staged.flatMap((s) => s.events.map((data) => ({ data }))),
    )
  }

  end() {
    deferrals.delete(this.req)
  }

  private async db(): Promise<DrizzleDb> {
    const adapter = this.payload.db as unknown as { drizzle: DrizzleDb; sessions?: Record<string, { db: DrizzleDb }> }
    const id = this.req.transactionID ? await this.req.transactionID : undefined
    return (id !== undefined && id !== null ? adapter.sessions?.[String(id)]?.db : undefined) ?? adapter.drizzle
  }

  /** payload.db.create for this batch's request: the story and its history rows are staged, not written. */
  create(args: CreateArgs): Row | null | undefined {
    const story = this.current
    if (!story) return undefined
    if (args.collection === this.storySlug && story.data === undefined) {
      const slug = args.data.slug
      if (typeof slug === 'string' && this.slugs.has(slug)) throw new NeedsFlush(`slug ${slug} is taken by a story of this batch`)
      const id = this.articleIds.shift()
      if (id === undefined) throw new Error('no reserved story id left in this batch')
      story.id = id
      // As the adapter's create: timestamps are set when the row is written (and read back into the version).
      const now = new Date().toISOString()
      args.data.createdAt ??= now
      args.data.updatedAt ??= now
      story.data = args.data
      // Payload reads the saved story back; the same data, as a copy its later hooks may change.
      return { ...structuredClone(args.data), id }
    }
    if (args.collection === this.eventsSlug && args.returning === false && story.id !== undefined) {
      story.events.push(args.data)
      return null
    }
    return undefined
  }

  /** payload.db.createVersion: the first version of a staged story is staged with it. */
  createVersion(args: CreateVersionArgs): Row | null | undefined {
    const story = this.current
    if (
      !story ||
      args.collectionSlug !== this.storySlug ||
      story.id === undefined ||
      String(args.parent) !== String(story.id) ||
      args.returning !== false
    )
      return undefined
    const id = this.versionIds.shift()
    if (id === undefined) throw new Error('no reserved version id left in this batch')
    const version = { ...args.versionData }
    delete version.id
    // What the adapter's createVersion stores; a new story has no older version to mark as not latest.
    story.versions.push({
      id,
      data: {
        autosave: args.autosave,
        createdAt: args.createdAt,
        latest: true,
        parent: args.parent,
        publishedLocale: args.publishedLocale,
        snapshot: args.snapshot,
        updatedAt: args.updatedAt,
        version,
      },
    })
    return null
  }

  /** payload.db.findVersions: a staged story has exactly its one version (Payload asks when enforcing maxPerDoc). */
  findVersions(args: FindVersionsArgs) {
    const clause = args.where?.parent
    const parent = clause && !Array.isArray(clause) ? clause.equals : undefined
    if (args.collection !== this.storySlug || parent === undefined || !this.isStaged(parent)) return undefined
    return {
      docs: [],
      hasNextPage: false,
      hasPrevPage: false,
      limit: 0,
      nextPage: null,
      page: 1,
      pagingCounter: 1,
      prevPage: null,
      totalDocs: 0,
      totalPages: 1,
    }
  }

  /** payload.db.find of names (regions, authors, sections) by the same query: answered once per batch. */
  find(args: FindArgs, original: (args: FindArgs) => Promise<unknown>) {
    if (!CACHED_LOOKUPS.has(args.collection)) return undefined
    const key = JSON.stringify({ ...args, req: undefined })
    let answer = this.lookups.get(key)
    if (!answer) {
      answer = original(args)
      this.lookups.set(key, answer)
      answer.catch(() => this.lookups.delete(key))
    }
    return answer.then((result) => structuredClone(result))
  }

  private isStaged(id: unknown) {
    return (
      (this.current?.id !== undefined && String(this.current.id) === String(id)) || this.staged.some((s) => String(s.id) === String(id))
    )
  }
}

/** The adapter methods a batch intercepts, with Payload's own argument types. */
interface Intercepted {
  create(args: CreateArgs): Promise<unknown>
  createVersion(args: CreateVersionArgs): Promise<unknown>
  findVersions(args: FindVersionsArgs): Promise<unknown>
  find(args: FindArgs): Promise<unknown>
}

/** `original` wrapped: a call from a batch's request goes to the batch first; `undefined` from it passes the call on. */
const deferredOr =
  <A extends { req?: Partial<PayloadRequest> }>(
    original: (args: A) => Promise<unknown>,
    defer: (deferral: DeferredStoryWrites, args: A) => unknown,
  ) =>
  async (args: A) => {
    const deferral = args.req && deferrals.get(args.req)
    if (!deferral) return original(args)
    const answer = defer(deferral, args)
    return answer === undefined ? original(args) : answer
  }

/** Wraps the adapter's write methods once per Payload instance; a call from a batch's request is deferred. */
function install(payload: Payload) {
  const db = payload.db as unknown as Intercepted
  if (installed.has(db)) return
  installed.add(db)
  const find = db.find.bind(db)
  db.create = deferredOr(db.create.bind(db), (deferral, args) => deferral.create(args))
  db.createVersion = deferredOr(db.createVersion.bind(db), (deferral, args) => deferral.createVersion(args))
  db.findVersions = deferredOr(db.findVersions.bind(db), (deferral, args) => deferral.findVersions(args))
  db.find = deferredOr(find, (deferral, args) => deferral.find(args, find))
}
