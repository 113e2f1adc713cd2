/** A channel as the delivery code reads it (secrets revealed), independent of the generated Payload types. */
import type { Id } from '../ids'
import type { OutputScript } from '../types'
import type { ChannelType } from '../collections/channels'

export interface ChannelRecord {
  id: Id
  name: string
  type: ChannelType
  enabled: boolean
  script?: OutputScript | null
  sections?: unknown[] | null
  regions?: unknown[] | null
  url?: string | null
  secret?: string | null
  timeoutMs?: number | null
  /** NINJS version a webhook channel sends (2.2, 2.1 or 1.6). */
  ninjsVersion?: string | null
  appId?: string | null
  appSecret?: string | null
  apiBase?: string | null
  authorName?: string | null
  coverMediaId?: string | null
}

/** Channel types that push each event (feed channels are read by their subscribers instead). */
export const PUSH_TYPES: readonly ChannelType[] = ['webhook', 'wechat']
