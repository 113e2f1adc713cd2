/**
 * POST /api/house-style/lint — lint and render unsaved content for the admin panel.
 * POST /api/house-style/fix  — apply the safe fixes to a story (saved as a draft when an id is given).
 * Staff only: custom endpoints are not authenticated by Payload, so both check req.user.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { lintStory } from '../lint'
import type { ResolvedHouseStyleOptions } from '../options'
import { renderStory } from '../render/render-story'
import { applySafeFixesToFields } from '../hooks/fixed-fields'
import { ruleContextFor } from '../hooks/render-and-lint'
import { resolveStoryView, type StoryFields } from '../hooks/story-view'

const MAX_REQUEST_BYTES = 2 * 1024 * 1024

async function readStory(req: PayloadRequest): Promise<{ fields: StoryFields & { id?: string | number; collection?: string } } | Response> {
  if (!req.user) return Response.json({ errors: [{ message: 'Log in to use house-style tools.' }] }, { status: 401 })
  const length = Number(req.headers.get('content-length') ?? 0)
  if (length > MAX_REQUEST_BYTES) return Response.json({ errors: [{ message: 'Request body is larger than 2 MB.' }] }, { status: 413 })
  let body: unknown
  try {
    body = req.json ? await req.json() : undefined
  } catch {
    return Response.json({ errors: [{ message: 'Request body is not valid JSON.' }] }, { status: 400 })
  }
  if (!body || typeof body !== 'object') return Response.json({ errors: [{ message: 'Send a JSON object with title, body, dateline and credits.' }] }, { status: 400 })
  const fields = body as StoryFields & { id?: string | number; collection?: string }
  if (fields.title != null && typeof fields.title !== 'string') return Response.json({ errors: [{ field: 'title', message: 'title must be a string' }] }, { status: 400 })
  return { fields }
}

export function houseStyleEndpoints(options: ResolvedHouseStyleOptions): Endpoint[] {
  const lintAndRender = async (fields: StoryFields, req: PayloadRequest) => {
    const view = await resolveStoryView(fields, options, req)
    const findings = lintStory(view.draft, ruleContextFor(options))
    const rendered = renderStory(
      { body: fields.body as never, dateline: view.dateline, credits: view.credits },
      { datelinePreset: options.datelinePreset, bylinePattern: options.bylinePattern, timeZone: options.timeZone, media: view.media },
    )
    return { findings, rendered }
  }
  return [
    {
      path: '/house-style/lint',
      method: 'post',
      handler: async (req) => {
        const input = await readStory(req)
        if (input instanceof Response) return input
        return Response.json(await lintAndRender(input.fields, req))
      },
    },
    {
      path: '/house-style/fix',
      method: 'post',
      handler: async (req) => {
        const input = await readStory(req)
        if (input instanceof Response) return input
        const { id, collection = options.collections[0], ...fields } = input.fields
        if (!options.collections.includes(collection)) {
          return Response.json({ errors: [{ field: 'collection', message: `collection must be one of ${options.collections.join(', ')}` }] }, { status: 400 })
        }
        const { findings } = await lintAndRender(fields, req)
        const fixed = await applySafeFixesToFields(fields, findings, options, req)
        if (id === undefined) return Response.json({ fields: fixed, ...(await lintAndRender(fixed, req)) })
        // Saved as a draft by the caller, with the caller's own permissions.
        const doc = await req.payload.update({
          collection: collection as CollectionSlug,
          id,
          data: fixed as never,
          draft: true,
          overrideAccess: false,
          user: req.user,
          req,
        })
        return Response.json({ doc })
      },
    },
  ]
}
