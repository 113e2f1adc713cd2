/**
 * The fields the plugin adds to a story collection: the dateline and credits as data, the rendered output,
 * and the stored style findings. Fields stay even when the plugin is disabled, so the schema is stable.
 */
import type { Field } from 'payload'

import type { ResolvedHouseStyleOptions } from './options'
import { datelinePresets, roleWords } from './presets'
import type { CreditRole, DatelineKind } from './types'
import { STYLE_FIELDS } from './style-verdict'

const signedIn = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

const l = (zh: string, en: string) => ({ zh, en })

/**
 * Dateline kinds are stored under ASCII values (GraphQL enum names must be ASCII) and shown as 讯/电/专电/消息.
 */
export const KIND_BY_VALUE: Record<string, DatelineKind> = { xun: '讯', dian: '电', zhuandian: '专电', xiaoxi: '消息' }
export const VALUE_BY_KIND: Record<DatelineKind, string> = { 讯: 'xun', 电: 'dian', 专电: 'zhuandian', 消息: 'xiaoxi' }

export const CREDIT_ROLES: CreditRole[] = ['reporter', 'correspondent', 'photographer', 'editor', 'contributor', 'intern']

export function houseStyleFields(options: ResolvedHouseStyleOptions): Field[] {
  const preset = datelinePresets[options.datelinePreset]
  // The house pattern with its parts named: 〔媒体〕〔发稿地〕讯, 〔媒体〕〔发稿地〕〔日期〕电.
  const pattern = preset
    .render({ outlet: '〔媒体〕', place: '〔发稿地〕', date: '2026-11-26', kind: preset.defaultKind }, options.timeZone)
    .replace(/11月26日|Nov 26/, '〔日期〕')
  const ADMIN = '/plugins/house-style/src/admin'
  // Payload checks related ids exist only for fields with filterOptions, one query per field. The save hook
  // checks these from the names it reads anyway (hooks/render-and-lint.ts); a disabled plugin leaves it to Payload.
  const existence = options.disabled ? { filterOptions: () => true } : {}
  return [
    {
      name: 'dateline',
      type: 'group',
      label: l('电头', 'Dateline'),
      admin: {
        // The pattern, the dateline as it will print with what is chosen now, and why a date may not show.
        components: { Description: { path: `${ADMIN}/DatelineHint#DatelineHint`, clientProps: { pattern, example: preset.example } } },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'outlet',
              type: 'text',
              label: l('媒体/通讯社', 'Outlet or agency'),
              defaultValue: options.defaultOutlet,
              maxLength: 40,
            },
            { name: 'place', type: 'relationship', relationTo: options.regionsCollection, label: l('发稿地', 'Place'), ...existence },
            {
              name: 'date',
              type: 'date',
              label: l('发稿日期', 'Date'),
              admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy年M月d日' } },
            },
            {
              name: 'kind',
              type: 'select',
              label: l('类型', 'Kind'),
              defaultValue: VALUE_BY_KIND[preset.defaultKind],
              options: [
                { value: 'xun', label: l('讯（本地）', '讯 (local)') },
                { value: 'dian', label: l('电（外地）', '电 (wire)') },
                { value: 'zhuandian', label: l('专电', '专电 (special wire)') },
                { value: 'xiaoxi', label: l('消息', '消息 (news item)') },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'credits',
      type: 'array',
      label: l('署名', 'Credits'),
      labels: { singular: l('署名', 'Credit'), plural: l('署名', 'Credits') },
      maxRows: 30,
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'author',
              type: 'relationship',
              relationTo: options.authorsCollection,
              required: true,
              label: l('作者', 'Author'),
              ...existence,
            },
            {
              name: 'role',
              type: 'select',
              required: true,
              defaultValue: 'reporter',
              label: l('身份', 'Role'),
              options: CREDIT_ROLES.map((role) => ({ value: role, label: l(roleWords[role].zh, roleWords[role].en) })),
            },
          ],
        },
      ],
    },
    // Rendered once per save by the one renderer; every read and every channel uses these.
    {
      name: 'datelineText',
      type: 'text',
      label: l('电头（成稿）', 'Dateline (rendered)'),
      admin: { readOnly: true, position: 'sidebar', components: { Field: `${ADMIN}/RenderedLine#RenderedLine` } },
    },
    {
      name: 'bylineText',
      type: 'text',
      label: l('署名（成稿）', 'Byline (rendered)'),
      admin: { readOnly: true, position: 'sidebar', components: { Field: `${ADMIN}/RenderedLine#RenderedLine` } },
    },
    { name: 'html', type: 'textarea', label: l('成稿 HTML', 'Rendered HTML'), admin: { hidden: true, readOnly: true } },
    { name: 'plainText', type: 'textarea', label: l('成稿纯文本', 'Rendered plain text'), admin: { hidden: true, readOnly: true } },
    {
      name: STYLE_FIELDS.findings,
      type: 'json',
      label: l('体例检查', 'House-style findings'),
      // Desk business: the public API does not show a story's style findings.
      access: { read: signedIn },
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Field: `${ADMIN}/FindingsPanel#FindingsPanel` },
      },
    },
    {
      name: STYLE_FIELDS.errorCount,
      type: 'number',
      label: l('体例错误数', 'Style errors'),
      access: { read: signedIn },
      admin: { hidden: true, readOnly: true },
      index: true,
    },
  ]
}
