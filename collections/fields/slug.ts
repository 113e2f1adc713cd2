/**
 * URL slugs. A Chinese name or headline gets a pinyin slug (pinyin-pro): 兴仁县“三抓三强” → xing-ren-xian-san-zhua-san-qiang.
 * Slugs are unique per collection: a taken slug gets -2, -3, … appended (the next free number).
 */
import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'

import { hasDraftsEnabled } from 'payload/shared'

import { pinyin } from 'pinyin-pro'

import { label } from '../labels'

const MAX_SLUG_LENGTH = 80

export function slugify(text: string): string {
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

/**
 * Whether another document holds the slug: the latest version of each (drafts included) when the collection has
 * drafts, else the documents. Asked of the database adapter with the id only — every save and every imported
 * story asks at least once, and Payload's find operation (access, hooks, the read-back) cost more than the query.
 */
export async function slugTaken(req: PayloadRequest, collection: CollectionSlug, candidate: string, ownId: unknown): Promise<boolean> {
  const { db } = req.payload
  const drafts = hasDraftsEnabled(req.payload.collections[collection].config)
  const { docs } = drafts
    ? await db.queryDrafts({
        collection,
        where: { 'version.slug': { equals: candidate } },
        // The order the archive index ends with (src/archive-indexes.ts), so the database need not sort.
        sort: '-version.createdAt',
        limit: 2,
        pagination: false,
        select: { parent: true, version: {} },
        joins: false,
        req,
      })
    : await db.find({
        collection,
        where: { slug: { equals: candidate } },
        limit: 2,
        pagination: false,
        select: { id: true },
        joins: false,
        req,
      })
  return docs.some((doc) => String(doc.id) !== String(ownId))
}

/**
 * Slugs this request gave out, by collection and base: the last number used. A batch import saves many stories
 * in one request before any is visible in the database; they must not get the same slug, and the next story
 * with the same headline starts looking after the last number given instead of at 1.
 */
const givenOut = new WeakMap<PayloadRequest, Map<string, number>>()

async function uniqueSlug(req: PayloadRequest, collection: CollectionSlug, base: string, ownId: unknown): Promise<string> {
  const given = givenOut.get(req) ?? new Map<string, number>()
  givenOut.set(req, given)
  const key = `${collection}:${base}`
  const candidate = (n: number) => (n === 1 ? base : `${base}-${n}`)
  const taken = async (n: number) => n <= (given.get(key) ?? 0) || (await slugTaken(req, collection, candidate(n), ownId))
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
  return candidate(free)
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
