/**
 * Deliveries: one row per story version × channel × event (published, updated, corrected, unpublished,
 * retracted), written in the same transaction as the publish so none is lost. The delivery job moves it through
 * pending → retrying → success | skipped | failed. Nobody writes rows through the API; editors may retry a failed one.
 */
import type { CollectionConfig } from 'payload'

import { hasAnyRole, isStaff, nobody } from '../access'
import { retryDeliveryEndpoint } from '../endpoints/retry-delivery'
import type { ResolvedDistributionOptions } from '../options'

const l = (zh: string, en: string) => ({ zh, en })

export const DELIVERY_EVENTS = ['published', 'updated', 'corrected', 'unpublished', 'retracted'] as const
// skipped: nothing was sent, on purpose (unchanged content, a change the channel cannot apply); the note says why.
export const DELIVERY_STATES = ['pending', 'retrying', 'success', 'skipped', 'failed'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]

export const eventLabels = {
  published: l('发布', 'Published'),
  updated: l('更新', 'Updated'),
  corrected: l('更正', 'Corrected'),
  unpublished: l('撤下', 'Unpublished'),
  retracted: l('撤稿', 'Retracted'),
} as const

export const ADMIN_PATH = '/plugins/distribution/src/admin'

export function deliveriesCollection(options: ResolvedDistributionOptions): CollectionConfig {
  const { roles } = options
  return {
    slug: options.deliveriesSlug,
    labels: { singular: l('分发记录', 'Delivery'), plural: l('分发记录', 'Deliveries') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'state', 'attempts', 'lastStatus', 'nextAttemptAt', 'deliveredAt'],
      group: l('分发', 'Distribution'),
      hidden: ({ user }) => !hasAnyRole(user, roles.staff),
      listSearchableFields: ['title', 'externalId'],
    },
    defaultSort: '-createdAt',
    // The admin list by state, newest first, and a story's deliveries (its join field, newest first): read in
    // index order at any archive size.
    indexes: [{ fields: ['state', 'createdAt'] }, { fields: ['article', 'createdAt'] }],
    access: {
      // Anonymous GraphQL readers get an empty list rather than an error, so a frontend that selects a story's
      // `deliveries` join is not failed by it; REST and the Local API still answer 403.
      read: ({ req }) => isStaff(roles, req) || (req.payloadAPI === 'GraphQL' ? { id: { exists: false } } : false),
      // System only: rows are written by the publish hook and the delivery job (overrideAccess).
      create: nobody,
      update: nobody,
      delete: nobody,
    },
    endpoints: options.disabled ? [] : [retryDeliveryEndpoint(options)],
    fields: [
      { name: 'title', type: 'text', label: l('摘要', 'Summary'), admin: { readOnly: true } },
      // article:version:channel:event — the unique key that makes each delivery exist once.
      { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
      {
        type: 'row',
        fields: [
          // Not required: deleting a story or a channel keeps its deliveries as history (the link becomes empty).
          {
            name: 'article',
            type: 'relationship',
            relationTo: options.storyCollection,
            index: true,
            label: l('稿件', 'Story'),
            admin: { readOnly: true },
          },
          {
            name: 'channel',
            type: 'relationship',
            relationTo: options.channelsSlug,
            index: true,
            label: l('渠道', 'Channel'),
            admin: { readOnly: true },
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'event',
            type: 'select',
            required: true,
            label: l('事件', 'Event'),
            options: DELIVERY_EVENTS.map((value) => ({ value, label: eventLabels[value] })),
            admin: { readOnly: true },
          },
          { name: 'version', type: 'number', required: true, label: l('版本', 'Version'), admin: { readOnly: true } },
          {
            name: 'state',
            type: 'select',
            required: true,
            defaultValue: 'pending',
            index: true,
            label: l('状态', 'State'),
            options: [
              { value: 'pending', label: l('待发送', 'Pending') },
              { value: 'retrying', label: l('重试中', 'Retrying') },
              { value: 'success', label: l('成功', 'Success') },
              { value: 'skipped', label: l('未发送（已跳过）', 'Skipped') },
              { value: 'failed', label: l('失败', 'Failed') },
            ],
            admin: { readOnly: true },
          },
        ],
      },
      {
        type: 'row',
        fields: [
          // The Standard Webhooks message id: globally unique (a ULID), the same on every attempt, so a receiver
          // that deduplicates on it never drops a real event, even across database resets or environments.
          {
            name: 'webhookId',
            type: 'text',
            unique: true,
            label: l('消息编号 (webhook-id)', 'Message id (webhook-id)'),
            admin: { readOnly: true },
          },
          // When the event happened: the envelope's timestamp, so every attempt sends the same bytes.
          {
            name: 'eventAt',
            type: 'date',
            label: l('事件时间', 'Event time'),
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
          },
        ],
      },
      { name: 'note', type: 'text', label: l('说明', 'Note'), admin: { readOnly: true, condition: (data) => Boolean(data?.note) } },
      {
        type: 'row',
        fields: [
          { name: 'attempts', type: 'number', defaultValue: 0, label: l('尝试次数', 'Attempts'), admin: { readOnly: true } },
          {
            name: 'nextAttemptAt',
            type: 'date',
            index: true,
            label: l('下次尝试', 'Next attempt'),
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
          },
          { name: 'lastStatus', type: 'number', label: l('HTTP 状态', 'HTTP status'), admin: { readOnly: true } },
        ],
      },
      {
        name: 'lastError',
        type: 'textarea',
        label: l('最近错误', 'Last error'),
        admin: { readOnly: true, condition: (data) => Boolean(data?.lastError) },
      },
      {
        type: 'row',
        fields: [
          { name: 'externalId', type: 'text', index: true, label: l('对方编号', 'External id'), admin: { readOnly: true } },
          { name: 'externalUrl', type: 'text', label: l('对方链接', 'External URL'), admin: { readOnly: true } },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'contentHash', type: 'text', label: l('内容指纹', 'Content hash'), admin: { readOnly: true } },
          {
            name: 'deliveredAt',
            type: 'date',
            label: l('送达时间', 'Delivered at'),
            admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
          },
        ],
      },
      // A manual retry extends the budget: attempts may go up to this number.
      { name: 'attemptLimit', type: 'number', admin: { hidden: true } },
      // What an interrupted WeChat publish left behind (publishId / mediaId): the next attempt polls, never resubmits.
      { name: 'resume', type: 'json', hidden: true },
      // The story as published for this event (PublishedArticle), built once from the stored render.
      { name: 'snapshot', type: 'json', hidden: true },
      {
        name: 'retryControls',
        type: 'ui',
        label: l('重试', 'Retry'),
        admin: { position: 'sidebar', components: { Field: `${ADMIN_PATH}/RetryDeliveryButton#RetryDeliveryButton` } },
      },
    ],
  }
}
