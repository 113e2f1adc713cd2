/**
 * Serves the feeds and the news sitemap: published stories only, in house style, newest first, with ETag,
 * Last-Modified and 304s.
 *
 * Rendered bodies are cached. A publication event in this process clears the cache at once; events in other
 * processes (or the other Payload instance inside the Next bundle) are noticed by a tiny "newest save" query
 * made at most once per `revalidateMs`, and every body is rebuilt after `cacheTtlMs` regardless (a deleted
 * story). So a burst of feed readers costs no story queries at all.
 */
import type { CollectionSlug, JsonObject, Payload, Where } from 'payload'

import { channelType } from '../channel-types/registry'
import { idOf, toDocId, type Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { DistributionRuntime } from '../runtime'
import { toPublishedArticle } from '../story/published-article'
import type { OutputScript, PublishedArticle } from '../types'
import { buildAtom, buildJsonFeed, buildRss, type FeedMeta } from './build-feeds'
import { CONTENT_TYPES, parseFeedPath, type FeedRequest, type FeedScope } from './feed-routes'
import { conditionalResponse, lastModifiedOf } from './http-caching'
import { withDescendants } from './descendants'
import { buildNewsSitemap, NEWS_SITEMAP_MAX_URLS, NEWS_SITEMAP_WINDOW_MS } from './news-sitemap'

interface CachedFeed {
  body: string
  contentType: string
  lastModified?: Date
  builtAt: number
}

class NotFound extends Error {}

type Doc = JsonObject

export class FeedService {
  readonly #runtime: DistributionRuntime
  readonly #cache = new Map<string, CachedFeed>()
  /** Bumped on every invalidation, so a build that started before it is not cached. */
  #generation = 0
  #checkedAt = 0
  #newestSave: string | null = null

  constructor(runtime: DistributionRuntime) {
    this.#runtime = runtime
    runtime.onFeedsChanged.add(() => this.invalidate())
  }

  get #options(): ResolvedDistributionOptions {
    return this.#runtime.options
  }

  invalidate(): void {
    this.#generation++
    this.#cache.clear()
  }

  /** One small query (newest main-document save of any story) at most every revalidateMs. */
  async #revalidate(payload: Payload): Promise<void> {
    const now = Date.now()
    if (now - this.#checkedAt < this.#options.feeds.revalidateMs) return
    this.#checkedAt = now
    const { docs } = await payload.db.find({
      collection: this.#options.storyCollection,
      sort: '-updatedAt',
      limit: 1,
      pagination: false,
      select: { updatedAt: true },
    })
    const newest = ((docs as Doc[])[0]?.updatedAt as string | undefined) ?? null
    if (this.#newestSave !== null && newest !== this.#newestSave) this.invalidate()
    this.#newestSave = newest
  }

  /** The response for a request to a feed path, or null when the path is not one of ours. */
  async respond(request: Request): Promise<Response | null> {
    const url = new URL(request.url)
    const wanted = parseFeedPath(url.pathname)
    if (!wanted) return null
    const payload = this.#runtime.payload
    if (!payload || this.#options.disabled || !this.#options.feeds.enabled) {
      return new Response('Feeds are not available.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    }
    let feed: CachedFeed
    try {
      feed = await this.#get(payload, wanted, url.pathname.replace(/^\/api(?=\/)/, ''))
    } catch (error) {
      if (error instanceof NotFound)
        return new Response(error.message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      throw error
    }
    const result = conditionalResponse(request.headers, feed.body, {
      contentType: feed.contentType,
      ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      maxAgeSeconds: 60,
    })
    return new Response(result.status === 304 || request.method === 'HEAD' ? null : result.body, {
      status: result.status,
      headers: result.headers,
    })
  }

  async #get(payload: Payload, wanted: FeedRequest, path: string): Promise<CachedFeed> {
    await this.#revalidate(payload)
    const key = path
    const hit = this.#cache.get(key)
    if (hit && Date.now() - hit.builtAt < this.#options.feeds.cacheTtlMs) return hit
    const generation = this.#generation
    const built = await this.#build(payload, wanted, path)
    if (generation === this.#generation) this.#cache.set(key, built)
    return built
  }

  async #build(payload: Payload, wanted: FeedRequest, path: string): Promise<CachedFeed> {
    const options = this.#options
    if (wanted.type === 'news-sitemap') {
      const now = new Date()
      const stories = await this.#stories(
        payload,
        [{ publishedAt: { greater_than_equal: new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS).toISOString() } }],
        NEWS_SITEMAP_MAX_URLS,
      )
      return {
        body: buildNewsSitemap(stories, { publicationName: options.publicationName, language: options.language, now }),
        contentType: CONTENT_TYPES.sitemap,
        ...this.#lastModified(stories),
        builtAt: Date.now(),
      }
    }
    const scope = await this.#scope(payload, wanted.scope)
    const stories = await this.#stories(payload, scope.where, options.feeds.limit)
    const meta: FeedMeta = {
      title: scope.title ? `${options.feeds.title} · ${scope.title}` : options.feeds.title,
      description: options.feeds.description,
      siteUrl: options.siteUrl,
      feedUrl: `${options.siteUrl}${path}`,
      language: scope.script ?? options.language,
      ...(scope.script ? { script: scope.script } : {}),
    }
    const body =
      wanted.format === 'rss' ? buildRss(stories, meta) : wanted.format === 'atom' ? buildAtom(stories, meta) : buildJsonFeed(stories, meta)
    return { body, contentType: CONTENT_TYPES[wanted.format], ...this.#lastModified(stories), builtAt: Date.now() }
  }

  #lastModified(stories: PublishedArticle[]): { lastModified?: Date } {
    const lastModified = lastModifiedOf(stories)
    return lastModified ? { lastModified } : {}
  }

  /** Published stories (the public's own view: access applies), newest first. */
  async #stories(payload: Payload, where: Where[], limit: number): Promise<PublishedArticle[]> {
    const { docs } = await payload.find({
      collection: this.#options.storyCollection,
      where: { and: [{ _status: { equals: 'published' } }, ...where] },
      sort: '-publishedAt',
      limit,
      depth: 1,
      draft: false,
      overrideAccess: false,
      joins: false,
      pagination: false,
    })
    return (docs as Doc[]).map((doc) => toPublishedArticle(doc, { req: { payload }, options: this.#options, version: 0 }))
  }

  async #bySlug(payload: Payload, collection: CollectionSlug, slug: string): Promise<Doc> {
    const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: false })
    if (!docs[0]) throw new NotFound(`No such ${collection === this.#options.sectionsCollection ? 'section' : 'region'}: ${slug}`)
    return docs[0] as Doc
  }

  async #scope(payload: Payload, scope: FeedScope): Promise<{ where: Where[]; title?: string; script?: OutputScript }> {
    const options = this.#options
    if (scope.kind === 'all') return { where: [] }
    if (scope.kind === 'section' || scope.kind === 'region') {
      const collection = scope.kind === 'section' ? options.sectionsCollection : options.regionsCollection
      const doc = await this.#bySlug(payload, collection, scope.slug)
      const ids = await withDescendants(payload, collection, [doc.id])
      return { where: [{ [scope.kind]: { in: ids } }], title: String(doc.name ?? scope.slug) }
    }
    const channel = (await payload
      .findByID({ collection: options.channelsSlug, id: toDocId(payload, scope.id), depth: 0, overrideAccess: true })
      .catch(() => null)) as Doc | null
    if (!channel || !channelType(String(channel.type))?.servesFeed || !channel.enabled)
      throw new NotFound(`No such feed channel: ${scope.id}`)
    const where: Where[] = []
    const sections = (channel.sections ?? []).map(idOf).filter(Boolean) as Id[]
    const regions = (channel.regions ?? []).map(idOf).filter(Boolean) as Id[]
    if (sections.length) where.push({ section: { in: await withDescendants(payload, options.sectionsCollection, sections) } })
    if (regions.length) where.push({ region: { in: await withDescendants(payload, options.regionsCollection, regions) } })
    return {
      where,
      title: String(channel.name ?? ''),
      ...(channel.script && channel.script !== options.houseScript ? { script: channel.script as OutputScript } : {}),
    }
  }
}
