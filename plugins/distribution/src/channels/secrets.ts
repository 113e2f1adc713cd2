/**
 * Write-only channel secrets (the webhook signing secret, the WeChat appsecret).
 *
 * The stored field has field-level read access `() => false`: Payload then refuses it in `where`, `sort`,
 * distinct/group-by and GraphQL filters for every user, admins included (validateQueryPaths and
 * validateSortQuery check field read access), so a secret cannot be recovered by binary search over filters,
 * and no API answer carries it. A field nobody may read is not rendered in the admin either, so the admin types
 * a new secret into a second, virtual field (`newSecret` …) that is never stored and always reads empty; API
 * clients may also write the stored field itself. An empty input keeps the stored secret. "•••• set" shows
 * whether one is stored. The delivery job reads channels through the database adapter, below access control;
 * other server code that needs the value reads with overrideAccess and REVEAL_SECRETS in req.context.
 */
import type { Field, FieldHook, PayloadRequest, TextField, Validate } from 'payload'

import { randomBytes } from 'node:crypto'

export const REVEAL_SECRETS = 'distribution:revealSecrets'
const GENERATED = 'distribution:generatedSecrets'

/** A new Standard Webhooks secret: whsec_ + 32 random bytes in base64. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`

/**
 * Standard Webhooks secrets: `whsec_` then base64 of 24–64 bytes. The message never quotes the value.
 */
export function checkWebhookSecret(value: unknown): true | string {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'secret: must be text (whsec_ followed by base64) / 签名密钥须为文本（whsec_ 加 base64）'
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value.trim())
  if (!match)
    return 'secret: must be whsec_ followed by base64 (Standard Webhooks); leave it empty to generate one / 签名密钥格式应为 whsec_ 加 base64；留空则自动生成'
  const bytes = Buffer.from(match[1]!, 'base64').length
  if (bytes < 24 || bytes > 64)
    return `secret: the key must be 24 to 64 bytes (this one is ${bytes}); leave it empty to generate one / 签名密钥须为 24 到 64 字节（现为 ${bytes} 字节）；留空则自动生成`
  return true
}

function generatedIn(req: PayloadRequest): Set<string> {
  req.context ??= {}
  return ((req.context[GENERATED] as Set<string> | undefined) ??= new Set<string>())
}

/** Secrets revealed only to the code that sends deliveries. */
export const revealingSecrets = (req: PayloadRequest): boolean => req.context?.[REVEAL_SECRETS] === true

interface SecretFieldOptions {
  name: string
  /** The virtual field the admin types a new secret into. */
  inputName: string
  label: { zh: string; en: string }
  /** The read-only field that shows whether a secret is stored. */
  statusField: string
  /** Make one up when none is given or stored (webhooks), else leave it empty. */
  generate?: (siblingData: Record<string, unknown>) => string | undefined
  /** Shown once, in the response to the save that generated it. */
  revealGeneratedAs?: string
  validate?: Validate
  condition?: (data: Record<string, unknown>) => boolean
}

const sealed = () => false

/** The stored, unreadable field and the admin's write-only input for it. */
export function writeOnlySecretField(options: SecretFieldOptions): Field[] {
  const typed = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null)
  const keepOrGenerate: FieldHook = ({ value, siblingData, siblingDocWithLocales, req }) => {
    const entered = typed(siblingData[options.inputName]) ?? typed(value)
    if (entered) return entered
    const stored = (siblingDocWithLocales as Record<string, unknown> | undefined)?.[options.name]
    if (typeof stored === 'string' && stored) return stored
    const made = options.generate?.(siblingData as Record<string, unknown>)
    if (made) generatedIn(req).add(made)
    return made ?? null
  }
  const mask: FieldHook = ({ value, siblingData, req }) => {
    const set = typeof value === 'string' && value.length > 0
    siblingData[options.statusField] = set ? '•••• set / 已设置' : '— not set / 未设置'
    if (set && options.revealGeneratedAs && req.context?.[GENERATED] && generatedIn(req).has(value as string)) {
      siblingData[options.revealGeneratedAs] = value
    }
    // Field access already strips it for users; server code reading with overrideAccess still gets null
    // unless it asks for secrets on purpose.
    return revealingSecrets(req) ? value : null
  }
  const condition = options.condition ? { condition: (data: unknown) => options.condition!(data as Record<string, unknown>) } : {}
  const stored: TextField = {
    name: options.name,
    type: 'text',
    label: options.label,
    access: { read: sealed },
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    hooks: { beforeChange: [keepOrGenerate], afterRead: [mask] },
    ...(options.validate ? { validate: options.validate } : {}),
  }
  const input: TextField = {
    name: options.inputName,
    type: 'text',
    virtual: true,
    label: options.label,
    admin: {
      description: {
        zh: '只写字段：保存后不再显示；留空则保留现有值',
        en: 'Write-only: never shown after saving; leave empty to keep the current value',
      },
      autoComplete: 'off',
      disableListColumn: true,
      disableListFilter: true,
      ...condition,
    },
    // Never echoes what was typed: the response to the save reads empty like every other read.
    hooks: { afterRead: [() => null] },
    ...(options.validate ? { validate: options.validate } : {}),
  }
  return [stored, input]
}
