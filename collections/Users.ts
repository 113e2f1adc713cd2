import { APIError, type CollectionConfig } from 'payload'

import { adminsOnly, adminsOnlyField, isAdmin, type DeskRole } from './access'
import { label } from './labels'
import { mustExist } from './fields/validation'

/** Desk staff who log in: reporters write, editors approve and publish, admins run the desk. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: { tokenExpiration: 60 * 60 * 12, maxLoginAttempts: 10, lockTime: 10 * 60 * 1000 },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'], group: label('管理', 'Admin') },
  hooks: {
    beforeOperation: [
      ({ operation, req, args }) => {
        // Password doors are rate limited per address in the Express host on their REST paths; the GraphQL
        // mutations would walk around that, so they are closed (src/login-limits.ts).
        if (req.payloadAPI === 'GraphQL' && (operation === 'login' || operation === 'forgotPassword' || operation === 'resetPassword')) {
          throw new APIError(
            `${operation} is not available over GraphQL: use REST (POST /api/users/${operation === 'login' ? 'login' : operation === 'forgotPassword' ? 'forgot-password' : 'reset-password'}), which is rate limited`,
            403,
            undefined,
            true,
          )
        }
        return args
      },
    ],
  },
  access: {
    // Anonymous callers read nothing here (emails are private); staff see themselves, admins everyone.
    read: ({ req }) => (isAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    create: adminsOnly,
    update: ({ req }) => (isAdmin(req.user) ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: adminsOnly,
    admin: ({ req }) => Boolean((req.user as { roles?: DeskRole[] } | null)?.roles?.length),
  },
  fields: [
    { name: 'name', type: 'text', label: label('姓名', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['reporter'],
      label: label('角色', 'Roles'),
      saveToJWT: true,
      // Only admins hand out roles; nobody promotes themselves.
      access: { create: adminsOnlyField, update: adminsOnlyField },
      options: [
        { value: 'reporter', label: label('记者', 'Reporter') },
        { value: 'editor', label: label('编辑', 'Editor') },
        { value: 'admin', label: label('管理员', 'Admin') },
      ],
    },
    { name: 'author', type: 'relationship', relationTo: 'authors', label: label('作者档案', 'Linked author'), ...mustExist },
  ],
}
