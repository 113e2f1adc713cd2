import type { Payload } from 'payload'

import { reconcileRecentDeliveries, type ReconcileReport } from './src/events/reconcile-deliveries'
import type { DistributionRuntime } from './src/runtime'

/** Public entry of the distribution plugin: the app and other plugins import from here only. */
export { distributionPlugin } from './src/plugin'
export type {
  DistributionPluginConfig,
  DistributionDeliveryOptions,
  DistributionFeedOptions,
  DistributionRoles,
  DistributionWeChatOptions,
  ResolvedDistributionOptions,
} from './src/options'
export { resolveOptions as resolveDistributionOptions } from './src/options'
export type { DistributionEvent, OutputScript, PublishedArticle, PublishedImage } from './src/types'
export { DELIVERY_EVENTS, DELIVERY_STATES, type DeliveryState } from './src/collections/deliveries'
export { DELIVER_TASK, RECOVER_TASK, type DeliverInput } from './src/jobs/task-slugs'
export { runDeliveryAttempt, type AttemptResult } from './src/jobs/deliver-task'
export { sweepDeliveries, sweepDelivery, type SweepReport } from './src/jobs/recovery'
export { settleAttempt } from './src/jobs/attempt-settle'
export type { ReconcileReport } from './src/events/reconcile-deliveries'

/**
 * Records the publication events a crash left without deliveries, for the most recently saved stories (see
 * src/events/reconcile-deliveries.ts). For the host's start-up, before it runs jobs or takes requests.
 */
export async function reconcileDeliveries(payload: Payload): Promise<ReconcileReport> {
  const { runtime } = payload.config.custom?.distribution as { runtime: DistributionRuntime }
  return reconcileRecentDeliveries(payload, runtime)
}
export { retryDelayMs } from './src/jobs/backoff'
export { generateWebhookSecret, checkWebhookSecret, REVEAL_SECRETS } from './src/channels/secrets'
export { PUBLIC_FEED_PATHS, parseFeedPath } from './src/feeds/feed-routes'
export { withDescendants } from './src/feeds/descendants'
export { toPublishedArticle } from './src/story/published-article'
export { webhookBody } from './src/channel-types/webhook/formatter'
