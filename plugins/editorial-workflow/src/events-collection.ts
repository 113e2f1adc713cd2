/**
 * The history of every story: one row per transition (who, when, from, to, the note), append-only. Nobody writes
 * it through the API — the plugin records entries with overrideAccess — and `key` (story + sequence number) is
 * unique, so when two editors press the same button at once only one entry, and one transition, survives.
 */
import type { CollectionConfig, Where } from 'payload'

import { EVENT_ACTIONS, actionLabels } from './actions'
import { actorOf, type Id } from './desk-roles'
import type { ResolvedWorkflowOptions } from './options'
import { ownStoryIds } from './ownership'
import { STAGES, stageLabels } from './stages'

const l = (zh: string, en: string) => ({ zh, en })

/** The `article` relationship is plain when one collection is governed, polymorphic when several are. */
export const storyRelation = (options: ResolvedWorkflowOptions, collection: string, id: Id) =>
  options.collections.length === 1 ? id : { relationTo: collection, value: id }

export const storyWhere = (options: ResolvedWorkflowOptions, collection: string, ids: Id[]): Where =>
  options.collections.length === 1
    ? { article: { in: ids } }
    : { and: [{ 'article.relationTo': { equals: collection } }, { 'article.value': { in: ids } }] }

export function workflowEventsCollection(options: ResolvedWorkflowOptions): CollectionConfig {
  const stageOptions = STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] }))
  return {
    slug: options.eventsCollection,
    labels: { singular: l('流程记录', 'Workflow event'), plural: l('流程记录', 'Workflow history') },
    admin: {
      group: l('内容', 'Content'),
      defaultColumns: ['at', 'article', 'action', 'fromStage', 'toStage', 'actorName', 'note'],
      description: l('稿件每一次流转的记录，只读。', 'Every transition of every story. Read-only.'),
      hidden: ({ user }) => !actorOf(user, options)?.isEditor,
    },
    defaultSort: '-at',
    access: {
      // Editors read everything; a reporter reads the history of their own stories; the public nothing.
      read: async ({ req }) => {
        const actor = actorOf(req.user, options)
        if (!actor) return false
        if (actor.isEditor) return true
        if (!actor.isReporter || options.disabled) return false
        const wheres: Where[] = []
        for (const collection of options.collections) {
          wheres.push(storyWhere(options, collection, await ownStoryIds(req, options, actor, collection)))
        }
        return { or: wheres }
      },
      create: () => false,
      update: () => false,
      delete: () => false,
    },
    fields: [
      {
        name: 'article',
        type: 'relationship',
        relationTo: options.collections.length === 1 ? options.collections[0]! : options.collections,
        // Not required: when a story is deleted its history stays (the key still names it), pointing nowhere.
        index: true,
        label: l('稿件', 'Story'),
      } as CollectionConfig['fields'][number],
      { name: 'sequence', type: 'number', required: true, label: l('序号', 'Sequence') },
      // `${collection}:${id}:${sequence}`: the database refuses a second entry with the same number.
      { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
      {
        name: 'action',
        type: 'select',
        required: true,
        index: true,
        label: l('操作', 'Action'),
        options: EVENT_ACTIONS.map((action) => ({ value: action, label: actionLabels[action] })),
      },
      { name: 'fromStage', type: 'select', label: l('原状态', 'From'), options: stageOptions },
      { name: 'toStage', type: 'select', required: true, label: l('新状态', 'To'), options: stageOptions },
      { name: 'actor', type: 'relationship', relationTo: options.usersCollection, label: l('操作人', 'By') },
      // The name as it was at the time: the history stays readable if the user is renamed or removed.
      { name: 'actorName', type: 'text', label: l('操作人', 'By') },
      { name: 'note', type: 'textarea', label: l('说明', 'Note') },
      { name: 'publishAt', type: 'date', label: l('定时发布时间', 'Publish at'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'at',
        type: 'date',
        required: true,
        index: true,
        label: l('时间', 'When'),
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}
