/**
 * The shapes of the plugin's own rows, for the writes, filters and selects it makes on them. Payload's Local API
 * and adapter take any field name (the app does not declare its generated types to the `payload` module), so
 * these are what make a misspelt field fail `tsc`: pass a write's `data` through `satisfies DeliveryPatch`, a
 * filter through `satisfies WhereOf<…>`, a select through `satisfies SelectOf<…>`.
 */
import type { BaseJob, WhereField } from 'payload'

import type { AttemptOutcome } from './collections/delivery-attempts'
import type { Id } from './ids'
import type { DeliveryDoc } from './jobs/delivery-store'

/** A row of the attempt log (`delivery-attempts`). */
export interface AttemptDoc {
  id: Id
  key: string
  delivery: Id
  number: number
  worker?: string | null
  startedAt: string
  leaseUntil: string
  finishedAt?: string | null
  outcome?: AttemptOutcome | null
  status?: number | null
  error?: string | null
  durationMs?: number | null
  createdAt?: string
  updatedAt?: string
}

/** The fields of a job row the recovery sweep filters on, with the delivery job's input fields by path. */
export type JobRow = BaseJob & { 'input.deliveryId': string; 'input.attempt': number }

type Fields<T> = Exclude<Extract<keyof T, string>, 'id'>

/** What a write may set on a row of type T. */
export type Patch<T> = Partial<Pick<T, Fields<T>>>
export type DeliveryPatch = Patch<DeliveryDoc>
export type AttemptPatch = Patch<AttemptDoc>

/** A select naming only fields T has. */
export type SelectOf<T> = Partial<Record<Fields<T>, true>>

/** A where clause on fields T has (and `and` / `or` of such clauses). */
export type WhereOf<T> = { [K in Extract<keyof T, string>]?: WhereField } & { and?: WhereOf<T>[]; or?: WhereOf<T>[] }
