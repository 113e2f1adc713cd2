/**
 * Channels: where published stories go. A channel type (webhook, WeChat, feed) is code; a channel is data an
 * admin manages here. Editors may see which channels exist and whether they work; secrets are sealed for
 * everyone: written, never read, filtered or sorted (see channels/secrets.ts). The fields are the same whatever the type, so the schema never changes.
 */
import type { CollectionConfig, CollectionSlug, Field } from 'payload'

import { adminAccess, editorAccess, hasAnyRole } from '../access'
import { checkWebhookSecret, generateWebhookSecret, writeOnlySecretField } from '../channels/secrets'
import type { ResolvedDistributionOptions } from '../options'
import { DEFAULT_NINJS_VERSION, NINJS_VERSIONS } from '../formatters/ninjs'
import { checkUrlShape } from '../transports/url-guard'

const l = (zh: string, en: string) => ({ zh, en })

export const CHANNEL_TYPES = ['webhook', 'wechat', 'feed'] as const
export type ChannelType = (typeof CHANNEL_TYPES)[number]

export const OUTPUT_SCRIPTS = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK'] as const

const isType = (type: ChannelType) => (data: Record<string, unknown> | undefined) => data?.type === type

const requiredFor =
  (type: ChannelType, message: string, check?: (value: unknown) => true | string) =>
  (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
    if (siblingData?.type !== type) return true
    if (value == null || value === '') return message
    return check ? check(value) : true
  }

export function channelsCollection(options: ResolvedDistributionOptions): CollectionConfig {
  const { roles } = options
  const fields: Field[] = [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: l('名称', 'Name') },
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          defaultValue: 'webhook',
          label: l('类型', 'Type'),
          options: [
            { value: 'webhook', label: l('Webhook（签名推送）', 'Webhook (signed push)') },
            { value: 'wechat', label: l('微信公众号', 'WeChat Official Account') },
            { value: 'feed', label: l('仅订阅源', 'Feed only') },
          ],
        },
        { name: 'enabled', type: 'checkbox', defaultValue: true, label: l('启用', 'Enabled'), index: true },
        {
          name: 'script',
          type: 'select',
          required: true,
          defaultValue: 'zh-Hans',
          label: l('输出字形', 'Output script'),
          options: [
            { value: 'zh-Hans', label: l('简体', 'Simplified (zh-Hans)') },
            { value: 'zh-Hant-TW', label: l('繁体（台湾）', 'Traditional, Taiwan (zh-Hant-TW)') },
            { value: 'zh-Hant-HK', label: l('繁体（香港）', 'Traditional, Hong Kong (zh-Hant-HK)') },
          ],
        },
      ],
    },
    {
      name: 'sections',
      type: 'relationship',
      relationTo: options.sectionsCollection as CollectionSlug,
      hasMany: true,
      label: l('栏目筛选', 'Sections'),
      admin: { description: l('留空表示全部栏目；含下级栏目', 'Empty means every section; sub-sections included') },
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: options.regionsCollection as CollectionSlug,
      hasMany: true,
      label: l('地区筛选', 'Regions'),
      admin: { description: l('留空表示全部地区；含下级地区', 'Empty means every region; places within included') },
    },
    // Webhook
    {
      name: 'url',
      type: 'text',
      label: l('推送地址', 'Endpoint URL'),
      admin: { condition: isType('webhook'), placeholder: 'https://receiver.example/hooks/news' },
      validate: requiredFor('webhook', 'url: a webhook channel needs its endpoint URL', checkUrlShape) as never,
    },
    ...writeOnlySecretField({
      name: 'secret',
      inputName: 'newSecret',
      label: l('签名密钥 (whsec_…)', 'Signing secret (whsec_…)'),
      statusField: 'secretStatus',
      revealGeneratedAs: 'generatedSecret',
      generate: (data) => (data.type === 'webhook' ? generateWebhookSecret() : undefined),
      validate: checkWebhookSecret,
      condition: isType('webhook'),
    }),
    {
      name: 'secretStatus',
      type: 'text',
      virtual: true,
      label: l('签名密钥状态', 'Signing secret'),
      admin: { readOnly: true, condition: isType('webhook') },
    },
    {
      // Filled only in the response to the save that generated the secret: the one time it can be copied.
      name: 'generatedSecret',
      type: 'text',
      virtual: true,
      label: l('新生成的密钥（仅显示一次）', 'Generated secret (shown once)'),
      admin: { hidden: true },
    },
    {
      name: 'ninjsVersion',
      type: 'select',
      defaultValue: DEFAULT_NINJS_VERSION,
      label: l('NINJS 版本', 'NINJS version'),
      options: NINJS_VERSIONS.map((value) => ({ value, label: value === '1.6' ? '1.6（旧接收方 / older receivers）' : value })),
      admin: {
        condition: isType('webhook'),
        description: l('推送的 IPTC NINJS 版本；只读 headline/body_html 的旧系统选 1.6', 'IPTC NINJS version of the pushed document; 1.6 for receivers that read headline/body_html'),
      },
    },
    {
      name: 'timeoutMs',
      type: 'number',
      min: 500,
      max: 60_000,
      label: l('超时（毫秒）', 'Timeout (ms)'),
      admin: { condition: isType('webhook'), placeholder: String(options.delivery.webhookTimeoutMs) },
    },
    // WeChat
    {
      type: 'row',
      admin: { condition: isType('wechat') },
      fields: [
        {
          name: 'appId',
          type: 'text',
          label: l('AppID', 'AppID'),
          validate: requiredFor('wechat', 'appId: a WeChat channel needs the Official Account AppID') as never,
        },
        { name: 'authorName', type: 'text', maxLength: 16, label: l('作者署名', 'Author name'), admin: { description: l('留空则用稿件记者', 'Empty: the credited reporters') } },
      ],
    },
    ...writeOnlySecretField({
      name: 'appSecret',
      inputName: 'newAppSecret',
      label: l('AppSecret', 'AppSecret'),
      statusField: 'appSecretStatus',
      condition: isType('wechat'),
    }),
    {
      name: 'appSecretStatus',
      type: 'text',
      virtual: true,
      label: l('AppSecret 状态', 'AppSecret'),
      admin: { readOnly: true, condition: isType('wechat') },
    },
    {
      type: 'row',
      admin: { condition: isType('wechat') },
      fields: [
        {
          name: 'apiBase',
          type: 'text',
          label: l('接口地址', 'API base'),
          admin: { placeholder: 'https://api.weixin.qq.com' },
          validate: ((value: unknown) => (value == null || value === '' ? true : checkUrlShape(value) === true ? true : String(checkUrlShape(value)).replace(/^url:/, 'apiBase:'))) as never,
        },
        { name: 'coverMediaId', type: 'text', label: l('默认封面 media_id', 'Default cover media_id'), admin: { description: l('稿件无图时使用', 'Used when a story has no picture') } },
      ],
    },
    {
      name: 'disabledReason',
      type: 'text',
      label: l('停用原因', 'Why it was disabled'),
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.disabledReason) },
    },
  ]

  return {
    slug: options.channelsSlug,
    labels: { singular: l('分发渠道', 'Channel'), plural: l('分发渠道', 'Channels') },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'type', 'enabled', 'script', 'secretStatus', 'updatedAt'],
      group: l('分发', 'Distribution'),
      hidden: ({ user }) => !hasAnyRole(user, roles.editors),
    },
    access: {
      // Editors see names and status (secrets are sealed for everyone); reporters and the public see nothing.
      read: editorAccess(roles),
      create: adminAccess(roles),
      update: adminAccess(roles),
      delete: adminAccess(roles),
    },
    hooks: {
      beforeChange: [
        ({ data, originalDoc }) => {
          // Turning a channel back on clears the reason it was turned off.
          if (data.enabled === true && originalDoc?.enabled === false) data.disabledReason = null
          return data
        },
      ],
    },
    fields,
  }
}
