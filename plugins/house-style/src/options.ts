/**
 * The house-style plugin's options. Defaults are applied once, in resolveOptions(); the rest of the plugin
 * reads only the resolved shape.
 */
import type { CollectionSlug } from 'payload'

import type { BylinePatternId, DatelinePresetId, HouseScript } from './types'

export interface HouseStylePluginConfig {
  /** Collections whose documents are stories. @default ['articles'] */
  collections?: CollectionSlug[]
  /** Collection credited people come from. @default 'authors' */
  authorsCollection?: CollectionSlug
  /** Collection dateline places come from (its `shortName`, else `name`, is printed). @default 'regions' */
  regionsCollection?: CollectionSlug
  /** Upload collection for images in the body. @default 'media' */
  mediaCollection?: CollectionSlug
  /** The master script stories are stored in; channels convert from it. @default 'zh-Hans' */
  houseScript?: HouseScript
  /** How this outlet writes its dateline. @default 'outlet-xun' */
  datelinePreset?: DatelinePresetId
  /** The outlet name pre-filled in new stories' datelines, e.g. 亮点黔西南. @default undefined */
  defaultOutlet?: string
  /** How this outlet writes its credit line. @default 'reported-by' */
  bylinePattern?: BylinePatternId
  /** Time zone for dateline dates. @default 'Asia/Shanghai' */
  timeZone?: string
  /** Opt-in rule ids to turn on, e.g. ['cjk-latin-spacing']. @default [] */
  enableRules?: string[]
  /** Longest headline, in characters, before the headline-length warning. @default 30 */
  headlineMaxLength?: number
  /** Keep the fields (stable schema) but render, lint and enforce nothing. @default false */
  disabled?: boolean
}

export type ResolvedHouseStyleOptions = Required<Omit<HouseStylePluginConfig, 'defaultOutlet'>> & { defaultOutlet?: string }

export const resolveOptions = (options: HouseStylePluginConfig = {}): ResolvedHouseStyleOptions => ({
  collections: options.collections ?? ['articles'],
  authorsCollection: options.authorsCollection ?? 'authors',
  regionsCollection: options.regionsCollection ?? 'regions',
  mediaCollection: options.mediaCollection ?? 'media',
  houseScript: options.houseScript ?? 'zh-Hans',
  datelinePreset: options.datelinePreset ?? 'outlet-xun',
  defaultOutlet: options.defaultOutlet,
  bylinePattern: options.bylinePattern ?? 'reported-by',
  timeZone: options.timeZone ?? 'Asia/Shanghai',
  enableRules: options.enableRules ?? [],
  headlineMaxLength: options.headlineMaxLength ?? 30,
  disabled: options.disabled ?? false,
})
