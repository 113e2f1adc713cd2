/**
 * editorialWorkflowPlugin(options)(config): adds stages, the history collection, the rules and the actions to
 * each story collection — fields, access, hooks, the …/workflow endpoints, GraphQL, and the admin's action
 * bar, Publish button, history panel and newsroom links. Hooks, endpoints and components are appended, never
 * replaced. `disabled` keeps the fields and the history collection (stable schema) and drops the behaviour.
 */
import type { CollectionConfig, Config, Plugin } from 'payload'

import { requirePluginsBefore } from '../../house-style'

import { storyCreateAccess, storyUpdateAccess } from './access'
import { workflowEndpoints } from './endpoints'
import { workflowEventsCollection } from './events-collection'
import { workflowFields } from './fields'
import { withWorkflowGraphQL } from './graphql'
import { afterStorySave } from './hooks/after-story-save'
import { captureOperation } from './hooks/capture-operation'
import { forgetUnsavedHistoryAfterError } from './hooks/forget-unsaved-history'
import { guardStorySave } from './hooks/guard-story-save'
import { resolveOptions, type EditorialWorkflowPluginConfig, type ResolvedWorkflowOptions } from './options'
import { guardScheduleJobs } from './schedule-guard'

const ADMIN = '/plugins/editorial-workflow/src/admin'

/** The stage column, after the title, in place of Payload's draft/published `_status` (one status for people). */
function withStageColumn(columns: string[] | undefined): string[] | undefined {
  if (!columns) return columns
  columns = columns.filter((c) => c !== '_status')
  if (columns.includes('stage')) return columns
  const after = columns.indexOf('title')
  return after === -1 ? [...columns, 'stage'] : [...columns.slice(0, after + 1), 'stage', ...columns.slice(after + 1)]
}

function governStory(collection: CollectionConfig, options: ResolvedWorkflowOptions): CollectionConfig {
  const withFields = { ...collection, fields: [...collection.fields, ...workflowFields(options)] }
  const admin = { ...collection.admin, defaultColumns: withStageColumn(collection.admin?.defaultColumns) }
  if (options.disabled) return { ...withFields, admin }
  const hooks = collection.hooks ?? {}
  const edit = collection.admin?.components?.edit ?? {}
  return {
    ...withFields,
    admin: {
      ...admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...edit,
          beforeDocumentControls: [...(edit.beforeDocumentControls ?? []), `${ADMIN}/WorkflowActions#WorkflowActions`],
          // The header shows the stage, not Payload's draft/published status; unpublishing is a workflow action.
          Status: edit.Status ?? `${ADMIN}/StageStatus#StageStatus`,
          UnpublishButton: edit.UnpublishButton ?? `${ADMIN}/NoUnpublishButton#NoUnpublishButton`,
          // Keep a Publish button someone else configured; otherwise ours runs the publish action.
          PublishButton: edit.PublishButton ?? `${ADMIN}/WorkflowPublishButton#WorkflowPublishButton`,
        },
      },
    },
    access: {
      ...collection.access,
      create: storyCreateAccess(options, collection.access?.create),
      update: storyUpdateAccess(options, collection.access?.update),
    },
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), captureOperation],
      beforeChange: [...(hooks.beforeChange ?? []), guardStorySave(options)],
      afterChange: [...(hooks.afterChange ?? []), afterStorySave(options)],
      afterError: [...(hooks.afterError ?? []), forgetUnsavedHistoryAfterError(options)],
    },
    endpoints: collection.endpoints === false ? false : [...(collection.endpoints ?? []), ...workflowEndpoints(options, collection.slug)],
  }
}

export const editorialWorkflowPlugin =
  (pluginOptions: EditorialWorkflowPluginConfig = {}): Plugin =>
  (config: Config): Config => {
    // The guard reads house-style's fresh findings, so house-style's save hook must run first.
    requirePluginsBefore(config, 'editorialWorkflowPlugin', { houseStyle: 'houseStylePlugin' })
    const options = resolveOptions(pluginOptions)
    const collections = (config.collections ?? []).map((collection) =>
      options.collections.includes(collection.slug) ? governStory(collection, options) : collection,
    )
    const components = config.admin?.components ?? {}
    return {
      ...config,
      collections: [...collections, workflowEventsCollection(options)],
      admin:
        options.disabled || !options.navLinks
          ? config.admin
          : {
              ...config.admin,
              components: {
                ...components,
                afterNavLinks: [...(components.afterNavLinks ?? []), `${ADMIN}/WorkflowNavLinks#WorkflowNavLinks`],
                beforeDashboard: [...(components.beforeDashboard ?? []), `${ADMIN}/WorkflowDashboard#WorkflowDashboard`],
                // The desk's clean story lists the links open (我的稿件, 待我修改, 待审稿件 …).
                views: { ...components.views, deskList: { Component: `${ADMIN}/DeskListView#DeskListView`, path: '/desk/:list' } },
              },
            },
      graphQL: options.disabled ? config.graphQL : withWorkflowGraphQL(config.graphQL, options),
      custom: { ...config.custom, editorialWorkflow: options },
      onInit: async (payload) => {
        if (!options.disabled) guardScheduleJobs(payload, options)
        await config.onInit?.(payload)
      },
    }
  }
