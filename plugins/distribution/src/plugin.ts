/**
 * distributionPlugin(options)(config): adds Channels, Deliveries and the attempt log; on each story collection
 * a Deliveries list (join field) and the hooks that turn publication events into deliveries; the delivery and
 * recovery jobs; the retry endpoint; and the feeds (as Payload endpoints and as the host's public routes).
 * Everything is appended, never replaced. `disabled` keeps collections, fields and job slugs (stable schema)
 * but records, sends and serves nothing.
 */
import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { requirePluginsBefore } from '../../house-style'

import { staffFieldAccess } from './access'
import { channelsCollection } from './collections/channels'
import { deliveriesCollection } from './collections/deliveries'
import { deliveryAttemptsCollection } from './collections/delivery-attempts'
import { captureBeforeState, captureDraftFlag } from './events/capture-save'
import { feedsChangedAfterDelete, recordEventAfterChange } from './events/record-event'
import { recipientsEndpoint } from './endpoints/recipients'
import { feedEndpoints, feedPublicRoutes, type PublicRoute } from './feeds/feed-endpoints'
import { FeedService } from './feeds/feed-service'
import { deliverTask } from './jobs/deliver-task'
import { recoverOnStart, recoverTask } from './jobs/recovery'
import { resolveOptions, type DistributionPluginConfig, type ResolvedDistributionOptions } from './options'
import { createRuntime, type DistributionRuntime } from './runtime'

const l = (zh: string, en: string) => ({ zh, en })

function deliveriesJoinField(options: ResolvedDistributionOptions): Field {
  return {
    name: 'deliveries',
    type: 'join',
    collection: options.deliveriesSlug,
    on: 'article',
    label: l('分发记录', 'Deliveries'),
    defaultLimit: 20,
    defaultSort: '-createdAt',
    maxDepth: 1,
    access: { read: staffFieldAccess(options.roles) },
    admin: {
      // Nothing to show before the story first goes out.
      condition: (data) => Boolean(data?.publishedAt),
      allowCreate: false,
      defaultColumns: ['title', 'state', 'attempts', 'lastStatus', 'deliveredAt'],
      description: l('本稿件发往各渠道的记录（发布、更新、更正、撤下、撤稿）', 'Where this story was sent: one row per channel and event'),
    },
  }
}

function withDistribution(
  collection: CollectionConfig,
  options: ResolvedDistributionOptions,
  runtime: DistributionRuntime,
): CollectionConfig {
  const fields = [...collection.fields, deliveriesJoinField(options)]
  if (options.disabled) return { ...collection, fields }
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    fields,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), captureDraftFlag],
      beforeChange: [...(hooks.beforeChange ?? []), captureBeforeState],
      afterChange: [...(hooks.afterChange ?? []), recordEventAfterChange(runtime)],
      afterDelete: [...(hooks.afterDelete ?? []), feedsChangedAfterDelete(runtime)],
    },
  }
}

export const distributionPlugin =
  (pluginOptions: DistributionPluginConfig = {}): Plugin =>
  (config: Config): Config => {
    // house-style is required (its sanitiser, outlet and script); the workflow is optional (its applied transition
    // decides the event when present, read in afterChange, so its place in the array does not matter).
    requirePluginsBefore(config, 'distributionPlugin', { houseStyle: 'houseStylePlugin' })
    const houseStyle = (config.custom?.houseStyle ?? {}) as { defaultOutlet?: string; houseScript?: string }
    const options = resolveOptions(pluginOptions, {
      ...(config.serverURL ? { serverURL: config.serverURL } : {}),
      ...(houseStyle.defaultOutlet ? { defaultOutlet: houseStyle.defaultOutlet } : {}),
      ...(houseStyle.houseScript ? { houseScript: houseStyle.houseScript } : {}),
    })
    const runtime = createRuntime(options)
    const feeds = new FeedService(runtime)
    const serveFeeds = !options.disabled && options.feeds.enabled

    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === options.storyCollection ? withDistribution(collection, options, runtime) : collection,
    )
    const publicRoutes = (config.custom?.publicRoutes ?? []) as PublicRoute[]
    const onInit = config.onInit

    return {
      ...config,
      collections: [...collections, channelsCollection(options), deliveriesCollection(options), deliveryAttemptsCollection(options)],
      jobs: {
        ...config.jobs,
        // Registered even when disabled: task slugs are part of the jobs table's schema.
        tasks: [...(config.jobs?.tasks ?? []), deliverTask(runtime), recoverTask(runtime)],
      },
      endpoints: [
        ...(config.endpoints ?? []),
        ...(serveFeeds ? feedEndpoints(feeds) : []),
        ...(options.disabled ? [] : [recipientsEndpoint(options)]),
      ],
      custom: {
        ...config.custom,
        distribution: { options, feeds, runtime },
        publicRoutes: serveFeeds ? [...publicRoutes, ...feedPublicRoutes(feeds)] : publicRoutes,
      },
      onInit: async (payload) => {
        await onInit?.(payload)
        runtime.payload = payload
        if (!options.disabled) await recoverOnStart(payload, options)
      },
    }
  }
