/** A WeChat Official Account channel's fields: the account (AppID, AppSecret), its API base, author and cover. */
import type { Field } from 'payload'

import { writeOnlySecretField } from '../../channels/secrets'
import { checkUrlShape } from '../../transports/url-guard'
import type { FieldContext } from '../channel-type'

const l = (zh: string, en: string) => ({ zh, en })

/** An empty apiBase means WeChat's own; a typed one must be an http(s) URL, named as this field. */
function checkApiBase(value: unknown): true | string {
  if (value == null || value === '') return true
  const checked = checkUrlShape(value)
  return checked === true ? true : checked.replace(/^url:/, 'apiBase:')
}

export function wechatFields({ isThisType, requiredFor, spoken }: FieldContext): Field[] {
  return [
    {
      type: 'row',
      admin: { condition: isThisType },
      fields: [
        {
          name: 'appId',
          type: 'text',
          label: l('AppID', 'AppID'),
          validate: requiredFor('appId: a WeChat channel needs the Official Account AppID / 微信公众号渠道须填写公众号的 AppID'),
        },
        {
          name: 'authorName',
          type: 'text',
          maxLength: 16,
          label: l('作者署名', 'Author name'),
          admin: { description: l('留空则用稿件记者', 'Empty: the credited reporters') },
        },
      ],
    },
    ...writeOnlySecretField({
      name: 'appSecret',
      inputName: 'newAppSecret',
      label: l('AppSecret', 'AppSecret'),
      statusField: 'appSecretStatus',
      condition: isThisType,
    }),
    {
      name: 'appSecretStatus',
      type: 'text',
      virtual: true,
      label: l('AppSecret 状态', 'AppSecret'),
      admin: { readOnly: true, condition: isThisType },
    },
    {
      type: 'row',
      admin: { condition: isThisType },
      fields: [
        {
          name: 'apiBase',
          type: 'text',
          label: l('接口地址', 'API base'),
          admin: { placeholder: 'https://api.weixin.qq.com' },
          validate: spoken(checkApiBase),
        },
        {
          name: 'coverMediaId',
          type: 'text',
          label: l('默认封面 media_id', 'Default cover media_id'),
          admin: { description: l('稿件无图时使用', 'Used when a story has no picture') },
        },
      ],
    },
  ]
}
