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
export { CHANNEL_TYPES, OUTPUT_SCRIPTS, type ChannelType } from './src/collections/channels'
export { DELIVERY_EVENTS, DELIVERY_STATES, type DeliveryState } from './src/collections/deliveries'
export { DELIVER_TASK, RECOVER_TASK, type DeliverInput } from './src/jobs/task-slugs'
export { runDeliveryAttempt, type AttemptResult } from './src/jobs/deliver-task'
export { sweepDeliveries, type SweepReport } from './src/jobs/recovery'
export { retryDelayMs } from './src/jobs/backoff'
export { generateWebhookSecret, checkWebhookSecret, REVEAL_SECRETS } from './src/channels/secrets'
export { PUBLIC_FEED_PATHS, parseFeedPath } from './src/feeds/feed-routes'
export { toPublishedArticle } from './src/story/published-article'
export { webhookBody } from './src/transports/deliver-webhook'
