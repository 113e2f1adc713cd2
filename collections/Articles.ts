import type { CollectionConfig } from 'payload'

import { editorsOnly, isStaff, staffOnly } from './access'
import { label } from './labels'
import { slugField } from './fields/slug'
import { bodyField } from './fields/body'
import { mediaUsedField } from './fields/media-used'
import { mustExist, textareaOnly, textOnly } from './fields/validation'
import { revalidateReaderSiteAfterChange, revalidateReaderSiteAfterDelete } from '../src/site/revalidate'
import { storyPreviewEndpoint } from '../src/site/preview-endpoint'
import { storyPreviewPath } from '../src/site/preview-path'

/**
 * Stories. Drafts, autosave and scheduled publish come from Payload's versions; `_status: published` means
 * "public". The house-style plugin adds the dateline, credits and the rendered output; the editorial-workflow
 * plugin adds the stage and its rules; the distribution plugin sends published stories downstream.
 */
export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: label('稿件', 'Article'), plural: label('稿件', 'Articles') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'section', 'region', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug', 'dek'],
    group: label('内容', 'Content'),
    // The reader page with the unsaved draft, updating as the editor types (src/site/live-preview.tsx). A path
    // on the admin's own origin, so the preview carries the editor's session and nobody else's.
    livePreview: {
      url: ({ data }) => (data?.id ? storyPreviewPath(data.id) : null),
      breakpoints: [{ name: 'phone', label: '手机', width: 390, height: 844 }],
    },
  },
  versions: {
    maxPerDoc: 100,
    // Drafts are validated too: a wrong type or an unknown relation is refused even in a draft.
    drafts: { autosave: { interval: 2000 }, schedulePublish: true, validate: true },
  },
  hooks: {
    // The reader site's cached pages follow publishes, corrections, unpublishes and retractions.
    afterChange: [revalidateReaderSiteAfterChange],
    afterDelete: [revalidateReaderSiteAfterDelete],
  },
  endpoints: [storyPreviewEndpoint],
  access: {
    // The public reads published stories only, on every API, with or without `draft: true`.
    read: ({ req }) => (isStaff(req.user) ? true : { _status: { equals: 'published' } }),
    readVersions: staffOnly,
    create: staffOnly,
    update: staffOnly,
    delete: editorsOnly,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: label('标题', 'Headline'), validate: textOnly },
    slugField('title'),
    { name: 'dek', type: 'textarea', maxLength: 500, label: label('导语/副题', 'Dek'), validate: textareaOnly },
    bodyField,
    {
      type: 'row',
      fields: [
        { name: 'section', type: 'relationship', relationTo: 'sections', label: label('栏目', 'Section'), ...mustExist },
        { name: 'region', type: 'relationship', relationTo: 'regions', label: label('地区', 'Region'), ...mustExist },
      ],
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: label('题图', 'Hero image'), ...mustExist },
    mediaUsedField,
    { name: 'tags', type: 'text', hasMany: true, maxRows: 20, label: label('标签', 'Tags') },
    {
      // Set by `newsroom import`: a hash of the source file, so importing it again updates instead of duplicating.
      name: 'importKey',
      type: 'text',
      unique: true,
      index: true,
      label: label('导入指纹', 'Import key'),
      admin: { hidden: true, readOnly: true },
      access: { read: ({ req }) => Boolean(req.user) },
      // A copy is a new story, not the imported file: it must not carry (or collide on) the file's key.
      hooks: { beforeDuplicate: [() => null] },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: label('首发时间', 'First published'),
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' } },
      hooks: {
        // Set once, the first time the story goes public. The editorial-workflow plugin owns the field
        // (`publishedAtField`): a user's save can neither set nor change it.
        beforeChange: [
          ({ value, siblingData, originalDoc, operation }) =>
            // A new story (a copy included: its originalDoc is the story copied) has no earlier date to keep.
            value ??
            (operation === 'update' ? originalDoc?.publishedAt : null) ??
            (siblingData._status === 'published' ? new Date().toISOString() : value),
        ],
      },
    },
  ],
}
