/**
 * POST /api/house-style/lint — lint and render unsaved content (the admin panel, as the reporter types).
 *   { title?, body?, dateline?, credits? } → 200 { findings, rendered }
 * POST /api/house-style/fix  — apply the safe fixes.
 *   { id, collection?, …unsaved fields } → the stored story (latest draft) with the unsaved fields laid over it,
 *   fixed and saved as a draft with the caller's own permissions → 200 { doc, applied, findings }
 *   { …fields } (no id) → 200 { fields, applied, findings, rendered }, nothing saved
 * Staff only: custom endpoints are not authenticated by Payload, so both check req.user (401). A body over
 * 2 MB is refused with 413, one that is not a JSON object with 400, each with a message naming what is wrong.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lintStory } from '../lint'
import type { ResolvedHouseStyleOptions } from '../options'
import { renderStoryFields } from '../render/render-fields'
import { fixStoryFields } from '../hooks/fixed-fields'
import { ruleContextFor } from '../hooks/render-and-lint'
import type { Id, StoryFields } from '../hooks/story-view'

export const MAX_REQUEST_BYTES = 2 * 1024 * 1024

type Problem = { status: number; message: string; field?: string }

const problem = ({ status, message, field }: Problem) => Response.json({ errors: [{ message, ...(field ? { field } : {}) }] }, { status })

/** The request body as text, refusing it as soon as it passes `limit` bytes (a missing or false Content-Length included). */
async function readText(req: PayloadRequest, limit: number): Promise<string | Problem> {
  const tooLarge: Problem = { status: 413, message: `Request body is larger than ${limit / 1024 / 1024} MB; send one story at a time.` }
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (declared > limit) return tooLarge
  const stream = (req as { body?: ReadableStream<Uint8Array> | null }).body
  if (stream && typeof stream.getReader === 'function' && !(req as { bodyUsed?: boolean }).bodyUsed) {
    const reader = stream.getReader()
    const chunks: Uint8Array[] = []
    let bytes = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
      if (bytes > limit) {
        await reader.cancel().catch(() => undefined)
        return tooLarge
      }
      chunks.push(value)
    }
    return Buffer.concat(chunks).toString('utf8')
  }
  const text = req.text ? await req.text() : ''
  return Buffer.byteLength(text) > limit ? tooLarge : text
}

type Input = StoryFields & { id?: Id; collection?: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Type checks on what the rules read; Payload's own field validation still runs when a fix is saved. */
function checkFields(input: Record<string, unknown>): Problem | null {
  const wrong = (field: string, what: string): Problem => ({ status: 400, field, message: `${field} ${what}` })
  if (input.title != null && typeof input.title !== 'string') return wrong('title', 'must be a string')
  if (input.dek != null && typeof input.dek !== 'string') return wrong('dek', 'must be a string')
  if (input.body != null && !(isObject(input.body) && isObject(input.body.root) && Array.isArray(input.body.root.children))) {
    return wrong('body', 'must be a Lexical document ({ root: { children: [...] } })')
  }
  if (input.dateline != null && !isObject(input.dateline)) return wrong('dateline', 'must be an object with outlet, place, date and kind')
  if (input.credits != null && !(Array.isArray(input.credits) && input.credits.every(isObject)))
    return wrong('credits', 'must be a list of { author, role }')
  if (input.id != null && typeof input.id !== 'string' && typeof input.id !== 'number') return wrong('id', 'must be a story id')
  if (input.collection != null && typeof input.collection !== 'string') return wrong('collection', 'must be a collection slug')
  return null
}

async function readStory(req: PayloadRequest): Promise<Input | Response> {
  if (!req.user) return problem({ status: 401, message: 'Log in to use the house-style tools.' })
  const text = await readText(req, MAX_REQUEST_BYTES)
  if (typeof text !== 'string') return problem(text)
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ''
    return problem({ status: 400, message: `Request body is not valid JSON${detail}.` })
  }
  if (!isObject(input)) return problem({ status: 400, message: 'Send a JSON object with the story: { title, body, dateline, credits }.' })
  const wrong = checkFields(input)
  return wrong ? problem(wrong) : (input as Input)
}

/** Only the story fields the rules read, as sent (absent fields stay absent). */
function storyFields(input: Input): StoryFields {
  const fields: StoryFields = {}
  for (const key of ['title', 'dek', 'body', 'dateline', 'credits'] as const)
    if (input[key] !== undefined) (fields as Record<string, unknown>)[key] = input[key]
  return fields
}

const statusOf = (error: unknown) => {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500
}

function failure(error: unknown, req: PayloadRequest): Response {
  const status = statusOf(error)
  if (status === 500) {
    req.payload.logger.error({ err: error, msg: 'house-style fix failed' })
    return problem({ status, message: 'Something went wrong while fixing the story.' })
  }
  const data = (error as { data?: { errors?: { message: string; path?: string }[] } }).data
  const errors = data?.errors?.length
    ? data.errors.map((e) => ({ message: e.message, ...(e.path ? { field: e.path } : {}) }))
    : [{ message: (error as Error).message }]
  return Response.json({ errors }, { status })
}

export function houseStyleEndpoints(options: ResolvedHouseStyleOptions): Endpoint[] {
  const context = ruleContextFor(options)
  const lintAndRender = async (fields: StoryFields, req: PayloadRequest) => {
    const { rendered, view } = await renderStoryFields(fields, options, req)
    const findings = lintStory(view.draft, context)
    return { findings, rendered }
  }

  return [
    {
      path: '/house-style/lint',
      method: 'post',
      handler: async (req) => {
        const input = await readStory(req)
        if (input instanceof Response) return input
        return Response.json(await lintAndRender(storyFields(input), req))
      },
    },
    {
      path: '/house-style/fix',
      method: 'post',
      handler: async (req) => {
        const input = await readStory(req)
        if (input instanceof Response) return input
        const requested = input.collection ?? options.collections[0]
        const collection = options.collections.find((slug) => slug === requested)
        if (!collection) {
          return problem({ status: 400, field: 'collection', message: `collection must be one of: ${options.collections.join(', ')}` })
        }
        const unsaved = storyFields(input)
        if (input.id === undefined || input.id === null) {
          const { changed, media, findings, applied } = await fixStoryFields(unsaved, options, context, req)
          const fields = { ...unsaved, ...changed }
          return Response.json({ fields, media, applied, findings, rendered: (await lintAndRender(fields, req)).rendered })
        }

        const ownTransaction = await initTransaction(req)
        try {
          // The latest draft, read with the caller's own access: 404 when it does not exist or is not theirs to see.
          const stored = (await req.payload.findByID({
            collection,
            id: input.id,
            draft: true,
            depth: 0,
            overrideAccess: false,
            user: req.user,
            req,
            disableErrors: true,
          })) as (StoryFields & Record<string, unknown>) | null
          if (!stored) {
            if (ownTransaction) await killTransaction(req)
            return problem({ status: 404, field: 'id', message: `No story ${input.id} in ${collection} that you can edit.` })
          }
          const current: StoryFields = {
            title: stored.title,
            dek: stored.dek,
            body: stored.body,
            dateline: stored.dateline,
            credits: stored.credits,
            corrections: stored.corrections,
            ...unsaved,
          }
          const { changed, media, findings, applied } = await fixStoryFields(current, options, context, req)
          if (!applied && !Object.keys(unsaved).length) {
            if (ownTransaction) await commitTransaction(req)
            return Response.json({ doc: stored, applied, findings })
          }
          // Saved as a draft, with the caller's permissions: the unsaved fields sent along, with the fixes applied.
          const doc = await req.payload.update({
            collection,
            id: input.id,
            data: { ...unsaved, ...changed },
            draft: true,
            overrideAccess: false,
            user: req.user,
            req,
          })
          // Captions and alt texts live on the media documents the story shows, saved with the caller's permissions.
          for (const { id, ...texts } of media) {
            await req.payload.update({ collection: options.mediaCollection, id, data: texts, overrideAccess: false, user: req.user, req })
          }
          if (ownTransaction) await commitTransaction(req)
          return Response.json({ doc, applied, findings })
        } catch (error) {
          if (ownTransaction) await killTransaction(req)
          return failure(error, req)
        }
      },
    },
  ]
}
