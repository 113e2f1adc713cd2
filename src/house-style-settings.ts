/**
 * This desk's house style, as payload.config.ts gives it to the house-style plugin (and the benchmark's
 * layered configs, tests/bench/vanilla.config.ts): simplified script, the 亮点黔西南讯 dateline, and the
 * （丁宪民 报道） byline. Every option and its default: plugins/house-style/README.md.
 */
import type { HouseStylePluginConfig } from '../plugins/house-style'

export const houseStyleSettings: HouseStylePluginConfig = {
  houseScript: 'zh-Hans',
  datelinePreset: 'outlet-xun',
  defaultOutlet: process.env.NEWSROOM_OUTLET || '亮点黔西南',
  bylinePattern: 'reported-by',
}
