/**
 * The attempt log: one row per attempt at a delivery, keyed `delivery:attempt-number` (unique).
 *
 * Why a row per attempt: Payload's job runner can hand the same job to two workers (it claims jobs with a read
 * then a write), and a killed worker leaves its job "processing". Inserting this row is the atomic claim — the
 * database's unique index lets exactly one worker make attempt N — and its lease tells the recovery sweep when
 * a worker died mid-attempt. It doubles as the delivery's history (status, error, duration per attempt).
 */
import type { CollectionConfig } from 'payload'

import { editorAccess, hasAnyRole, nobody } from '../access'
import type { ResolvedDistributionOptions } from '../options'

const l = (zh: string, en: string) => ({ zh, en })

export const ATTEMPT_OUTCOMES = ['success', 'skipped', 'retry', 'failed', 'abandoned'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

export function deliveryAttemptsCollection(options: ResolvedDistributionOptions): CollectionConfig {
  const { roles } = options
  return {
    slug: options.attemptsSlug,
    labels: { singular: l('发送尝试', 'Delivery attempt'), plural: l('发送尝试', 'Delivery attempts') },
    admin: {
      useAsTitle: 'key',
      defaultColumns: ['key', 'outcome', 'status', 'durationMs', 'startedAt', 'worker'],
      group: l('分发', 'Distribution'),
      hidden: ({ user }) => !hasAnyRole(user, roles.admins),
    },
    defaultSort: '-startedAt',
    access: { read: editorAccess(roles), create: nobody, update: nobody, delete: nobody },
    fields: [
      { name: 'key', type: 'text', required: true, unique: true, index: true, label: l('编号', 'Key'), admin: { readOnly: true } },
      {
        name: 'delivery',
        type: 'relationship',
        relationTo: options.deliveriesSlug,
        index: true,
        label: l('分发记录', 'Delivery'),
        admin: { readOnly: true },
      },
      { name: 'number', type: 'number', required: true, label: l('第几次', 'Attempt'), admin: { readOnly: true } },
      { name: 'worker', type: 'text', label: l('执行进程', 'Worker'), admin: { readOnly: true } },
      {
        name: 'startedAt',
        type: 'date',
        required: true,
        label: l('开始', 'Started'),
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'leaseUntil',
        type: 'date',
        required: true,
        label: l('占用至', 'Held until'),
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'finishedAt',
        type: 'date',
        label: l('结束', 'Finished'),
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'outcome',
        type: 'select',
        label: l('结果', 'Outcome'),
        options: ATTEMPT_OUTCOMES.map((value) => ({ value, label: value })),
        admin: { readOnly: true },
      },
      { name: 'status', type: 'number', label: l('HTTP 状态', 'HTTP status'), admin: { readOnly: true } },
      { name: 'error', type: 'textarea', label: l('错误', 'Error'), admin: { readOnly: true } },
      { name: 'durationMs', type: 'number', label: l('耗时（毫秒）', 'Duration (ms)'), admin: { readOnly: true } },
    ],
  }
}
