/**
 * `mediaUsed` on a story: every picture it shows (the hero image and each upload in the body), kept by a hook
 * on every save. Media rules ask "does a published story use this file?" with one indexed lookup instead of
 * reading every story's body (collections/media-rules.ts).
 */
import type { Field, FieldHook } from 'payload'

type Id = string | number

const idOf = (value: unknown): Id | null => {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

/** Upload node ids of `relationTo` anywhere in a Lexical tree (lists, quotes and tables included). */
export function uploadsInLexical(root: unknown, relationTo: string): Id[] {
  const found: Id[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { type?: string; relationTo?: string; value?: unknown; children?: unknown[]; root?: unknown }
    if (n.type === 'upload' && n.relationTo === relationTo) {
      const id = idOf(n.value)
      if (id !== null) found.push(id)
    }
    if (n.root) walk(n.root)
    if (Array.isArray(n.children)) n.children.forEach(walk)
  }
  walk(root)
  return found
}

const collect: FieldHook = ({ siblingData, originalDoc }) => {
  const current = (name: string) => (name in siblingData ? siblingData[name] : (originalDoc as Record<string, unknown> | undefined)?.[name])
  const ids = [idOf(current('heroImage')), ...uploadsInLexical(current('body'), 'media')].filter((id): id is Id => id !== null)
  return [...new Set(ids)]
}

export const mediaUsedField: Field = {
  name: 'mediaUsed',
  type: 'relationship',
  relationTo: 'media',
  hasMany: true,
  label: { zh: '使用的图片', en: 'Pictures used' },
  // Derived: nobody types it, whatever they send is replaced.
  admin: { hidden: true, readOnly: true },
  hooks: { beforeChange: [collect] },
}
