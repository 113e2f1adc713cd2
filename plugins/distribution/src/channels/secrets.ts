/**
 * Write-only channel secrets (the webhook signing secret, the WeChat appsecret).
 *
 * Why not field read access: a field nobody may read is not rendered in the admin either, and an admin must be
 * able to type a new secret. So the field is an ordinary input whose stored value is masked on every read —
 * REST, GraphQL, the Local API and the admin's form alike — and shown as "•••• set". The delivery job reads
 * channels through the database adapter, below the hooks; other server code that needs the value asks for it
 * with REVEAL_SECRETS in req.context. An empty input on save keeps the stored secret.
 */
import type { FieldHook, PayloadRequest, TextField } from 'payload'

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
  if (typeof value !== 'string') return 'secret: must be text (whsec_ followed by base64)'
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value.trim())
  if (!match) return 'secret: must be whsec_ followed by base64 (Standard Webhooks); leave it empty to generate one'
  const bytes = Buffer.from(match[1]!, 'base64').length
  if (bytes < 24 || bytes > 64) return `secret: the key must be 24 to 64 bytes (this one is ${bytes}); leave it empty to generate one`
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
  label: { zh: string; en: string }
  /** The read-only field that shows whether a secret is stored. */
  statusField: string
  /** Make one up when none is given or stored (webhooks), else leave it empty. */
  generate?: (siblingData: Record<string, unknown>) => string | undefined
  /** Shown once, in the response to the save that generated it. */
  revealGeneratedAs?: string
  validate?: (value: unknown) => true | string
  condition?: (data: Record<string, unknown>) => boolean
}

/** The input field plus the masking and keep-on-empty hooks. */
export function writeOnlySecretField(options: SecretFieldOptions): TextField {
  const keepOrGenerate: FieldHook = ({ value, siblingData, siblingDocWithLocales, req }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
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
    return revealingSecrets(req) ? value : null
  }
  return {
    name: options.name,
    type: 'text',
    label: options.label,
    admin: {
      description: {
        zh: '只写字段：保存后不再显示；留空则保留现有值',
        en: 'Write-only: never shown after saving; leave empty to keep the current value',
      },
      autoComplete: 'off',
      ...(options.condition ? { condition: (data) => options.condition!(data as Record<string, unknown>) } : {}),
    },
    hooks: { beforeChange: [keepOrGenerate], afterRead: [mask] },
    ...(options.validate ? { validate: options.validate as never } : {}),
  }
}
