/**
 * POST /api/<stories>/:id/workflow — take an action: { action, note?, publishAt? } → 200 with the new stage and
 *   `view` (what GET answers now); with ?screen=true also `screen`, what the admin shows (screen-after-action.ts).
 * GET  /api/<stories>/:id/workflow — the stage, the caller's possible actions and the history.
 * Payload does not authenticate custom endpoints; both answer 401 without a user. Errors are JSON:
 * { errors: [{ message, field? }], reason, stage?, findings? } with 400/401/403/404/409/422.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'

import { WorkflowError, invalid } from './errors'
import type { ResolvedWorkflowOptions } from './options'
import { performWorkflowAction } from './perform-action'
import { readWorkflow } from './read-workflow'
import { screenAfterAction } from './screen-after-action'
import { storyIdFrom } from './story-id'

function errorResponse(error: unknown, req: PayloadRequest): Response {
  if (error instanceof WorkflowError) {
    const { reason, field, stage, findings, action } = error.data
    return Response.json(
      {
        errors: [{ message: error.message, ...(field ? { field } : {}) }],
        reason,
        ...(action ? { action } : {}),
        ...(stage ? { stage } : {}),
        ...(findings ? { findings } : {}),
      },
      { status: error.status },
    )
  }
  if (error instanceof ValidationError) {
    return Response.json(
      { errors: error.data.errors.map((e) => ({ message: e.message, field: e.path })), reason: 'invalid' },
      { status: error.status },
    )
  }
  if (error instanceof APIError && error.status < 500) {
    return Response.json({ errors: [{ message: error.message }] }, { status: error.status })
  }
  req.payload.logger.error({ err: error, msg: 'Workflow endpoint failed' })
  return Response.json({ errors: [{ message: 'Something went wrong.' }] }, { status: 500 })
}

async function readBody(req: PayloadRequest): Promise<unknown> {
  try {
    return req.json ? await req.json() : undefined
  } catch {
    throw invalid('body', 'is not valid JSON')
  }
}

export function workflowEndpoints(options: ResolvedWorkflowOptions, collection: string): Endpoint[] {
  return [
    {
      path: '/:id/workflow',
      method: 'post',
      handler: async (req) => {
        try {
          const id = storyIdFrom(req.payload, collection, req.routeParams?.id)
          const body = await readBody(req)
          const result = await performWorkflowAction(req, options, collection, id, body)
          // The new stage, actions and history in the same answer: the admin shows them without asking again.
          const view = await readWorkflow(req, options, collection, id)
          const screen = req.query?.screen === 'true' ? await screenAfterAction(req, collection, id) : undefined
          return Response.json({ ...result, view, ...(screen ? { screen } : {}) })
        } catch (error) {
          return errorResponse(error, req)
        }
      },
    },
    {
      path: '/:id/workflow',
      method: 'get',
      handler: async (req) => {
        try {
          const id = storyIdFrom(req.payload, collection, req.routeParams?.id)
          return Response.json(await readWorkflow(req, options, collection, id))
        } catch (error) {
          return errorResponse(error, req)
        }
      },
    },
  ]
}
