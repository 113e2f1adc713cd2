/**
 * Public GraphQL queries for news frontends (`graphQL.queries` in payload.config.ts):
 *
 *   Story(slug)  → one published story, or null
 *   Stories(section, region, author, tag, includeDescendants = true, page = 1, limit = 20)
 *                → published stories newest first, page-paginated
 *
 * A section or region is named by slug and, unless includeDescendants is false, includes everything nested
 * under it — the same walk as the section and region feeds. An unknown slug is a NotFound error naming it.
 * Reads run with the caller's own access (overrideAccess: false) and only ever return published stories.
 */
import type * as GraphQLModule from 'graphql'
import { NotFound, type CollectionSlug, type GraphQLExtension, type PayloadRequest, type Where } from 'payload'

import { withDescendants } from '../../plugins/distribution'
import type { Article } from '../payload-types'
import { toPublicStory, type PublicStory } from './public-story'

export const STORIES_MAX_LIMIT = 100

/** How every public read goes: published only, the caller's own access, relations one level deep, no joins. */
const publicRead = (req: PayloadRequest) =>
  ({ depth: 1, draft: false, overrideAccess: false, joins: false, select: STORY_SELECT, populate: POPULATE, req }) as const

/** The fields a public story is built from (no body, findings, deliveries or workflow internals are read). */
const STORY_SELECT = {
  title: true,
  slug: true,
  dek: true,
  datelineText: true,
  bylineText: true,
  html: true,
  publishedAt: true,
  updatedAt: true,
  section: true,
  region: true,
  tags: true,
  credits: true,
  corrections: true,
  heroImage: true,
} as const

const POPULATE = {
  sections: { name: true, slug: true },
  regions: { name: true, slug: true },
  authors: { name: true, slug: true },
  media: { alt: true, caption: true, credit: true, url: true, width: true, height: true, sizes: true, filename: true },
} as const

function publicTypes(GraphQL: typeof GraphQLModule) {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const nonNull = <T extends GraphQLModule.GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
  const str = { type: GraphQLString }
  const requiredStr = { type: nonNull(GraphQLString) }
  const Rendition = new GraphQLObjectType({
    name: 'PublicRendition',
    description: 'One sharp rendition of a picture; `url` is absolute.',
    fields: { url: requiredStr, width: { type: nonNull(GraphQLInt) }, height: { type: nonNull(GraphQLInt) } },
  })
  const Image = new GraphQLObjectType({
    name: 'PublicImage',
    description: 'A picture with absolute URLs, every rendition and its alt text.',
    fields: {
      url: requiredStr,
      alt: requiredStr,
      caption: str,
      credit: str,
      width: { type: GraphQLInt },
      height: { type: GraphQLInt },
      thumbnail: { type: Rendition, description: '320×240' },
      card: { type: Rendition, description: '768×432, for lists' },
      social: { type: Rendition, description: '1200×630, for OpenGraph and social cards' },
      wechatCover: { type: Rendition, description: '900×383, the WeChat cover' },
    },
  })
  const Term = new GraphQLObjectType({
    name: 'PublicTerm',
    description: 'A section, region or author: its name, slug and absolute page URL on the reader site.',
    fields: { name: requiredStr, slug: requiredStr, url: requiredStr },
  })
  const Credit = new GraphQLObjectType({
    name: 'PublicCredit',
    fields: {
      role: { ...requiredStr, description: 'reporter | correspondent | photographer | editor | contributor | intern' },
      author: { type: nonNull(Term) },
    },
  })
  const Correction = new GraphQLObjectType({
    name: 'PublicCorrection',
    fields: { note: requiredStr, date: { ...requiredStr, description: 'ISO 8601' } },
  })
  const Story = new GraphQLObjectType({
    name: 'PublicStory',
    description: 'A published story as readers see it. Dateline and byline are also inside `html`, where house style places them.',
    fields: {
      id: { type: nonNull(GraphQLInt) },
      slug: requiredStr,
      url: { ...requiredStr, description: 'Absolute URL of the story page' },
      title: requiredStr,
      dek: str,
      datelineText: { ...requiredStr, description: 'e.g. 亮点黔西南讯, 新华社贵阳11月26日电; empty when the story has no dateline' },
      bylineText: { ...requiredStr, description: 'e.g. （丁宪民 报道）; empty when nobody is credited' },
      html: { ...requiredStr, description: 'The rendered, sanitised story' },
      publishedAt: { ...requiredStr, description: 'First published, ISO 8601' },
      updatedAt: { ...requiredStr, description: 'Last saved, ISO 8601' },
      section: { type: Term },
      region: { type: Term },
      tags: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) },
      credits: { type: nonNull(new GraphQLList(nonNull(Credit))) },
      corrections: { type: nonNull(new GraphQLList(nonNull(Correction))) },
      heroImage: { type: Image },
    },
  })
  const StoryPage = new GraphQLObjectType({
    name: 'PublicStoryPage',
    fields: {
      docs: { type: nonNull(new GraphQLList(nonNull(Story))) },
      totalDocs: { type: nonNull(GraphQLInt) },
      limit: { type: nonNull(GraphQLInt) },
      page: { type: nonNull(GraphQLInt) },
      totalPages: { type: nonNull(GraphQLInt) },
      hasNextPage: { type: nonNull(GraphQLBoolean) },
      hasPrevPage: { type: nonNull(GraphQLBoolean) },
    },
  })
  return { Story, StoryPage, GraphQLBoolean, GraphQLInt, GraphQLString, nonNull }
}

interface StoriesArgs {
  section?: string | null
  region?: string | null
  author?: string | null
  tag?: string | null
  includeDescendants?: boolean | null
  page?: number | null
  limit?: number | null
}

async function idBySlug(req: PayloadRequest, collection: CollectionSlug, slug: string, what: string): Promise<number | string> {
  const { docs } = await req.payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
    select: {},
  })
  if (!docs[0]) {
    const error = new NotFound(req.t)
    error.message = `No ${what} with slug “${slug}”`
    throw error
  }
  return docs[0].id
}

async function storiesWhere(req: PayloadRequest, args: StoriesArgs): Promise<Where> {
  const and: Where[] = [{ _status: { equals: 'published' } }]
  const descend = args.includeDescendants !== false
  for (const [arg, collection, field] of [
    ['section', 'sections', 'section'],
    ['region', 'regions', 'region'],
  ] as const) {
    const slug = args[arg]
    if (!slug) continue
    const id = await idBySlug(req, collection, slug, arg)
    and.push({ [field]: descend ? { in: await withDescendants(req.payload, collection, [id]) } : { equals: id } })
  }
  if (args.author) and.push({ 'credits.author': { equals: await idBySlug(req, 'authors', args.author, 'author') } })
  if (args.tag) and.push({ tags: { in: [args.tag] } })
  return { and }
}

export const storyQueries: GraphQLExtension = (GraphQL) => {
  const { Story, StoryPage, GraphQLBoolean, GraphQLInt, GraphQLString, nonNull } = publicTypes(GraphQL)
  return {
    Story: {
      type: Story,
      description: 'One published story by slug; null when there is none.',
      args: { slug: { type: nonNull(GraphQLString) } },
      resolve: async (_: unknown, { slug }: { slug: string }, context: { req: PayloadRequest }): Promise<PublicStory | null> => {
        const { req } = context
        const { docs } = await req.payload.find({
          collection: 'articles',
          where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
          limit: 1,
          pagination: false,
          ...publicRead(req),
        })
        return docs[0] ? toPublicStory(docs[0] as unknown as Article) : null
      },
    },
    Stories: {
      type: nonNull(StoryPage),
      description:
        'Published stories, newest first; filter by section/region slug (with descendants unless includeDescendants: false), author slug, tag.',
      args: {
        section: { type: GraphQLString },
        region: { type: GraphQLString },
        author: { type: GraphQLString },
        tag: { type: GraphQLString },
        includeDescendants: { type: GraphQLBoolean, defaultValue: true },
        page: { type: GraphQLInt, defaultValue: 1 },
        limit: { type: GraphQLInt, defaultValue: 20, description: `1 to ${STORIES_MAX_LIMIT}` },
      },
      resolve: async (_: unknown, args: StoriesArgs, context: { req: PayloadRequest }) => {
        const { req } = context
        const limit = Math.min(Math.max(1, args.limit ?? 20), STORIES_MAX_LIMIT)
        const page = Math.max(1, args.page ?? 1)
        const result = await req.payload.find({
          collection: 'articles',
          where: await storiesWhere(req, args),
          sort: '-publishedAt',
          limit,
          page,
          ...publicRead(req),
        })
        return {
          docs: (result.docs as unknown as Article[]).map(toPublicStory),
          totalDocs: result.totalDocs,
          limit: result.limit,
          page: result.page ?? page,
          totalPages: result.totalPages,
          hasNextPage: result.hasNextPage,
          hasPrevPage: result.hasPrevPage,
        }
      },
    },
  }
}
