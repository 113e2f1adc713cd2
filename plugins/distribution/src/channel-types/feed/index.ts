/**
 * Feed channels: nothing is pushed; readers pull RSS, Atom and JSON Feed at /feeds/channels/:id/… with the
 * channel's section and region filters and script (feeds/feed-service.ts). No fields of their own.
 */
import type { ChannelTypeDefinition } from '../channel-type'

export const feedChannel: ChannelTypeDefinition = {
  label: { zh: '仅订阅源', en: 'Feed only' },
  name: { zh: '订阅源', en: 'feed' },
  fields: () => [],
  budget: { attemptMs: () => 0 },
  servesFeed: true,
}
