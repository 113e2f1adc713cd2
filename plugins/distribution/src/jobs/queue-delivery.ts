/** Queues the plugin's jobs, inside the caller's transaction when given `req`. */
import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import { DELIVER_TASK, type DistributionTaskInputs } from './task-slugs'

/** One of the plugin's tasks with its own input type, on the distribution queue. */
export async function queueTask<T extends keyof DistributionTaskInputs>(
  payload: Payload,
  options: ResolvedDistributionOptions,
  args: { task: T; input: DistributionTaskInputs[T]; waitUntil?: Date; req?: PayloadRequest },
): Promise<Id> {
  const job = await payload.jobs.queue<keyof DistributionTaskInputs>({
    task: args.task,
    input: args.input,
    queue: options.delivery.queue,
    ...(args.waitUntil ? { waitUntil: args.waitUntil } : {}),
    ...(args.req ? { req: args.req } : {}),
  })
  return job.id
}

/** The job that makes attempt `attempt` of a delivery. */
export async function queueDeliveryAttempt(
  payload: Payload,
  options: ResolvedDistributionOptions,
  args: { deliveryId: Id; attempt: number; waitUntil?: Date; req?: PayloadRequest },
): Promise<Id> {
  return queueTask(payload, options, {
    task: DELIVER_TASK,
    input: { deliveryId: String(args.deliveryId), attempt: args.attempt },
    waitUntil: args.waitUntil,
    req: args.req,
  })
}
