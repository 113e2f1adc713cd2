/**
 * houseStylePlugin(options)(config): adds the dateline/credit model, the rendered output and the findings to
 * each story collection, renders and lints on save, refuses to publish with style errors, and serves the
 * lint/fix endpoints. Hooks and endpoints are appended, never replaced.
 */
import type { Config, Plugin } from 'payload'

import { houseStyleEndpoints } from './endpoints/lint'
import { houseStyleFields } from './fields'
import { renderAndLint } from './hooks/render-and-lint'
import { resolveOptions, type HouseStylePluginConfig } from './options'

export const houseStylePlugin =
  (pluginOptions: HouseStylePluginConfig = {}): Plugin =>
  (config: Config): Config => {
    const options = resolveOptions(pluginOptions)
    const collections = (config.collections ?? []).map((collection) => {
      if (!options.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        fields: [...collection.fields, ...houseStyleFields(options)],
        hooks: options.disabled
          ? collection.hooks
          : { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), renderAndLint(options)] },
      }
    })
    return {
      ...config,
      collections,
      endpoints: options.disabled ? config.endpoints : [...(config.endpoints ?? []), ...houseStyleEndpoints(options)],
      custom: { ...config.custom, houseStyle: options },
    }
  }
