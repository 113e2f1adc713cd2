/**
 * What a webhook channel receives: the story as NINJS (the channel's version, in its script), wrapped as
 * `{ type: 'article.<event>', timestamp, data }`. `timestamp` is the event time stored on the delivery, not the
 * send time (that is the signed `webhook-timestamp` header), so every attempt of one delivery sends the same
 * bytes.
 */
import type { DistributionEvent, OutputScript, PublishedArticle } from '../../types'
import { isNinjsVersion, toNinjs } from './ninjs'

export function webhookBody(
  article: PublishedArticle,
  event: DistributionEvent,
  channel: { script?: OutputScript | null; ninjsVersion?: string | null },
  eventAt: string,
) {
  return {
    type: `article.${event}`,
    timestamp: new Date(eventAt).toISOString(),
    data: toNinjs(article, event, {
      ...(channel.script ? { script: channel.script } : {}),
      ...(isNinjsVersion(channel.ninjsVersion) ? { version: channel.ninjsVersion } : {}),
    }),
  }
}
