/**
 * Channels: where published stories go. A channel type (webhook, WeChat, feed) is code, registered in
 * channel-types/registry.ts; a channel is data an admin manages here. The type-specific fields come from each
 * type's folder, shown only while that type is chosen; the schema is the same whatever the type. Editors may
 * see which channels exist and whether they work; secrets are sealed for everyone: written, never read,
 * filtered or sorted (see channels/secrets.ts).
 */
import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import { forRequest } from '../../../house-style'

import { adminAccess, editorAccess, hasAnyRole } from '../access'
import type { FieldContext } from '../channel-types/channel-type'
import { CHANNEL_TYPES, channelTypes, type ChannelType } from '../channel-types/registry'
import type { ResolvedDistributionOptions } from '../options'
import { ADMIN_PATH } from './deliveries'

const l = (zh: string, en: string) => ({ zh, en })

/** The conditions and checks a type's fields use to apply only to channels of that type. */
function fieldContext(type: ChannelType, options: ResolvedDistributionOptions): FieldContext {
  const isThisType = (data: Record<string, unknown> | undefined) => data?.type === type
  // Messages are bilingual; a request that states its language (the admin) reads its half.
  const say = (result: true | string, req: PayloadRequest | undefined) => (result === true ? true : forRequest(result, req))
  return {
    options,
    isThisType,
    requiredFor:
      (message, check) =>
      (value, { siblingData, req }) => {
        if (!isThisType(siblingData)) return true
        if (value == null || value === '') return say(message, req)
        return check ? say(check(value), req) : true
      },
    spoken:
      (check) =>
      (value, { req }) =>
        say(check(value), req),
  }
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
          defaultValue: CHANNEL_TYPES[0],
          label: l('类型', 'Type'),
          options: channelTypes.map(([value, definition]) => ({ value, label: definition.label })),
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
      relationTo: options.sectionsCollection,
      hasMany: true,
      label: l('栏目筛选', 'Sections'),
      admin: { description: l('留空表示全部栏目；含下级栏目', 'Empty means every section; sub-sections included') },
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: options.regionsCollection,
      hasMany: true,
      label: l('地区筛选', 'Regions'),
      admin: { description: l('留空表示全部地区；含下级地区', 'Empty means every region; places within included') },
    },
    ...channelTypes.flatMap(([type, definition]) => definition.fields(fieldContext(type, options))),
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
      description: l(
        '稿件发布后自动送达的地方（Webhook、微信公众号、订阅源）。只有管理员可以添加或修改渠道。',
        'Where published stories go by themselves (webhooks, WeChat, feeds). Only admins can add or change channels.',
      ),
      // An empty list explains itself and says who can add the first channel.
      components: { beforeListTable: [`${ADMIN_PATH}/ChannelsEmptyState#ChannelsEmptyState`] },
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
