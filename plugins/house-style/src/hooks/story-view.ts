/**
 * Resolves what a story's relations mean for house style — the dateline place's short name, credited names,
 * body images — in one query per collection, so rendering and linting need no further I/O.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import type { LexicalDocument, LexicalNode } from '../lexical/blocks'
import { lexicalToBlocks } from '../lexical/blocks'
import { KIND_BY_VALUE } from '../fields'
import type { ResolvedHouseStyleOptions } from '../options'
import type { RenderedMedia } from '../render/render-story'
import type { Credit, CreditRole, Dateline, StoryDraft } from '../types'

export type Id = string | number
const idOf = (value: unknown): Id | undefined =>
  value && typeof value === 'object' ? ((value as { id?: Id }).id ?? undefined) : ((value as Id | undefined) ?? undefined)

export interface StoryFields {
  title?: string | null
  dek?: string | null
  body?: LexicalDocument | null
  dateline?: { outlet?: string | null; place?: unknown; date?: string | null; kind?: string | null } | null
  credits?: { author?: unknown; role?: CreditRole | null }[] | null
  /**
   * Printed after the byline when present. Not house-style's field: the editorial workflow adds and fills it; a
   * collection without it renders no corrections (the one input house-style takes from outside its own fields).
   */
  corrections?: { note?: string | null; date?: string | null }[] | null
}

export interface StoryView {
  draft: StoryDraft
  dateline: Dateline | null
  credits: Credit[]
  /** The author id of each credit in `credits` (same order). */
  creditAuthors: Id[]
  /** The id of the dateline's place, when it names one. */
  placeId?: Id
  media: Map<string, RenderedMedia>
  /** Relations naming documents that do not exist (the save refuses them, naming the field). */
  missing: MissingRelation[]
}

export interface MissingRelation {
  path: 'dateline.place' | `credits.${number}.author`
  id: Id
}

function uploadIds(doc: LexicalDocument | null | undefined): Id[] {
  const ids: Id[] = []
  const walk = (node: LexicalNode) => {
    if (node.type === 'upload') {
      const id = idOf(node.value)
      if (id !== undefined) ids.push(id)
    }
    node.children?.forEach(walk)
  }
  doc?.root?.children?.forEach(walk)
  return ids
}

/** Names only, through the adapter: no access checks or hooks to run for a look-up the save itself needs. */
async function findNames(req: PayloadRequest, collection: CollectionSlug, ids: Id[], select: Record<string, true>) {
  if (!ids.length) return new Map<string, Record<string, unknown>>()
  const { docs } = await req.payload.db.find({
    collection,
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    select,
    joins: false,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]))
}

/** Media go through the operation: their url is computed on read. */
async function findMedia(req: PayloadRequest, collection: CollectionSlug, ids: Id[]) {
  if (!ids.length) return new Map<string, Record<string, unknown>>()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    limit: ids.length,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]))
}

/**
 * Collection beforeChange hooks run before Payload validates fields, so the raw input may have any shape:
 * keep only what has the right type and let field validation report the rest.
 */
function wellTyped(fields: StoryFields): StoryFields {
  const dateline = fields.dateline && typeof fields.dateline === 'object' && !Array.isArray(fields.dateline) ? fields.dateline : null
  return {
    ...fields,
    title: typeof fields.title === 'string' ? fields.title : '',
    dek: typeof fields.dek === 'string' ? fields.dek : null,
    dateline: dateline && {
      outlet: typeof dateline.outlet === 'string' ? dateline.outlet : null,
      place: dateline.place,
      date: typeof dateline.date === 'string' ? dateline.date : null,
      kind: typeof dateline.kind === 'string' ? dateline.kind : null,
    },
    credits: Array.isArray(fields.credits) ? fields.credits.filter((c) => c && typeof c === 'object') : [],
  }
}

export async function resolveStoryView(input: StoryFields, options: ResolvedHouseStyleOptions, req: PayloadRequest): Promise<StoryView> {
  const fields = wellTyped(input)
  const placeId = idOf(fields.dateline?.place)
  const authorIds = (fields.credits ?? []).map((c) => idOf(c.author)).filter((id): id is Id => id !== undefined)
  const mediaIds = uploadIds(fields.body)
  const [places, authors, media] = await Promise.all([
    findNames(req, options.regionsCollection, placeId !== undefined ? [placeId] : [], { name: true, shortName: true }),
    findNames(req, options.authorsCollection, [...new Set(authorIds)], { name: true }),
    findMedia(req, options.mediaCollection, [...new Set(mediaIds)]),
  ])
  const missing: MissingRelation[] = []
  if (placeId !== undefined && !places.has(String(placeId))) missing.push({ path: 'dateline.place', id: placeId })
  const place = placeId !== undefined ? places.get(String(placeId)) : undefined
  const dateline: Dateline | null = fields.dateline
    ? {
        outlet: fields.dateline.outlet ?? null,
        place: place ? String(place.shortName || place.name || '') || null : null,
        date: fields.dateline.date ?? null,
        kind: KIND_BY_VALUE[fields.dateline.kind ?? ''] ?? null,
      }
    : null
  const credits: Credit[] = []
  const creditAuthors: Id[] = []
  for (const [index, credit] of (fields.credits ?? []).entries()) {
    const authorId = idOf(credit.author)
    const author = authors.get(String(authorId))
    if (authorId !== undefined && !author) missing.push({ path: `credits.${index}.author`, id: authorId })
    if (!author || !credit.role) continue
    credits.push({ name: String(author.name ?? ''), role: credit.role })
    creditAuthors.push(author.id as Id)
  }
  const renderedMedia = new Map<string, RenderedMedia>()
  for (const [id, doc] of media) {
    renderedMedia.set(id, {
      url: String(doc.url ?? ''),
      alt: String(doc.alt ?? ''),
      width: (doc.width as number) ?? null,
      height: (doc.height as number) ?? null,
      caption: (doc.caption as string) ?? null,
      credit: (doc.credit as string) ?? null,
    })
  }
  const hasDateline = Boolean(dateline && (dateline.outlet || dateline.place))
  // Pictures are linted with the caption and alt text readers see, which live on the media document.
  const body = lexicalToBlocks(fields.body).map((block) => {
    const doc = block.type === 'image' && block.media !== undefined ? renderedMedia.get(block.media) : undefined
    if (block.type !== 'image' || !doc) return block
    return { ...block, alt: doc.alt || undefined, caption: doc.caption ?? undefined }
  })
  const draft: StoryDraft = { title: fields.title ?? '', dateline: hasDateline ? dateline : null, credits, body }
  if (fields.dek) draft.dek = fields.dek
  return {
    draft,
    dateline: hasDateline ? dateline : null,
    credits,
    creditAuthors,
    placeId: place ? (place.id as Id) : undefined,
    media: renderedMedia,
    missing,
  }
}
