/**
 * Who is acting, in workflow terms: an editor (editor roles), a reporter (reporter roles), or the system (no user:
 * seed, import, migrations). Read from the user's roles field, so the plugin does not depend on the app's helpers.
 */
import type { PayloadRequest, TypedUser } from 'payload'

import type { ResolvedWorkflowOptions } from './options'

export type Id = string | number

export interface Actor {
  id: Id
  collection: string
  name: string
  isEditor: boolean
  isReporter: boolean
}

type UserLike = { id: Id; collection?: string; name?: unknown; email?: unknown } & Record<string, unknown>

export function actorOf(user: unknown, options: ResolvedWorkflowOptions): Actor | null {
  if (!user || typeof user !== 'object') return null
  const u = user as UserLike
  const roles = Array.isArray(u[options.rolesField]) ? (u[options.rolesField] as unknown[]).map(String) : []
  return {
    id: u.id,
    collection: u.collection ?? options.usersCollection,
    name: String(u.name || u.email || u.id),
    isEditor: roles.some((role) => options.editorRoles.includes(role)),
    isReporter: roles.some((role) => options.reporterRoles.includes(role)),
  }
}

/** The user an admin component was handed (typed `unknown` there), back as Payload's user type for a local request. */
export const userOf = (user: unknown): TypedUser | undefined => (user && typeof user === 'object' ? (user as TypedUser) : undefined)

export const actorOfRequest = (req: PayloadRequest, options: ResolvedWorkflowOptions) => actorOf(req.user, options)

/** Relationship values arrive as ids or populated docs; compare them as strings (numeric and ObjectId ids alike). */
export const idOf = (value: unknown): Id | undefined =>
  value && typeof value === 'object'
    ? ((value as { id?: Id }).id ?? (value as { value?: Id }).value)
    : ((value as Id | null | undefined) ?? undefined)

export const sameId = (a: unknown, b: unknown) => {
  const left = idOf(a)
  const right = idOf(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}
