/**
 * Refusals, as Payload APIErrors with the HTTP status the action deserves: REST returns that status, GraphQL puts
 * it in `extensions.statusCode`, and the Local API throws it. `data` carries what the caller needs to act on
 * (the field at fault, the current stage, the house-style findings).
 */
import { APIError } from 'payload'

import { STYLE_REFUSED_STATUS } from '../../house-style'

export type WorkflowErrorData = {
  reason: 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid' | 'conflict' | 'style'
  field?: string
  stage?: string
  action?: string
  findings?: unknown[]
}

export class WorkflowError extends APIError<WorkflowErrorData> {
  constructor(message: string, status: number, data: WorkflowErrorData) {
    super(message, status, data, true)
  }
}

export const unauthenticated = () => new WorkflowError('Log in to take workflow actions. / 请先登录。', 401, { reason: 'unauthenticated' })

export const forbidden = (message: string, action?: string) => new WorkflowError(message, 403, { reason: 'forbidden', action })

export const notFound = (id: unknown) => new WorkflowError(`No story with id ${String(id)}. / 找不到该稿件。`, 404, { reason: 'not-found' })

export const invalid = (field: string, message: string) => new WorkflowError(`${field}: ${message}`, 400, { reason: 'invalid', field })

export const conflict = (message: string, stage: string, action?: string) =>
  new WorkflowError(message, 409, { reason: 'conflict', stage, action })

export const styleBlocked = (action: string, findings: unknown[]) =>
  new WorkflowError(`House-style errors block "${action}": fix them first. / 稿件存在体例错误，请先修正。`, STYLE_REFUSED_STATUS, {
    reason: 'style',
    action,
    findings,
  })
