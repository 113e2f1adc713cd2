import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from './access'
import { label } from './labels'
import { slugField } from './fields/slug'
import { mustExist } from './fields/validation'

/** Desk sections (时政, 经济, …), nested: a section may sit under a parent section. */
export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: { singular: label('栏目', 'Section'), plural: label('栏目', 'Sections') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'parent'], group: label('内容', 'Content') },
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('名称', 'Name') },
    slugField('name'),
    { name: 'parent', type: 'relationship', relationTo: 'sections', label: label('上级栏目', 'Parent section'), ...mustExist },
    { name: 'description', type: 'textarea', label: label('简介', 'Description') },
  ],
}
