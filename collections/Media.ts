import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { dataDir } from '../src/env'
import { anyone, editorsOnly, staffOnly } from './access'
import { label } from './labels'

/**
 * Photos and graphics. sharp makes the renditions each channel needs: a thumbnail for the admin, a card for
 * lists, 1200×630 for social cards and 900×383 (2.35:1) for the WeChat cover.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('图片', 'Media'), plural: label('图片', 'Media') },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'], group: label('内容', 'Content') },
  access: { read: anyone, create: staffOnly, update: staffOnly, delete: editorsOnly },
  upload: {
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'social', width: 1200, height: 630, position: 'centre' },
      { name: 'wechatCover', width: 900, height: 383, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: label('替代文字', 'Alt text'),
      admin: { description: label('为读屏用户描述图片内容', 'Describe the picture for readers who cannot see it') },
    },
    { name: 'caption', type: 'textarea', label: label('图片说明', 'Caption') },
    { name: 'credit', type: 'text', label: label('摄影/来源', 'Photo credit') },
  ],
}
