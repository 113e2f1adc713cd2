/**
 * POST /api/deliveries/:id/retry — an editor sends a failed delivery again. The delivery gets a fresh budget
 * of attempts and its next attempt is queued now (same delivery id, so the receiver still sees one message).
 * Custom endpoints are not authenticated by Payload: the role check is here.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { isEditor } from '../access'
import { idOf, toDocId } from '../ids'
import type { DeliveryDoc } from '../jobs/deliver-task'
import { dispatcherFor } from '../jobs/dispatch'
import { queueDeliveryAttempt } from '../jobs/queue-delivery'
import type { ResolvedDistributionOptions } from '../options'
import type { DeliveryPatch } from '../rows'

const json = (status: number, body: unknown) => Response.json(body, { status })

export function retryDeliveryEndpoint(options: ResolvedDistributionOptions): Endpoint {
  return {
    path: '/:id/retry',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!req.user) return json(401, { errors: [{ message: 'Log in to retry a delivery. / 请先登录。' }] })
      if (!isEditor(options.roles, req))
        return json(403, { errors: [{ message: 'Only editors may retry deliveries. / 仅编辑可重试分发。' }] })
      const rawId = req.routeParams?.id
      if (rawId == null || rawId === '') return json(400, { errors: [{ message: 'id: missing delivery id' }] })
      const id = toDocId(req.payload, rawId)
      const delivery = (await req.payload
        .findByID({ collection: options.deliveriesSlug, id, depth: 0, overrideAccess: true })
        .catch(() => null)) as DeliveryDoc | null
      if (!delivery) return json(404, { errors: [{ message: `Delivery ${String(rawId)} not found. / 找不到该分发记录。` }] })
      if (delivery.state !== 'failed') {
        return json(409, {
          errors: [{ message: `Only failed deliveries can be retried; this one is ${delivery.state}. / 仅失败的分发可重试。` }],
        })
      }
      const channel = (await req.payload
        .findByID({ collection: options.channelsSlug, id: idOf(delivery.channel)!, depth: 0, overrideAccess: true })
        .catch(() => null)) as { enabled?: boolean; name?: string } | null
      if (!channel) return json(409, { errors: [{ message: 'The channel no longer exists. / 渠道已删除。' }] })
      if (!channel.enabled)
        return json(409, { errors: [{ message: `Channel "${channel.name}" is disabled: enable it first. / 渠道已停用，请先启用。` }] })

      const attempt = (delivery.attempts ?? 0) + 1
      const own = await initTransaction(req)
      let jobId
      try {
        await req.payload.update({
          collection: options.deliveriesSlug,
          id,
          data: {
            state: 'pending',
            nextAttemptAt: new Date().toISOString(),
            attemptLimit: attempt - 1 + options.delivery.maxAttempts,
            note: `retry requested by ${String((req.user as { email?: string }).email ?? req.user.id)}`,
          } satisfies DeliveryPatch,
          overrideAccess: true,
          depth: 0,
          req,
        })
        jobId = await queueDeliveryAttempt(req.payload, options, { deliveryId: id, attempt, req })
        if (own) await commitTransaction(req)
      } catch (error) {
        if (own) await killTransaction(req)
        throw error
      }
      if (options.delivery.immediate) dispatcherFor(req.payload).add([jobId])
      return json(202, { id, state: 'pending', attempt, message: 'Retry queued. / 已重新排队。' })
    },
  }
}
