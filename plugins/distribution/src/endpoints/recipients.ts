/**
 * POST /api/distribution/recipients — who will receive a story if it is published now, for the admin's
 * publish confirmation: { section?, region? } (ids; the unsaved values on screen) → 200
 * { channels: [{ id, name, type, typeName: { zh, en } }], feeds: boolean }. The same filters the publish itself applies
 * (record-event.ts): enabled push channels whose section and region filters match, parents included.
 * Editors only (they are the ones who publish); names and types only, never a channel's address or secret.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { isEditor, isStaff } from '../access'
import { channelType } from '../channel-types/registry'
import { channelsWanting } from '../channels/channel-filters'
import { pushChannels } from '../events/record-event'
import { idOf, toDocId } from '../ids'
import type { ResolvedDistributionOptions } from '../options'

const json = (status: number, body: unknown) => Response.json(body, { status })

async function readPlacement(req: PayloadRequest): Promise<{ section?: unknown; region?: unknown } | null> {
  try {
    const body = req.json ? await req.json() : {}
    return body && typeof body === 'object' && !Array.isArray(body) ? body : null
  } catch {
    return null
  }
}

export function recipientsEndpoint(options: ResolvedDistributionOptions): Endpoint {
  return {
    path: '/distribution/recipients',
    method: 'post',
    handler: async (req) => {
      if (!req.user || !isStaff(options.roles, req))
        return json(401, { errors: [{ message: 'Log in as staff to see where a story goes.' }] })
      if (!isEditor(options.roles, req))
        return json(403, { errors: [{ message: 'Only editors publish, so only editors see the recipients.' }] })
      const placement = await readPlacement(req)
      if (!placement) return json(400, { errors: [{ message: 'Send a JSON object: { section, region } (ids, both optional).' }] })
      const idIn = (value: unknown) => {
        const id = idOf(value)
        return id === undefined || id === '' ? undefined : toDocId(req.payload, id)
      }
      const channels = await pushChannels(req, options)
      const wanted = await channelsWanting(req, options, channels, idIn(placement.section), idIn(placement.region))
      return json(200, {
        channels: wanted.map((c) => ({ id: c.id, name: c.name, type: c.type, typeName: channelType(c.type)?.name })),
        feeds: !options.disabled && options.feeds.enabled,
      })
    },
  }
}
