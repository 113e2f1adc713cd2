/**
 * A story as its reader page will show it, made from the latest draft with the editor's unsaved fields laid
 * over it: the one house-style renderer makes its dateline, byline and html, exactly as the save would, and
 * toPublicStory() shapes it like the public `Story` answer the reader page renders. Everything is read with the
 * logged-in user's own access (overrideAccess: false): no user, or a story they may not read, is no preview.
 */
import type { PayloadRequest } from 'payload'

import { renderStoryFields, type ResolvedHouseStyleOptions, type StoryFields } from '../../plugins/house-style'
import { toPublicStory, type PublicStory } from '../graphql/public-story'
import type { Article, Author, Media, Region, Section } from '../payload-types'

type Id = number | string
type Unsaved = Partial<Pick<Article, 'title' | 'dek' | 'body' | 'dateline' | 'credits' | 'section' | 'region' | 'heroImage' | 'tags'>>

/** What an editor can change on screen and the preview shows; everything else comes from the stored draft. */
export const PREVIEW_FIELDS = ['title', 'dek', 'body', 'dateline', 'credits', 'section', 'region', 'heroImage', 'tags'] as const

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isId = (value: unknown): boolean => typeof value === 'number' || (typeof value === 'string' && value !== '')
const isRelation = (value: unknown): boolean => value == null || isId(value) || (isObject(value) && isId(value.id))

/** Each field's expected shape, in words for the 400 that names it. */
const SHAPES: Record<(typeof PREVIEW_FIELDS)[number], [(value: unknown) => boolean, string]> = {
  title: [(v) => v == null || typeof v === 'string', 'must be a string'],
  dek: [(v) => v == null || typeof v === 'string', 'must be a string'],
  body: [
    (v) => v == null || (isObject(v) && isObject(v.root) && Array.isArray(v.root.children)),
    'must be a Lexical document ({ root: { children: [...] } })',
  ],
  dateline: [(v) => v == null || isObject(v), 'must be an object with outlet, place, date and kind'],
  credits: [
    (v) => v == null || (Array.isArray(v) && v.every((c) => isObject(c) && isRelation(c.author))),
    'must be a list of { author, role }',
  ],
  section: [isRelation, 'must be a section id'],
  region: [isRelation, 'must be a region id'],
  heroImage: [isRelation, 'must be a media id'],
  tags: [(v) => v == null || (Array.isArray(v) && v.every((t) => typeof t === 'string')), 'must be a list of strings'],
}

export class PreviewInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`)
  }
}

/** The preview fields of what the editor sent (the admin sends the whole form); a wrong shape names its field. */
export function unsavedFields(input: unknown): Unsaved {
  if (!isObject(input)) throw new PreviewInputError('body', 'must be a JSON object with the story fields')
  const unsaved: Record<string, unknown> = {}
  for (const field of PREVIEW_FIELDS) {
    // The admin's form state gives a list with no rows as its row count, 0.
    const value = field === 'credits' && input[field] === 0 ? [] : input[field]
    if (value === undefined) continue
    const [fits, expected] = SHAPES[field]
    if (!fits(value)) throw new PreviewInputError(field, expected)
    unsaved[field] = value
  }
  return unsaved as Unsaved
}

const idOf = (value: unknown): Id | undefined => (isObject(value) ? (value.id as Id) : isId(value) ? (value as Id) : undefined)

/** Documents by id, read as the user may read them (one query per collection). */
async function byId<T extends { id: Id }>(
  req: PayloadRequest,
  collection: 'sections' | 'regions' | 'authors' | 'media',
  ids: (Id | undefined)[],
) {
  const wanted = [...new Set(ids.filter((id): id is Id => id !== undefined))]
  if (!wanted.length) return new Map<string, T>()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: wanted } },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return new Map((docs as unknown as T[]).map((doc) => [String(doc.id), doc]))
}

/** The story for its preview page, or null when there is no such story the user may read. */
export async function previewStory(req: PayloadRequest, id: Id, unsaved: Unsaved = {}): Promise<PublicStory | null> {
  if (!req.user) return null
  const stored = (await req.payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })) as Article | null
  if (!stored) return null
  const story: Article = { ...stored, ...unsaved } as Article
  const options = req.payload.config.custom?.houseStyle as ResolvedHouseStyleOptions
  const { rendered } = await renderStoryFields(story as StoryFields, options, req)

  const credits = story.credits ?? []
  const [sections, regions, authors, media] = await Promise.all([
    byId<Section>(req, 'sections', [idOf(story.section)]),
    byId<Region>(req, 'regions', [idOf(story.region)]),
    byId<Author>(
      req,
      'authors',
      credits.map((c) => idOf(c.author)),
    ),
    byId<Media>(req, 'media', [idOf(story.heroImage)]),
  ])
  const found = <T>(docs: Map<string, T>, value: unknown): T | null => docs.get(String(idOf(value))) ?? null
  return toPublicStory({
    ...story,
    ...rendered,
    section: found(sections, story.section),
    region: found(regions, story.region),
    heroImage: found(media, story.heroImage),
    credits: credits.flatMap((c) => {
      const author = found(authors, c.author)
      return author && c.role ? [{ ...c, author }] : []
    }),
  })
}
