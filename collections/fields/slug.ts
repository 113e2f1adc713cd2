/**
 * URL slugs. A Chinese name or headline gets a pinyin slug (pinyin-pro): 兴仁县“三抓三强” → xing-ren-xian-san-zhua-san-qiang.
 * Slugs are unique per collection: a taken slug gets -2, -3, … appended (the next free number).
 */
import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'

import { hasDraftsEnabled } from 'payload/shared'

import { pinyin } from 'pinyin-pro'

import { label } from '../labels'

const MAX_SLUG_LENGTH = 80

/**
 * Slugs of the headlines seen last. An import asks twice per story (preloadSlugs for its batch, then the save's
 * hook), and pinyin is the costly part of a save's slug: the second answer is remembered, not worked out again.
 */
const RECENT_SLUGS = 2_000
const recentSlugs = new Map<string, string>()

export function slugify(text: string): string {
  let slug = recentSlugs.get(text)
  if (slug === undefined) {
    if (recentSlugs.size >= RECENT_SLUGS) recentSlugs.clear()
    recentSlugs.set(text, (slug = slugOf(text)))
  }
  return slug
}

function slugOf(text: string): string {
  const latin = pinyin(text, { toneType: 'none', nonZh: 'consecutive', type: 'array', v: true })
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
  return slug || 'untitled'
}

/** The slug of every document (drafts included: the latest version of each) holding one of `candidates`. */
async function holders(req: PayloadRequest, collection: CollectionSlug, candidates: string[], limit: number) {
  const { db } = req.payload
  const drafts = hasDraftsEnabled(req.payload.collections[collection].config)
  if (drafts) {
    const { docs } = await db.queryDrafts({
      collection,
      where: { 'version.slug': candidates.length === 1 ? { equals: candidates[0] } : { in: candidates } },
      // The order the archive index ends with (src/archive-indexes.ts), so the database need not sort.
      sort: '-version.createdAt',
      limit,
      pagination: false,
      select: { parent: true, version: { slug: true } },
      joins: false,
      req,
    })
    return docs.map((doc) => ({ id: doc.id, slug: (doc as { slug?: unknown }).slug }))
  }
  const { docs } = await db.find({
    collection,
    where: { slug: candidates.length === 1 ? { equals: candidates[0] } : { in: candidates } },
    limit,
    pagination: false,
    select: { id: true, slug: true },
    joins: false,
    req,
  })
  return docs.map((doc) => ({ id: doc.id, slug: (doc as { slug?: unknown }).slug }))
}

/**
 * Whether another document holds the slug: the latest version of each (drafts included) when the collection has
 * drafts, else the documents. Asked of the database adapter with the id only — every save and every imported
 * story asks at least once, and Payload's find operation (access, hooks, the read-back) cost more than the query.
 * A slug the request looked up ahead (preloadSlugs) is answered from that look-up.
 */
export async function slugTaken(req: PayloadRequest, collection: CollectionSlug, candidate: string, ownId: unknown): Promise<boolean> {
  const preloaded = lookedUp.get(runOf(req))?.get(`${collection}:${candidate}`)
  const ids = preloaded ?? (await holders(req, collection, [candidate], 2)).map((doc) => doc.id)
  return ids.some((id) => String(id) !== String(ownId))
}

/**
 * Slugs given out, by collection and base: the last number used. A batch import saves many stories before any
 * is visible in the database; they must not get the same slug, and the next story with the same headline starts
 * looking after the last number given instead of at 1. Kept per request, or per import run when the request's
 * context carries one (SLUG_RUN), so the batches of a run carry on from each other.
 */
const givenOut = new WeakMap<object, Map<string, number>>()
/** Slugs looked up ahead for a request or run (preloadSlugs): `collection:slug` → ids of the documents holding it. */
const lookedUp = new WeakMap<object, Map<string, unknown[]>>()

/** The context key under which an import run's requests share what they gave out and looked up. */
export const SLUG_RUN = 'newsroomSlugRun'
const runOf = (req: PayloadRequest): object => (req.context?.[SLUG_RUN] as object | undefined) ?? req

const candidateOf = (base: string, n: number) => (n === 1 ? base : `${base}-${n}`)

async function uniqueSlug(req: PayloadRequest, collection: CollectionSlug, base: string, ownId: unknown): Promise<string> {
  const run = runOf(req)
  const given = givenOut.get(run) ?? new Map<string, number>()
  givenOut.set(run, given)
  const key = `${collection}:${base}`
  const taken = async (n: number) => n <= (given.get(key) ?? 0) || (await slugTaken(req, collection, candidateOf(base, n), ownId))
  let free = (given.get(key) ?? 0) + 1
  if (await taken(free)) {
    // Numbered slugs are given in order, so the first free number is found by doubling, then halving: a few
    // look-ups even when thousands of stories share a headline (one per number made an archive import quadratic).
    let low = free
    let high = free * 2
    while (await taken(high)) {
      low = high
      high *= 2
      if (high > 1 << 24) return `${base}-${Date.now()}`
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (await taken(middle)) low = middle
      else high = middle
    }
    free = high
  }
  given.set(key, free)
  return candidateOf(base, free)
}

/**
 * For a batch about to be created from these sources (headlines): the slug each will ask for first, looked up in
 * one query instead of one per story. Only an answer ahead: the save's own hook still decides, and asks the
 * database itself for anything not looked up here (a taken slug's next numbers, a headline a hook changed).
 */
export async function preloadSlugs(req: PayloadRequest, collection: CollectionSlug, sources: string[]): Promise<void> {
  const run = runOf(req)
  // Answers hold for this batch only: the next one looks its own up (the database may have changed between).
  lookedUp.delete(run)
  const given = givenOut.get(run)
  const next = new Map<string, number>()
  const candidates = new Set<string>()
  for (const source of sources) {
    const base = slugify(source)
    const n = next.get(base) ?? (given?.get(`${collection}:${base}`) ?? 0) + 1
    next.set(base, n + 1)
    candidates.add(candidateOf(base, n))
  }
  const known = new Map<string, unknown[]>()
  const list = [...candidates]
  // A thousand at a time: an import's --batch can be larger than a statement's bound parameters allow.
  for (let i = 0; i < list.length; i += 1000) {
    const part = list.slice(i, i + 1000)
    const found = await holders(req, collection, part, 0)
    for (const candidate of part) known.set(`${collection}:${candidate}`, [])
    for (const { id, slug } of found) known.get(`${collection}:${String(slug)}`)?.push(id)
  }
  lookedUp.set(run, known)
}

export const slugField = (from: string): Field => {
  const fillSlug: FieldHook = async ({ value, data, originalDoc, req, collection, operation }) => {
    const source = typeof value === 'string' && value.trim() ? value : (data?.[from] ?? originalDoc?.[from])
    if (typeof source !== 'string' || !source.trim()) return value
    // Keep an existing slug stable on update unless the editor changed it: links must not break.
    if (operation === 'update' && !value && originalDoc?.slug) return originalDoc.slug
    if (operation === 'update' && value === originalDoc?.slug) return value
    const base = typeof value === 'string' && value.trim() ? slugify(value) : slugify(source)
    if (!collection) return base
    return uniqueSlug(req, collection.slug, base, originalDoc?.id)
  }
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: label('网址别名', 'Slug'),
    admin: { position: 'sidebar', description: label('留空则按标题拼音生成', 'Left empty, it is made from the pinyin of the title') },
    hooks: { beforeValidate: [fillSlug] },
  }
}
