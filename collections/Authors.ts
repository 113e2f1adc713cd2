import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly, staffOnly } from './access'
import { label } from './labels'
import { slugField } from './fields/slug'
import { mustExist } from './fields/validation'

/** People credited on stories (记者, 通讯员, 摄影, …). An author may be linked to a user who logs in. */
export const Authors: CollectionConfig = {
  slug: 'authors',
  labels: { singular: label('作者', 'Author'), plural: label('作者', 'Authors') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'roles', 'user'], group: label('内容', 'Content') },
  access: { read: anyone, create: staffOnly, update: editorsOnly, delete: editorsOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('姓名', 'Name') },
    slugField('name'),
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      label: label('身份', 'Roles'),
      options: [
        { value: 'reporter', label: label('记者', 'Reporter') },
        { value: 'correspondent', label: label('通讯员', 'Correspondent') },
        { value: 'photographer', label: label('摄影', 'Photographer') },
        { value: 'editor', label: label('编辑', 'Editor') },
        { value: 'contributor', label: label('作者', 'Contributor') },
      ],
    },
    { name: 'bio', type: 'textarea', label: label('简介', 'Bio') },
    { name: 'photo', type: 'upload', relationTo: 'media', label: label('照片', 'Photo'), ...mustExist },
    // Linked login; only staff may see which user an author is (users' emails are never public).
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      ...mustExist,
      label: label('关联用户', 'Linked user'),
      access: { read: ({ req }) => Boolean(req.user) },
    },
  ],
}
