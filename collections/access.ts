/**
 * Who is who on the desk. Roles live on Users (reporter, editor, admin); these helpers keep every
 * collection's access rules in newsroom terms.
 */
import type { Access, FieldAccess, PayloadRequest } from 'payload'

export type DeskRole = 'reporter' | 'editor' | 'admin'

type UserLike = { roles?: DeskRole[] | null } | null | undefined

/** The desk roles of whoever is signed in (`req.user`, any shape Payload gives it); none for the public. */
export function rolesOf(user: unknown): DeskRole[] {
  const roles = user && typeof user === 'object' && 'roles' in user ? user.roles : undefined
  return Array.isArray(roles) ? roles.filter((role): role is DeskRole => role === 'reporter' || role === 'editor' || role === 'admin') : []
}

export const hasRole = (user: unknown, ...roles: DeskRole[]): boolean => rolesOf(user).some((role) => roles.includes(role))

export const isAdmin = (user: unknown) => hasRole(user, 'admin')
export const isEditorOrAdmin = (user: unknown) => hasRole(user, 'editor', 'admin')
export const isStaff = (user: unknown) => hasRole(user, 'reporter', 'editor', 'admin')

export const anyone: Access = () => true
export const staffOnly: Access = ({ req }) => isStaff(req.user)
export const editorsOnly: Access = ({ req }) => isEditorOrAdmin(req.user)
export const adminsOnly: Access = ({ req }) => isAdmin(req.user)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdmin(req.user)
export const staffOnlyField: FieldAccess = ({ req }) => isStaff(req.user)

export const userOf = (req: PayloadRequest) => req.user as (UserLike & { id: string | number }) | null
