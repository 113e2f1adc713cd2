/**
 * URL slugs. A Chinese name or headline gets a pinyin slug (pinyin-pro): 兴仁县“三抓三强” → xing-ren-xian-san-zhua-san-qiang.
 * Slugs are unique per collection: a taken slug gets -2, -3, … appended.
 */
import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'

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

async function uniqueSlug(req: PayloadRequest, collection: CollectionSlug, base: string, ownId: unknown): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const { docs } = await req.payload.find({
      collection,
      where: { slug: { equals: candidate } },
      limit: 1,
      depth: 0,
      pagination: false,
      draft: true,
      overrideAccess: true,
      req,
      select: {},
    })
    const other = docs.find((doc) => String(doc.id) !== String(ownId))
    if (!other) return candidate
  }
  return `${base}-${Date.now()}`
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
    return uniqueSlug(req, collection.slug as CollectionSlug, base, originalDoc?.id)
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
