/** Queues the job that makes attempt `attempt` of a delivery, inside the caller's transaction when given `req`. */
import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import { DELIVER_TASK, type DeliverInput } from './task-slugs'

export async function queueDeliveryAttempt(
  payload: Payload,
  options: ResolvedDistributionOptions,
  args: { deliveryId: Id; attempt: number; waitUntil?: Date; req?: PayloadRequest },
): Promise<Id> {
  const input: DeliverInput = { deliveryId: String(args.deliveryId), attempt: args.attempt }
  const job = (await payload.jobs.queue({
    task: DELIVER_TASK as never,
    input: input as never,
    queue: options.delivery.queue,
    ...(args.waitUntil ? { waitUntil: args.waitUntil } : {}),
    ...(args.req ? { req: args.req } : {}),
  } as never)) as { id: Id }
  return job.id
}
