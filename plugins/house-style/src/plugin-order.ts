/**
 * Payload applies plugins in the order of the `plugins` array. A plugin that builds on others (the workflow on
 * house-style's findings, distribution on both) checks they were applied before it, by the options each one
 * leaves in `config.custom`, so a missing or misordered plugin stops the start with one line saying what to do.
 */
import type { Config } from 'payload'

export const PLUGIN_ORDER = 'plugins: [houseStylePlugin(), editorialWorkflowPlugin(), distributionPlugin()]'

/** `needs` maps the `config.custom` key each required plugin sets to that plugin's name. */
export function requirePluginsBefore(config: Config, plugin: string, needs: Record<string, string>): void {
  const missing = Object.entries(needs)
    .filter(([key]) => !config.custom?.[key])
    .map(([, name]) => name)
  if (missing.length) throw new Error(`${plugin} needs ${missing.join(' and ')} applied before it: ${PLUGIN_ORDER}`)
}
