/**
 * What the plugin adds to a story: its stage (a select, so lists filter and sort by it), the history view,
 * who created it (and, from that and the credits, whose story it is), the corrections printed at its end, why
 * it was retracted, and the history counter the guard uses to settle races. All are written by the workflow
 * only; they stay when the plugin is disabled, so the schema does not change.
 */
import type { Field } from 'payload'

import type { ResolvedWorkflowOptions } from './options'
import { DESK_OWNERS_FIELD } from './ownership'
import { STAGES, stageLabels } from './stages'

const signedIn = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

const l = (zh: string, en: string) => ({ zh, en })
const ADMIN = '/plugins/editorial-workflow/src/admin'

export function workflowFields(options: ResolvedWorkflowOptions): Field[] {
  return [
    {
      name: 'stage',
      type: 'select',
      // Not required: API clients create stories without naming a stage; the guard always sets it.
      defaultValue: 'draft',
      index: true,
      label: l('流程状态', 'Stage'),
      options: STAGES.map((stage) => ({ value: stage, label: stageLabels[stage] })),
      // Desk business: readers learn what is public from `_status` and the reader-facing Story type; anonymous
      // reads get null here, and cannot filter by it.
      access: { read: signedIn },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: l('由流程操作改变（提交、审核、发布……）', 'Changed by workflow actions (submit, approve, publish, …)'),
        components: { Cell: `${ADMIN}/StageCell#StageCell`, Field: `${ADMIN}/StageField#StageField` },
      },
    },
    // A view, not data: it has no column, so it can go when the plugin is disabled.
    ...(options.disabled
      ? []
      : [
          {
            name: 'workflowHistory',
            type: 'ui',
            label: l('流程记录', 'Workflow history'),
            admin: { position: 'sidebar', components: { Field: `${ADMIN}/WorkflowHistory#WorkflowHistory` } },
          } satisfies Field,
        ]),
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: options.usersCollection,
      label: l('创建人', 'Created by'),
      admin: { position: 'sidebar', readOnly: true, components: { Field: `${ADMIN}/CreatedByField#CreatedByField` } },
      // Who wrote what is desk business; the public API never shows it.
      access: { read: ({ req }) => Boolean(req.user) },
      // An id, never the user record: user records are private (CreatedByField shows the name from the
      // history), and populating one on every read and save of a story costs a query for nothing.
      maxDepth: 0,
    },
    {
      // Whose story it is, as keys the "my stories" list and the reporters' update rule query with one indexed
      // lookup: `user:<id>` for the creator and `author:<id>` for each credited author (ownership.ts). Kept by the
      // guard hook on every save from the same row's createdBy and credits; never written by hand.
      name: DESK_OWNERS_FIELD,
      type: 'text',
      hasMany: true,
      label: l('稿件归属', 'Desk owners'),
      access: { read: signedIn },
      admin: { hidden: true, readOnly: true },
    },
    {
      name: 'corrections',
      type: 'array',
      label: l('更正', 'Corrections'),
      labels: { singular: l('更正', 'Correction'), plural: l('更正', 'Corrections') },
      admin: {
        readOnly: true,
        description: l('由“更正”操作添加，刊于文末', 'Added by the "correct" action; printed at the end of the story'),
        condition: (data) => Array.isArray(data?.corrections) && data.corrections.length > 0,
      },
      fields: [
        { name: 'note', type: 'textarea', required: true, label: l('更正说明', 'Note') },
        {
          name: 'date',
          type: 'date',
          required: true,
          label: l('日期', 'Date'),
          admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' } },
        },
      ],
    },
    {
      name: 'retractionReason',
      type: 'textarea',
      label: l('撤稿原因', 'Retraction reason'),
      access: { read: signedIn },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.retractionReason) },
    },
    {
      name: 'workflowSequence',
      type: 'number',
      defaultValue: 0,
      label: l('流程序号', 'Workflow sequence'),
      access: { read: signedIn },
      admin: { hidden: true, readOnly: true },
    },
  ]
}
