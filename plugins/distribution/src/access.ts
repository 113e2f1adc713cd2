/**
 * Who may see and do what, in the plugin's own terms (staff, editors, admins), read from `user.roles` with the
 * role names the options give: the plugin must not import the host app's access helpers.
 */
import type { Access, FieldAccess, PayloadRequest } from 'payload'

import type { ResolvedDistributionOptions } from './options'

type Roles = ResolvedDistributionOptions['roles']

const rolesOf = (user: unknown): string[] => {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) ? roles.map(String) : []
}

export const hasAnyRole = (user: unknown, allowed: readonly string[]): boolean => rolesOf(user).some((role) => allowed.includes(role))

export const isStaff = (roles: Roles, req: PayloadRequest) => hasAnyRole(req.user, roles.staff)
export const isEditor = (roles: Roles, req: PayloadRequest) => hasAnyRole(req.user, roles.editors)
export const isAdmin = (roles: Roles, req: PayloadRequest) => hasAnyRole(req.user, roles.admins)

export const staffAccess =
  (roles: Roles): Access =>
  ({ req }) =>
    isStaff(roles, req)
export const editorAccess =
  (roles: Roles): Access =>
  ({ req }) =>
    isEditor(roles, req)
export const adminAccess =
  (roles: Roles): Access =>
  ({ req }) =>
    isAdmin(roles, req)
export const adminFieldAccess =
  (roles: Roles): FieldAccess =>
  ({ req }) =>
    isAdmin(roles, req)
export const staffFieldAccess =
  (roles: Roles): FieldAccess =>
  ({ req }) =>
    isStaff(roles, req)
export const nobody: Access = () => false
