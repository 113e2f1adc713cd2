/** The plugin's job tasks (their slugs are part of the jobs table's schema: keep them stable). */
export const DELIVER_TASK = 'deliverToChannel'
export const RECOVER_TASK = 'recoverDeliveries'

export interface DeliverInput {
  /** The delivery's id, as text (ids are numbers on SQL databases, strings on MongoDB). */
  deliveryId: string
  /** Which attempt this job makes: a job for an attempt already made does nothing. */
  attempt: number
}

/** Each task's input, by slug: queueing a task with the wrong slug or input fails `tsc` (`queueTask`). */
export interface DistributionTaskInputs {
  [DELIVER_TASK]: DeliverInput
  [RECOVER_TASK]: Record<string, never>
}
