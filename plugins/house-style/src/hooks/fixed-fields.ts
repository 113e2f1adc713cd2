/**
 * Turns safe fixes into document fields: text edits go into the title and the Lexical body (keeping its
 * formatting); a dateline or credit line moved out of the body becomes data, with names matched to Regions and
 * Authors (authors are created when new, as an import would). The fixes are chosen exactly as fixStory chooses
 * them on plain blocks, pass after pass, so the API's "fix all" and `newsroom parse --fix` agree.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { VALUE_BY_KIND } from '../fields'
import { applyBodyEdits, type LexicalDocument } from '../lexical/blocks'
import { chooseFixes, lintStory, MAX_FIX_PASSES, type ChosenFixes } from '../lint'
import type { ResolvedHouseStyleOptions } from '../options'
import type { Credit, Dateline, Finding, RuleContext, TextEdit } from '../types'
import { resolveStoryView, type Id, type StoryFields, type StoryView } from './story-view'

/** Parsed dates may lack a year ('11-26'); only a full date can be stored. */
const isoDate = (date: string | null | undefined) => (date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date : null)

/** Ids only, through the adapter: a name look-up needs no access checks, hooks or populated read-back. */
async function firstId(req: PayloadRequest, collection: CollectionSlug, where: Where): Promise<Id | undefined> {
  const { docs } = await req.payload.db.find({
    collection,
    where,
    limit: 1,
    pagination: false,
    select: { id: true },
    joins: false,
    req,
  })
  return (docs[0]?.id as Id | undefined) ?? undefined
}

export async function findOrCreateAuthor(req: PayloadRequest, collection: CollectionSlug, name: string, role: string): Promise<Id> {
  const found = await firstId(req, collection, { name: { equals: name } })
  if (found !== undefined) return found
  const created = await req.payload.create({
    collection,
    data: { name, roles: [role === 'intern' ? 'contributor' : role] },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return created.id
}

export async function findRegionByName(req: PayloadRequest, collection: CollectionSlug, name: string): Promise<Id | undefined> {
  return firstId(req, collection, { or: [{ shortName: { equals: name } }, { name: { equals: name } }] })
}

/**
 * Names already matched to ids, kept by a caller that resolves many stories in one go (an import run), so each
 * reporter and place is looked up once per run rather than once per story.
 */
export interface NameLookups {
  authors: Map<string, Id>
  regions: Map<string, Id | undefined>
}

export const newNameLookups = (): NameLookups => ({ authors: new Map(), regions: new Map() })

/** Credits as stored: author ids with roles, each person and role once. */
export async function creditsToFields(
  req: PayloadRequest,
  options: ResolvedHouseStyleOptions,
  credits: Credit[],
  known: { credit: Credit; author: Id }[] = [],
  lookups?: NameLookups,
) {
  const rows: { author: Id; role: string }[] = []
  const unused = [...known]
  for (const credit of credits) {
    // A credit the story already had keeps its author (two people may share a name).
    const same = unused.findIndex((k) => k.credit.name === credit.name && k.credit.role === credit.role)
    const cached = lookups?.authors.get(credit.name)
    const author =
      same >= 0
        ? unused.splice(same, 1)[0].author
        : (cached ?? (await findOrCreateAuthor(req, options.authorsCollection, credit.name, credit.role)))
    lookups?.authors.set(credit.name, author)
    if (!rows.some((row) => String(row.author) === String(author) && row.role === credit.role)) rows.push({ author, role: credit.role })
  }
  return rows
}

export async function datelineToFields(
  req: PayloadRequest,
  options: ResolvedHouseStyleOptions,
  dateline: Dateline,
  known?: { place: string | null; id?: Id },
  lookups?: NameLookups,
) {
  const name = dateline.place?.trim()
  let place: Id | undefined
  if (name && known?.id !== undefined && known.place === name) place = known.id
  else if (name && lookups?.regions.has(name)) place = lookups.regions.get(name)
  else if (name) {
    place = await findRegionByName(req, options.regionsCollection, name)
    lookups?.regions.set(name, place)
  }
  return {
    outlet: dateline.outlet ?? null,
    place: place ?? null,
    date: isoDate(dateline.date),
    kind: dateline.kind ? VALUE_BY_KIND[dateline.kind] : null,
  }
}

/** Edits of one plain text (the headline, the dek, a caption, an alt text), right to left. */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  let result = text
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  }
  return result
}

/** A picture's caption or alt text as fixed: saved on the media document the story shows. */
export interface MediaChange {
  id: Id
  caption?: string
  alt?: string
}

/** The caption and alt edits of one pass, per media document, applied to the texts the story showed. */
function mediaChanges(view: StoryView, edits: TextEdit[], earlier: MediaChange[]): MediaChange[] {
  const changes = new Map<string, MediaChange>(earlier.map((c) => [String(c.id), { ...c }]))
  for (const field of ['caption', 'alt'] as const) {
    const byBlock = new Map<number, TextEdit[]>()
    for (const edit of edits)
      if (edit.field === field && edit.block !== undefined) byBlock.set(edit.block, [...(byBlock.get(edit.block) ?? []), edit])
    for (const [index, blockEdits] of byBlock) {
      const block = view.draft.body[index]
      if (block?.type !== 'image' || block.media === undefined) continue
      const change = changes.get(block.media) ?? { id: block.media }
      change[field] = applyTextEdits(block[field] ?? '', blockEdits)
      changes.set(block.media, change)
    }
  }
  return [...changes.values()]
}

/** The story view with the caption and alt fixes of earlier passes laid over the stored media. */
function withMedia(view: StoryView, changes: MediaChange[]): StoryView {
  if (!changes.length) return view
  const byId = new Map(changes.map((c) => [String(c.id), c]))
  const body = view.draft.body.map((block) => {
    const change = block.type === 'image' && block.media !== undefined ? byId.get(block.media) : undefined
    if (!change || block.type !== 'image') return block
    return {
      ...block,
      ...(change.caption !== undefined ? { caption: change.caption } : {}),
      ...(change.alt !== undefined ? { alt: change.alt } : {}),
    }
  })
  return { ...view, draft: { ...view.draft, body } }
}

/** The chosen fixes of one pass, applied to the stored fields. Only the fields a fix changes are returned. */
async function applyChosen(
  fields: StoryFields,
  view: StoryView,
  chosen: ChosenFixes,
  options: ResolvedHouseStyleOptions,
  req: PayloadRequest,
): Promise<StoryFields> {
  const changed: StoryFields = {}
  if (chosen.edits.some((e) => e.field === 'title'))
    changed.title = applyTextEdits(
      fields.title ?? '',
      chosen.edits.filter((e) => e.field === 'title'),
    )
  if (chosen.edits.some((e) => e.field === 'dek'))
    changed.dek = applyTextEdits(
      fields.dek ?? '',
      chosen.edits.filter((e) => e.field === 'dek'),
    )
  if (chosen.edits.some((e) => e.field === 'body') && fields.body) changed.body = applyBodyEdits(fields.body, chosen.edits)
  if (chosen.credits) {
    const known = view.credits.map((credit, i) => ({ credit, author: view.creditAuthors[i] }))
    changed.credits = (await creditsToFields(req, options, chosen.credits, known)) as StoryFields['credits']
  }
  if (chosen.dateline) {
    changed.dateline = await datelineToFields(req, options, chosen.dateline, { place: view.dateline?.place ?? null, id: view.placeId })
  }
  return changed
}

export interface FixedFields {
  /** Only the fields the fixes changed (title, dek, body, dateline, credits): what to save. */
  changed: StoryFields
  /** Captions and alt texts of the story's pictures the fixes changed: saved on the media documents. */
  media: MediaChange[]
  /** What is left after fixing: the findings that need a person. */
  findings: Finding[]
  /** How many fixes were applied in all. */
  applied: number
}

/**
 * Lints the fields and applies the safe fixes until nothing more changes, as fixStory does on plain blocks.
 * Nothing is saved here: the caller saves `changed` (the fix endpoint saves it as a draft).
 */
export async function fixStoryFields(
  fields: StoryFields,
  options: ResolvedHouseStyleOptions,
  context: Partial<RuleContext>,
  req: PayloadRequest,
): Promise<FixedFields> {
  let current: StoryFields = { ...fields }
  const changed: StoryFields = {}
  let media: MediaChange[] = []
  let applied = 0
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const view = withMedia(await resolveStoryView(current, options, req), media)
    const findings = lintStory(view.draft, context)
    const chosen = chooseFixes(view.draft, findings)
    if (!chosen.applied) return { changed, media, findings, applied }
    const next = await applyChosen(current, view, chosen, options, req)
    media = mediaChanges(view, chosen.edits, media)
    Object.assign(changed, next)
    current = { ...current, ...next }
    applied += chosen.applied
  }
  const view = withMedia(await resolveStoryView(current, options, req), media)
  return { changed, media, findings: lintStory(view.draft, context), applied }
}

export type { LexicalDocument }
