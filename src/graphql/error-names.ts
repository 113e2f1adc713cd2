/**
 * Readable error names in GraphQL `extensions.name`. Payload names an error after its class
 * (`this.constructor.name`), and the production bundle minifies class names (`r_` for NotFound, `l` for
 * Forbidden). This afterError hook names Payload's errors by class identity, else by shape and HTTP status.
 */
import {
  APIError,
  AuthenticationError,
  Forbidden,
  LockedAuth,
  NotFound,
  QueryError,
  UnauthorizedError,
  ValidationError,
  type AfterErrorHook,
} from 'payload'

const BY_CLASS: [new (...args: never[]) => Error, string][] = [
  [ValidationError, 'ValidationError'],
  [Forbidden, 'Forbidden'],
  [NotFound, 'NotFound'],
  [UnauthorizedError, 'Unauthorized'],
  [AuthenticationError, 'AuthenticationError'],
  [LockedAuth, 'LockedAuth'],
  [QueryError, 'QueryError'],
]

const BY_STATUS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
}

/** The readable name of an error; a name set on purpose (not a minified class name) is kept. */
export function readableErrorName(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  for (const [type, name] of BY_CLASS) if (error instanceof type) return name
  if (error.name && error.name.length > 3 && error.name !== 'Error' && error.name !== 'APIError') return error.name
  // The Next bundle and the packages it loads may hold different copies of Payload's classes: go by shape.
  const { status, data } = error as { status?: number; data?: { errors?: unknown } }
  // 422: house style refusing a story is a ValidationError answered as 422 (house-style's STYLE_REFUSED_STATUS).
  if ((status === 400 || status === 422) && Array.isArray(data?.errors)) return 'ValidationError'
  return (status && BY_STATUS[status]) || (error instanceof APIError ? 'APIError' : error.name || 'Error')
}

export const graphQLErrorNames: AfterErrorHook = ({ error, graphqlResult }) => {
  if (!graphqlResult) return
  const original = (error as { originalError?: unknown }).originalError ?? error
  const name = readableErrorName(original)
  if (!name) return
  return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, name } } }
}
