/** WeChat Official Account (公众号) channels: a draft, then freepublish; withdrawals delete the post. */
import type { ChannelTypeDefinition } from '../channel-type'
import { wechatBudget } from './budget'
import { wechatFields } from './fields'
import type { WeChatSettings } from './settings'
import { deliverToWeChat } from './transport'

export const wechatChannel: ChannelTypeDefinition<WeChatSettings> = {
  label: { zh: '微信公众号', en: 'WeChat Official Account' },
  name: { zh: '微信公众号', en: 'WeChat' },
  fields: wechatFields,
  transport: deliverToWeChat,
  budget: wechatBudget,
}
