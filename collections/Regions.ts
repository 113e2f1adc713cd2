import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from './access'
import { label } from './labels'
import { slugField } from './fields/slug'
import { mustExist } from './fields/validation'

/**
 * Administrative divisions (GB/T 2260): province → prefecture → county → township. The short name is what a
 * dateline uses (兴仁县 → 兴仁; 黔西南布依族苗族自治州 → 黔西南).
 */
export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: label('地区', 'Region'), plural: label('地区', 'Regions') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'shortName', 'level', 'code', 'parent'], group: label('内容', 'Content') },
  access: { read: anyone, create: editorsOnly, update: editorsOnly, delete: editorsOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('名称', 'Name') },
    {
      name: 'shortName',
      type: 'text',
      label: label('电头简称', 'Dateline short name'),
      admin: { description: label('电头中使用的简称，如“兴仁”', 'The form used in datelines, e.g. 兴仁') },
    },
    slugField('name'),
    {
      name: 'level',
      type: 'select',
      required: true,
      label: label('级别', 'Level'),
      options: [
        { value: 'province', label: label('省级', 'Province') },
        { value: 'prefecture', label: label('地级', 'Prefecture') },
        { value: 'county', label: label('县级', 'County') },
        { value: 'township', label: label('乡级', 'Township') },
      ],
    },
    {
      name: 'code',
      type: 'text',
      label: label('行政区划代码', 'GB/T 2260 code'),
      validate: (value: unknown) => value == null || value === '' || /^\d{6}$/.test(String(value)) || 'GB/T 2260 codes have six digits',
    },
    { name: 'parent', type: 'relationship', relationTo: 'regions', label: label('上级地区', 'Parent region'), ...mustExist },
  ],
}
