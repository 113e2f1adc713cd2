/** A webhook channel's fields: where to POST, the signing secret, the NINJS version and the timeout. */
import type { Field } from 'payload'

import { checkWebhookSecret, generateWebhookSecret, writeOnlySecretField } from '../../channels/secrets'
import { checkUrlShape } from '../../transports/url-guard'
import type { FieldContext } from '../channel-type'
import { WEBHOOK_TIMEOUT_MAX_MS, WEBHOOK_TIMEOUT_MIN_MS } from './budget'
import { DEFAULT_NINJS_VERSION, NINJS_VERSIONS } from './ninjs'

const l = (zh: string, en: string) => ({ zh, en })

export function webhookFields({ options, isThisType, requiredFor, spoken }: FieldContext): Field[] {
  return [
    {
      name: 'url',
      type: 'text',
      label: l('推送地址', 'Endpoint URL'),
      admin: { condition: isThisType, placeholder: 'https://receiver.example/hooks/news' },
      validate: requiredFor('url: a webhook channel needs its endpoint URL / Webhook 渠道须填写推送地址', checkUrlShape),
    },
    ...writeOnlySecretField({
      name: 'secret',
      inputName: 'newSecret',
      label: l('签名密钥 (whsec_…)', 'Signing secret (whsec_…)'),
      statusField: 'secretStatus',
      revealGeneratedAs: 'generatedSecret',
      generate: (data) => (isThisType(data) ? generateWebhookSecret() : undefined),
      validate: spoken(checkWebhookSecret),
      condition: isThisType,
    }),
    {
      name: 'secretStatus',
      type: 'text',
      virtual: true,
      label: l('签名密钥状态', 'Signing secret'),
      admin: { readOnly: true, condition: isThisType },
    },
    {
      // Filled only in the response to the save that generated the secret: the one time it can be copied.
      name: 'generatedSecret',
      type: 'text',
      virtual: true,
      label: l('新生成的密钥（仅显示一次）', 'Generated secret (isThisType once)'),
      admin: { hidden: true },
    },
    {
      name: 'ninjsVersion',
      type: 'select',
      defaultValue: DEFAULT_NINJS_VERSION,
      label: l('NINJS 版本', 'NINJS version'),
      options: NINJS_VERSIONS.map((value) => ({ value, label: value === '1.6' ? '1.6（旧接收方 / older receivers）' : value })),
      admin: {
        condition: isThisType,
        description: l(
          '推送的 IPTC NINJS 版本；只读 headline/body_html 的旧系统选 1.6',
          'IPTC NINJS version of the pushed document; 1.6 for receivers that read headline/body_html',
        ),
      },
    },
    {
      name: 'timeoutMs',
      type: 'number',
      min: WEBHOOK_TIMEOUT_MIN_MS,
      max: WEBHOOK_TIMEOUT_MAX_MS,
      label: l('超时（毫秒）', 'Timeout (ms)'),
      admin: { condition: isThisType, placeholder: String(options.delivery.webhookTimeoutMs) },
    },
  ]
}
