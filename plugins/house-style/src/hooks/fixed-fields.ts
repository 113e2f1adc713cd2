/**
 * Turns safe fixes into document fields: text edits go into the title and the Lexical body; a dateline or
 * credit line moved out of the body becomes data, with names matched to Regions and Authors (authors are
 * created when new, as an import would).
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { applyBodyEdits, type LexicalDocument } from '../lexical/blocks'
import type { ResolvedHouseStyleOptions } from '../options'
import type { Credit, Dateline, Finding, TextEdit } from '../types'
import type { StoryFields } from './story-view'
import { VALUE_BY_KIND } from '../fields'

/** Parsed dates may lack a year ('11-26'); only a full date can be stored. */
const isoDate = (date: string | null | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null)

type Id = string | number

export async function findOrCreateAuthor(req: PayloadRequest, collection: string, name: string, role: string): Promise<Id> {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: { name: { equals: name } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs[0]) return docs[0].id
  const created = await req.payload.create({
    collection: collection as CollectionSlug,
    data: { name, roles: [role === 'intern' ? 'contributor' : role] } as never,
    overrideAccess: true,
    req,
  })
  return created.id
}

export async function findRegionByName(req: PayloadRequest, collection: string, name: string): Promise<Id | undefined> {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: { or: [{ shortName: { equals: name } }, { name: { equals: name } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]?.id
}

/** Credits as stored: author ids with roles. */
export async function creditsToFields(req: PayloadRequest, options: ResolvedHouseStyleOptions, credits: Credit[]) {
  const rows: { author: Id; role: string }[] = []
  for (const credit of credits) {
    const author = await findOrCreateAuthor(req, options.authorsCollection, credit.name, credit.role)
    if (!rows.some((row) => String(row.author) === String(author) && row.role === credit.role)) rows.push({ author, role: credit.role })
  }
  return rows
}

export async function datelineToFields(req: PayloadRequest, options: ResolvedHouseStyleOptions, dateline: Dateline) {
  const place = dateline.place ? await findRegionByName(req, options.regionsCollection, dateline.place) : undefined
  return { outlet: dateline.outlet ?? null, place: place ?? null, date: isoDate(dateline.date), kind: dateline.kind ? VALUE_BY_KIND[dateline.kind] : null }
}

function applyTitleEdits(title: string, edits: TextEdit[]): string {
  let result = title
  for (const edit of edits.filter((e) => e.field === 'title').sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  }
  return result
}

/** Apply the safe fixes of `findings` to stored fields. Overlapping edits: the first (leftmost) wins. */
export async function applySafeFixesToFields(
  fields: StoryFields,
  findings: Finding[],
  options: ResolvedHouseStyleOptions,
  req: PayloadRequest,
): Promise<StoryFields> {
  const safe = findings.filter((f) => f.fix?.safe)
  const edits: TextEdit[] = []
  for (const edit of safe.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => a.start - b.start)) {
    const overlaps = edits.some((e) => e.field === edit.field && e.block === edit.block && e.start < edit.end && edit.start < e.end)
    if (!overlaps) edits.push(edit)
  }
  const next: StoryFields = { ...fields }
  if (edits.some((e) => e.field === 'title')) next.title = applyTitleEdits(fields.title ?? '', edits)
  if (edits.some((e) => e.field === 'body') && fields.body) next.body = applyBodyEdits(fields.body as LexicalDocument, edits)
  const moved = safe.map((f) => f.fix?.set).filter(Boolean)
  for (const set of moved) {
    if (set?.dateline) next.dateline = { ...(await datelineToFields(req, options, set.dateline)), ...stripEmpty(fields.dateline) }
    if (set?.credits?.length) {
      const existing = (fields.credits ?? []).map((c) => ({ author: (c.author as { id?: Id })?.id ?? (c.author as Id), role: c.role }))
      const added = await creditsToFields(req, options, set.credits)
      next.credits = [...existing, ...added.filter((a) => !existing.some((e) => String(e.author) === String(a.author)))] as never
    }
  }
  return next
}

/** Values the reporter already filled in win over ones recovered from the text. */
function stripEmpty(dateline: StoryFields['dateline']) {
  return Object.fromEntries(Object.entries(dateline ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== ''))
}
