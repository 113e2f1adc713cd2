/**
 * A delivery to a WeChat Official Account channel.
 *
 * published: draft + freepublish through publishToWeChat; an attempt that ends while WeChat is still
 * publishing stores `resume` so the next attempt only polls and never submits twice.
 * unpublished / retracted: freepublish/delete of the article id an earlier delivery stored.
 * updated / corrected: WeChat has no API to edit a published post, so these are recorded as skipped (an editor
 * who must change a WeChat post republishes it there by hand).
 */
import type { ChannelRecord } from '../../channels/channel-record'
import type { ResolvedDistributionOptions } from '../../options'
import type { TransportResult } from '../../transports/transport-result'
import type { OutgoingDelivery } from '../channel-type'
import type { WeChatSettings } from './settings'
import { WeChatClient } from './wechat-client'
import { publishToWeChat, retractFromWeChat, type WeChatResume } from './wechat-publish'

/** The ids a previous attempt stored, read back from the delivery row. */
function resumeOf(stored: Record<string, unknown> | null): WeChatResume | null {
  if (!stored) return null
  const resume: WeChatResume = {}
  if (typeof stored.publishId === 'string') resume.publishId = stored.publishId
  if (typeof stored.mediaId === 'string') resume.mediaId = stored.mediaId
  return resume.publishId || resume.mediaId ? resume : null
}

export async function deliverToWeChat(
  channel: ChannelRecord<WeChatSettings>,
  delivery: OutgoingDelivery,
  options: ResolvedDistributionOptions,
): Promise<TransportResult> {
  if (!channel.appId || !channel.appSecret) return { ok: false, error: 'WeChat channel needs appId and appSecret', retryable: false }
  const client = new WeChatClient({
    appId: channel.appId,
    appSecret: channel.appSecret,
    ...(channel.apiBase ? { apiBase: channel.apiBase } : {}),
  })
  const { event } = delivery

  if (event === 'updated' || event === 'corrected') {
    return {
      ok: true,
      skipped: true,
      note: 'WeChat posts cannot be edited through the API: not sent (republish by hand if needed)',
      retryable: false,
    }
  }

  if (event === 'unpublished' || event === 'retracted') {
    if (!delivery.publishedExternalId) {
      return { ok: true, skipped: true, note: 'nothing published on this account to delete', retryable: false }
    }
    const result = await retractFromWeChat(client, delivery.publishedExternalId)
    return {
      ok: result.ok,
      ...(result.ok ? { externalId: delivery.publishedExternalId, note: 'deleted from the account (freepublish/delete)' } : {}),
      ...(result.error ? { error: client.redact(result.error) } : {}),
      retryable: result.retryable,
    }
  }

  // A channel-chosen author name replaces the credited reporters in WeChat's author field only.
  const article = channel.authorName ? { ...delivery.article, credits: [{ name: channel.authorName, role: 'reporter' }] } : delivery.article
  const resume = resumeOf(delivery.resume)
  const result = await publishToWeChat(client, article, {
    ...(resume ? { resume } : {}),
    ...(channel.script ? { script: channel.script } : {}),
    ...(channel.coverMediaId ? { defaultThumbMediaId: channel.coverMediaId } : {}),
    pollIntervalMs: options.wechat.pollIntervalMs,
    maxPolls: options.wechat.maxPolls,
  })
  const warnings = result.warnings.length ? ` (${result.warnings.map((w) => client.redact(w)).join('; ')})` : ''
  return {
    ok: result.ok,
    retryable: result.retryable,
    ...(result.articleId ? { externalId: result.articleId } : result.publishId ? { externalId: result.publishId } : {}),
    ...(result.articleUrl ? { externalUrl: result.articleUrl } : {}),
    ...(result.error ? { error: client.redact(result.error) + warnings } : warnings ? { note: warnings.trim() } : {}),
    resume: result.ok ? null : ((result.resume as Record<string, unknown> | undefined) ?? null),
  }
}
