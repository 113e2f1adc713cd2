/** Webhook channels: NINJS pushed to an HTTPS endpoint, signed per Standard Webhooks. */
import type { ChannelTypeDefinition } from '../channel-type'
import { webhookBudget } from './budget'
import { webhookFields } from './fields'
import type { WebhookSettings } from './settings'
import { deliverToWebhook } from './transport'

export const webhookChannel: ChannelTypeDefinition<WebhookSettings> = {
  label: { zh: 'Webhook（签名推送）', en: 'Webhook (signed push)' },
  name: { zh: 'Webhook', en: 'webhook' },
  fields: webhookFields,
  transport: deliverToWebhook,
  budget: webhookBudget,
}
