/**
 * A refusal keeps its details. Payload formats an error with its `data` (a ValidationError's list of fields)
 * only when it is an instance of Payload's own classes, and the built app can hold more than one copy of them
 * (the Next bundle and the packages it loads): there a field refusal reached the admin as a bare sentence, so
 * the form could not mark the fields at fault. Restored by shape — a public (4xx) error carrying data — as
 * src/graphql/error-names.ts recognises errors.
 */
import type { AfterErrorHook } from 'payload'

type Shaped = { name?: string; message?: string; status?: number; data?: unknown; isPublic?: boolean }

export const keepErrorDetails: AfterErrorHook = ({ error, result, graphqlResult }) => {
  if (graphqlResult || !result || !Array.isArray(result.errors) || result.errors.length !== 1) return
  const shaped = error as Shaped
  const [item] = result.errors as { data?: unknown; message?: string }[]
  if (item?.data !== undefined || !shaped.data || typeof shaped.status !== 'number' || shaped.status >= 500) return
  if (item?.message !== shaped.message) return
  return { response: { ...result, errors: [{ name: shaped.name, data: shaped.data, message: shaped.message }] } as typeof result }
}
