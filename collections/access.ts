/**
 * Who is who on the desk. Roles live on Users (reporter, editor, admin); these helpers keep every
 * collection's access rules in newsroom terms.
 */
import type { Access, FieldAccess, PayloadRequest } from 'payload'

export type DeskRole = 'reporter' | 'editor' | 'admin'

type UserLike = { roles?: DeskRole[] | null } | null | undefined

export const hasRole = (user: UserLike, ...roles: DeskRole[]): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role)))

export const isAdmin = (user: UserLike) => hasRole(user, 'admin')
export const isEditorOrAdmin = (user: UserLike) => hasRole(user, 'editor', 'admin')
export const isStaff = (user: UserLike) => hasRole(user, 'reporter', 'editor', 'admin')

export const anyone: Access = () => true
export const staffOnly: Access = ({ req }) => isStaff(req.user as UserLike)
export const editorsOnly: Access = ({ req }) => isEditorOrAdmin(req.user as UserLike)
export const adminsOnly: Access = ({ req }) => isAdmin(req.user as UserLike)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdmin(req.user as UserLike)
export const staffOnlyField: FieldAccess = ({ req }) => isStaff(req.user as UserLike)

export const userOf = (req: PayloadRequest) => req.user as (UserLike & { id: string | number }) | null
