import type { Access, CollectionConfig, ImageSize } from 'payload'

import path from 'node:path'

import { dataDir } from '../src/env'
import { anyone, isEditorOrAdmin, staffOnly, userOf } from './access'
import { guardPublishedPictures, keepPublishedPictures } from './media-rules'
import { label } from './labels'
import { selectFileNamesForUrls } from './media-url-select'

/** Editors manage every picture; a reporter only the ones they uploaded (published stories: media-rules.ts). */
const ownOrEditor: Access = ({ req }) => {
  const user = userOf(req)
  if (!user) return false
  if (isEditorOrAdmin(user)) return true
  return { uploadedBy: { equals: user.id } }
}

const ADMIN_THUMBNAIL = 'thumbnail'
const IMAGE_SIZES: ImageSize[] = [
  { name: ADMIN_THUMBNAIL, width: 320, height: 240, position: 'centre' },
  { name: 'card', width: 768, height: 432, position: 'centre' },
  { name: 'social', width: 1200, height: 630, position: 'centre' },
  { name: 'wechatCover', width: 900, height: 383, position: 'centre' },
]

/**
 * Photos and graphics. sharp makes the renditions each channel needs: a thumbnail for the admin, a card for
 * lists, 1200×630 for social cards and 900×383 (2.35:1) for the WeChat cover.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('图片', 'Media'), plural: label('图片', 'Media') },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'], group: label('内容', 'Content') },
  access: { read: anyone, create: staffOnly, update: ownOrEditor, delete: ownOrEditor },
  hooks: {
    beforeOperation: [guardPublishedPictures, selectFileNamesForUrls(ADMIN_THUMBNAIL)],
    beforeDelete: [keepPublishedPictures],
  },
  upload: {
    staticDir: path.join(dataDir(), 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    adminThumbnail: ADMIN_THUMBNAIL,
    focalPoint: true,
    imageSizes: IMAGE_SIZES,
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
    {
      // Who uploaded it: set on upload from the logged-in user, never typed; a reporter's rights follow it.
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: label('上传者', 'Uploaded by'),
      access: { create: () => false, update: () => false, read: ({ req }) => Boolean(req.user) },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { beforeChange: [({ value, operation, req }) => (operation === 'create' ? (req.user?.id ?? value ?? null) : value)] },
    },
  ],
}
