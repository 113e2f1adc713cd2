/**
 * Which channels want a story: a channel's section and region filters (empty = everything) match the story's
 * section or region or any of their parents, so a channel for 黔西南 gets the stories from 兴仁.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { idOf, type Id } from '../ids'

const MAX_DEPTH = 10

/** The id and every parent id, nearest first (parent links via the `parent` field). */
export async function withAncestors(req: PayloadRequest, collection: CollectionSlug, id: Id | undefined): Promise<string[]> {
  const chain: string[] = []
  let current = id
  while (current !== undefined && chain.length < MAX_DEPTH && !chain.includes(String(current))) {
    chain.push(String(current))
    // The parent link only, through the adapter: this runs once per level on every publish to filtered channels.
    const doc = (await req.payload.db
      .findOne({ collection, where: { id: { equals: current } }, select: { parent: true }, joins: false, req })
      .catch(() => null)) as { parent?: unknown } | null
    current = idOf(doc?.parent)
  }
  return chain
}

export interface ChannelFilters {
  sections?: unknown[] | null
  regions?: unknown[] | null
}

/** True when the filter is empty or one of its ids is in the story's chain. */
function matches(filter: unknown[] | null | undefined, chain: string[]): boolean {
  const ids = (filter ?? []).map((value) => idOf(value)).filter((value): value is Id => value !== undefined)
  return ids.length === 0 || ids.some((value) => chain.includes(String(value)))
}

export function channelWants(channel: ChannelFilters, placement: { sections: string[]; regions: string[] }): boolean {
  return matches(channel.sections, placement.sections) && matches(channel.regions, placement.regions)
}

/**
 * Of these channels, those that want a story placed in this section and region. Parents are looked up only
 * when some channel filters at all.
 */
export async function channelsWanting<T extends ChannelFilters>(
  req: PayloadRequest,
  collections: { sectionsCollection: CollectionSlug; regionsCollection: CollectionSlug },
  channels: T[],
  section: Id | undefined,
  region: Id | undefined,
): Promise<T[]> {
  const filtered = channels.some((c) => c.sections?.length || c.regions?.length)
  const placement = filtered
    ? {
        sections: await withAncestors(req, collections.sectionsCollection, section),
        regions: await withAncestors(req, collections.regionsCollection, region),
      }
    : { sections: [], regions: [] }
  return channels.filter((channel) => channelWants(channel, placement))
}
