/**
 * What a channel type is: its label, the channel fields only it uses, how a delivery reaches it (transport,
 * which calls the type's formatter) and how long an attempt may take (budget). One folder per type
 * (channel-types/<type>/) exports one of these; registry.ts lists them.
 */
import type { Field, Validate } from 'payload'

import type { ChannelRecord } from '../channels/channel-record'
import type { ResolvedDistributionOptions } from '../options'
import type { TransportResult } from '../transports/transport-result'
import type { DistributionEvent, PublishedArticle } from '../types'

interface Label {
  zh: string
  en: string
}

/** What the channel collection hands a type when it builds that type's fields. */
export interface FieldContext {
  options: ResolvedDistributionOptions
  /** True when the channel (its data, or the sibling data a field sees) is of this type: the fields' `admin.condition`. */
  isThisType: (data: Record<string, unknown> | undefined) => boolean
  /** `validate`: required (and then checked) only on channels of this type; other types leave it empty. */
  requiredFor: (message: string, check?: (value: unknown) => true | string) => Validate
  /** `validate` from a check whose (bilingual) message is given in the language the request states: the admin's. */
  spoken: (check: (value: unknown) => true | string) => Validate
}

/** One attempt's view of a delivery, whatever the type. */
export interface OutgoingDelivery {
  event: DistributionEvent
  /** The story as it was when the event was recorded (the snapshot every attempt sends). */
  article: PublishedArticle
  /** What the previous attempt left for this one to continue from (WeChat: publish or draft id), or null. */
  resume: Record<string, unknown> | null
  /** The external id of this story's last successful publish on this channel (what a withdrawal removes). */
  publishedExternalId: string | null
  /** The delivery's message id and event time, the same on every attempt (stored on first use). */
  identity: () => Promise<{ webhookId: string; eventAt: string }>
}

export interface ChannelBudget<Settings extends object> {
  /** Longest one attempt on this channel may take; the attempt's lease is this plus the lease margin. */
  attemptMs(channel: ChannelRecord<Settings>, options: ResolvedDistributionOptions): number
}

export interface ChannelTypeDefinition<Settings extends object = object> {
  /** The `type` option in the channel form. */
  label: Label
  /** The short name beside a channel's name in lists (the publish dialog's recipients). */
  name: Label
  /** The channel collection's fields for this type, in admin order. */
  fields(context: FieldContext): Field[]
  /** Sends one attempt of one delivery. Absent: the type is pulled by its readers (feeds), nothing is pushed. */
  transport?(channel: ChannelRecord<Settings>, delivery: OutgoingDelivery, options: ResolvedDistributionOptions): Promise<TransportResult>
  budget: ChannelBudget<Settings>
  /** Channels of this type are served at /feeds/channels/:id/… */
  servesFeed?: boolean
}
