/**
 * Brings a legacy story in: parse (dateline, credits, headings, images), apply the safe house-style fixes
 * (script, pinyin artifacts, punctuation), and create — or, for a source seen before, update — the article.
 * Shared by the demo seed and `newsroom import`.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '../payload-types'

import { createLocalReq } from 'payload'

import {
  type Block,
  blocksToLexical,
  creditsToFields,
  datelineToFields,
  type Finding,
  type NameLookups,
  resolveHouseStyleOptions,
} from '../../plugins/house-style'
import { importKeyOf, readSource, type SourceRead } from './read-source'

export { importKeyOf }

export interface ImportOptions {
  publish?: boolean
  /** Resolves an image reference in the source (e.g. /images/x.jpg) to a Media id, creating it if needed. */
  mediaFor?: (src: string, req: PayloadRequest) => Promise<string | number | undefined>
  /** Extra article fields (section, region, …). */
  extra?: Record<string, unknown>
  /** Shared by the stories of one import run: each reporter and place is looked up once (newNameLookups()). */
  lookups?: NameLookups
}

export interface ImportResult {
  id: string | number
  title: string
  created: boolean
  /** Findings left after the safe fixes (they need a person). */
  findings: Finding[]
}

/** An article's data by field name: the values are the plugins' (ids as either kind), the names the schema's. */
type ArticleFields = Partial<Record<keyof Article, unknown>>

/** A story read, fixed and matched to names, ready to save: what importStory and the batch importer save. */
export interface PreparedStory {
  data: Record<string, unknown>
  importKey: string
  title: string
  findings: Finding[]
}

/** Parse, apply the safe fixes, turn the dateline and credits into data (names looked up or created). */
export async function prepareStory(payload: Payload, source: string, options: ImportOptions, req: PayloadRequest): Promise<PreparedStory> {
  const houseStyle = resolveHouseStyleOptions(payload.config.custom?.houseStyle)
  const read = readSource(source, { houseScript: houseStyle.houseScript, datelinePreset: houseStyle.datelinePreset })
  return prepareRead(payload, read, options, req)
}

/** A source already read (readSource, here or on the archive importer's reading thread) made ready to save. */
export async function prepareRead(
  payload: Payload,
  { story, findings, importKey }: SourceRead,
  options: ImportOptions,
  req: PayloadRequest,
): Promise<PreparedStory> {
  const houseStyle = resolveHouseStyleOptions(payload.config.custom?.houseStyle)
  const media = new Map<string, string | number>()
  for (const block of story.body.filter((b): b is Extract<Block, { type: 'image' }> => b.type === 'image')) {
    const id = await options.mediaFor?.(block.src, req)
    if (id !== undefined) media.set(block.src, id)
  }
  const data = {
    title: story.title,
    body: blocksToLexical(story.body, (src) => media.get(src)),
    dateline: story.dateline ? await datelineToFields(req, houseStyle, story.dateline, undefined, options.lookups) : undefined,
    credits: await creditsToFields(req, houseStyle, story.credits, [], options.lookups),
    importKey,
    ...options.extra,
    _status: options.publish ? 'published' : 'draft',
  } satisfies ArticleFields
  return { data, importKey, title: story.title, findings }
}

export async function importStory(payload: Payload, source: string, options: ImportOptions = {}): Promise<ImportResult> {
  const req = await createLocalReq({}, payload)
  const prepared = await prepareStory(payload, source, options, req)
  const { id, created } = await saveStory(payload, prepared, options, req)
  return { id, title: prepared.title, created, findings: prepared.findings }
}

/** Creates the story, or updates the one imported from the same source before, through Payload's operations. */
export async function saveStory(payload: Payload, { data, importKey }: PreparedStory, options: ImportOptions, req: PayloadRequest) {
  // The id only, through the adapter; and no populated read-back of the saved story (depth 0): the importer
  // reports ids and findings, and both cost a full operation's work per story (tests/bench/import.ts).
  const { docs } = await payload.db.find({
    collection: 'articles',
    where: { importKey: { equals: importKey } },
    limit: 1,
    pagination: false,
    select: { id: true },
    joins: false,
    req,
  })
  const existing = docs[0]
  const doc = existing
    ? await payload.update({ collection: 'articles', id: existing.id, data, draft: !options.publish, depth: 0, req })
    : await payload.create({ collection: 'articles', data, draft: !options.publish, depth: 0, req })
  return { id: doc.id, created: !existing }
}
