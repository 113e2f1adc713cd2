/**
 * A channel as the delivery code reads it (secrets revealed), independent of the generated Payload types:
 * the fields every channel has, plus the settings of its type (declared in channel-types/<type>/).
 */
import type { ChannelType } from '../channel-types/registry'
import type { Id } from '../ids'
import type { OutputScript } from '../types'

interface ChannelBase {
  id: Id
  name: string
  type: ChannelType
  enabled: boolean
  script?: OutputScript | null
  sections?: unknown[] | null
  regions?: unknown[] | null
}

export type ChannelRecord<Settings extends object = object> = ChannelBase & Settings
