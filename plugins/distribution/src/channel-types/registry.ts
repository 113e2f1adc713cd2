/**
 * The channel types. Each lives in its own folder (fields, formatter, transport, budget); adding one is that
 * folder plus one line here. The channel collection builds its `type` options and fields from this list, in
 * this order (the first is the default), and the delivery job picks the transport and budget from it.
 */
import type { ChannelRecord } from '../channels/channel-record'
import type { ResolvedDistributionOptions } from '../options'
import type { ChannelTypeDefinition } from './channel-type'
import { feedChannel } from './feed'
import { webhookChannel } from './webhook'
import { wechatChannel } from './wechat'

const registry = {
  webhook: webhookChannel,
  wechat: wechatChannel,
  feed: feedChannel,
}

export type ChannelType = keyof typeof registry

export const CHANNEL_TYPES = Object.keys(registry) as ChannelType[]

/** Every type with its definition, in registry order. */
export const channelTypes: readonly (readonly [ChannelType, ChannelTypeDefinition])[] = CHANNEL_TYPES.map((type) => [type, registry[type]])

/** The definition of a stored channel's type; undefined for a type no longer registered. */
export function channelType(type: string): ChannelTypeDefinition | undefined {
  return Object.hasOwn(registry, type) ? registry[type as ChannelType] : undefined
}

/** Types that push each event to the channel (the others are read by their subscribers). */
export const PUSH_TYPES: readonly ChannelType[] = CHANNEL_TYPES.filter((type) => registry[type].transport)

/** The longest an attempt at this channel may take before it is presumed dead: its type's budget plus the lease margin. */
export function attemptBudgetMs(channel: ChannelRecord | null, options: ResolvedDistributionOptions): number {
  const transport = channel ? (channelType(channel.type)?.budget.attemptMs(channel, options) ?? 0) : 0
  return transport + options.delivery.leaseMarginMs
}
