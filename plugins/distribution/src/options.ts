/**
 * The distribution plugin's options. Defaults are applied once, in resolveOptions(); the rest of the plugin
 * reads only the resolved shape. Delivery timings default from NEWSROOM_DELIVERY_* environment variables so an
 * operator (or a test) can tune retries without a code change.
 */
import type { CollectionSlug } from 'payload'

import type { OutputScript } from './types'

export interface DistributionDeliveryOptions {
  /** Jobs queue the delivery and recovery jobs run on. @default 'distribution' */
  queue?: string
  /** Attempts per delivery before it is marked failed (Superdesk: 10). @default NEWSROOM_DELIVERY_MAX_ATTEMPTS or 10 */
  maxAttempts?: number
  /** Wait before the first retry; each further retry doubles it. @default NEWSROOM_DELIVERY_BACKOFF_MS or 2000 */
  backoffMs?: number
  /** Longest wait between two attempts. @default NEWSROOM_DELIVERY_BACKOFF_CAP_MS or 600000 (10 minutes) */
  backoffCapMs?: number
  /** Webhook request timeout when the channel sets none. @default 10000 */
  webhookTimeoutMs?: number
  /**
   * Run a story's deliveries in this process as soon as its publish is committed, instead of waiting for the
   * next jobs-runner tick. @default NEWSROOM_DELIVERY_IMMEDIATE !== 'false'
   */
  immediate?: boolean
  /** How often the recovery sweep re-queues stranded deliveries. @default NEWSROOM_DELIVERY_RECOVERY_MS or 30000 */
  recoveryIntervalMs?: number
  /** A delivery due this long ago and not yet attempted counts as stranded. @default NEWSROOM_DELIVERY_RECOVERY_GRACE_MS or 30000 */
  recoveryGraceMs?: number
  /**
   * An attempt holds its delivery for the transport's own timeout plus this margin; after that a worker is
   * presumed dead and the attempt is taken over. @default NEWSROOM_DELIVERY_LEASE_MARGIN_MS or 30000
   */
  leaseMarginMs?: number
}

export interface DistributionWeChatOptions {
  /** Wait between freepublish/get polls inside one attempt. @default NEWSROOM_WECHAT_POLL_INTERVAL_MS or 2000 */
  pollIntervalMs?: number
  /** Polls per attempt before the attempt ends as "still publishing" (and is retried, polling only). @default NEWSROOM_WECHAT_MAX_POLLS or 5 */
  maxPolls?: number
}

export interface DistributionFeedOptions {
  /** Serve RSS/Atom/JSON Feed and the news sitemap. @default true */
  enabled?: boolean
  /** Stories per feed. @default 50 */
  limit?: number
  /** Feed title (the section or region name is appended). @default publicationName */
  title?: string
  /** @default '<publicationName> 最新稿件' */
  description?: string
  /** Longest a cached feed body is served before it is rebuilt regardless. @default 300000 */
  cacheTtlMs?: number
  /**
   * At most this often a cached feed checks (one small query) whether another process published since.
   * @default 1000
   */
  revalidateMs?: number
}

export interface DistributionRoles {
  /** Read deliveries (and see them on a story). @default ['reporter', 'editor', 'admin'] */
  staff?: string[]
  /** Read channel names and status; retry deliveries. @default ['editor', 'admin'] */
  editors?: string[]
  /** Manage channels and their secrets. @default ['admin'] */
  admins?: string[]
}

export interface DistributionPluginConfig {
  /** The story collection whose publication events are distributed. @default 'articles' */
  storyCollection?: CollectionSlug
  /** @default 'channels' */
  channelsSlug?: CollectionSlug
  /** @default 'deliveries' */
  deliveriesSlug?: CollectionSlug
  /** The attempt log, which also keeps two workers from sending the same attempt. @default 'delivery-attempts' */
  attemptsSlug?: CollectionSlug
  /** @default 'sections' */
  sectionsCollection?: CollectionSlug
  /** @default 'regions' */
  regionsCollection?: CollectionSlug
  /** @default 'authors' */
  authorsCollection?: CollectionSlug
  /** @default 'media' */
  mediaCollection?: CollectionSlug
  /**
   * Public origin of the website: every link in feeds, the news sitemap, NINJS and WeChat posts starts with it.
   * Required unless the config has a serverURL (then that is used). The app passes publicUrl() from src/env.ts.
   */
  siteUrl?: string
  /** Path of a story on the website. @default (story) => `/news/${story.slug}` */
  storyPath?: (story: { id: string | number; slug: string }) => string
  /** The publication's name (feeds, Google News sitemap). @default house-style's default outlet, else 'Newsroom' */
  publicationName?: string
  /** BCP 47 language of stored stories. @default house-style's house script, else 'zh-Hans' */
  language?: string
  /** Script of stored stories; a channel in another script gets a conversion. @default 'zh-Hans' */
  houseScript?: OutputScript
  delivery?: DistributionDeliveryOptions
  wechat?: DistributionWeChatOptions
  feeds?: DistributionFeedOptions
  roles?: DistributionRoles
  /** Keep the collections and fields (stable schema) but send, queue and serve nothing. @default false */
  disabled?: boolean
}

export interface ResolvedDistributionOptions {
  storyCollection: CollectionSlug
  channelsSlug: CollectionSlug
  deliveriesSlug: CollectionSlug
  attemptsSlug: CollectionSlug
  sectionsCollection: CollectionSlug
  regionsCollection: CollectionSlug
  authorsCollection: CollectionSlug
  mediaCollection: CollectionSlug
  siteUrl: string
  storyPath: (story: { id: string | number; slug: string }) => string
  publicationName: string
  language: string
  houseScript: OutputScript
  delivery: Required<DistributionDeliveryOptions>
  wechat: Required<DistributionWeChatOptions>
  feeds: Required<DistributionFeedOptions>
  roles: Required<DistributionRoles>
  disabled: boolean
}

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && process.env[name]?.trim() ? value : fallback
}

/** What the host config knows that the plugin's defaults depend on. */
export interface HostFacts {
  serverURL?: string
  defaultOutlet?: string
  houseScript?: string
}

export function resolveOptions(options: DistributionPluginConfig = {}, host: HostFacts = {}): ResolvedDistributionOptions {
  const publicationName = options.publicationName ?? host.defaultOutlet ?? 'Newsroom'
  const origin = options.siteUrl?.trim() || host.serverURL?.trim()
  if (!origin) {
    throw new Error(
      "distribution plugin: set `siteUrl` (the public origin of the website, e.g. https://news.example.cn) or the config's serverURL: every feed, NINJS and WeChat link is built from it",
    )
  }
  const siteUrl = origin.replace(/\/+$/, '')
  const houseScript = (options.houseScript ?? host.houseScript ?? 'zh-Hans') as OutputScript
  const delivery = options.delivery ?? {}
  const feeds = options.feeds ?? {}
  return {
    storyCollection: options.storyCollection ?? 'articles',
    channelsSlug: options.channelsSlug ?? 'channels',
    deliveriesSlug: options.deliveriesSlug ?? 'deliveries',
    attemptsSlug: options.attemptsSlug ?? 'delivery-attempts',
    sectionsCollection: options.sectionsCollection ?? 'sections',
    regionsCollection: options.regionsCollection ?? 'regions',
    authorsCollection: options.authorsCollection ?? 'authors',
    mediaCollection: options.mediaCollection ?? 'media',
    siteUrl,
    storyPath: options.storyPath ?? ((story) => `/news/${encodeURIComponent(story.slug)}`),
    publicationName,
    language: options.language ?? houseScript,
    houseScript,
    delivery: {
      queue: delivery.queue ?? 'distribution',
      maxAttempts: Math.max(1, delivery.maxAttempts ?? envNumber('NEWSROOM_DELIVERY_MAX_ATTEMPTS', 10)),
      backoffMs: Math.max(0, delivery.backoffMs ?? envNumber('NEWSROOM_DELIVERY_BACKOFF_MS', 2000)),
      backoffCapMs: Math.max(0, delivery.backoffCapMs ?? envNumber('NEWSROOM_DELIVERY_BACKOFF_CAP_MS', 600_000)),
      webhookTimeoutMs: delivery.webhookTimeoutMs ?? 10_000,
      immediate: delivery.immediate ?? process.env.NEWSROOM_DELIVERY_IMMEDIATE !== 'false',
      recoveryIntervalMs: Math.max(100, delivery.recoveryIntervalMs ?? envNumber('NEWSROOM_DELIVERY_RECOVERY_MS', 30_000)),
      recoveryGraceMs: Math.max(0, delivery.recoveryGraceMs ?? envNumber('NEWSROOM_DELIVERY_RECOVERY_GRACE_MS', 30_000)),
      leaseMarginMs: Math.max(0, delivery.leaseMarginMs ?? envNumber('NEWSROOM_DELIVERY_LEASE_MARGIN_MS', 30_000)),
    },
    wechat: {
      pollIntervalMs: options.wechat?.pollIntervalMs ?? envNumber('NEWSROOM_WECHAT_POLL_INTERVAL_MS', 2000),
      maxPolls: Math.max(1, options.wechat?.maxPolls ?? envNumber('NEWSROOM_WECHAT_MAX_POLLS', 5)),
    },
    feeds: {
      enabled: feeds.enabled ?? true,
      limit: feeds.limit ?? 50,
      title: feeds.title ?? publicationName,
      description: feeds.description ?? `${publicationName} 最新稿件`,
      cacheTtlMs: feeds.cacheTtlMs ?? 300_000,
      revalidateMs: feeds.revalidateMs ?? 1000,
    },
    roles: {
      staff: options.roles?.staff ?? ['reporter', 'editor', 'admin'],
      editors: options.roles?.editors ?? ['editor', 'admin'],
      admins: options.roles?.admins ?? ['admin'],
    },
    disabled: options.disabled ?? false,
  }
}
