/**
 * A picture's `url`, `thumbnailURL` and each rendition's `url` are made on read from its file names, which a
 * narrow read (a GraphQL `heroImage { url }`, REST `select[url]=true`) does not ask for: Payload 3.90.2 then
 * answers null. This adds the file name each asked-for url is made from. (Payload's `forceSelect` cannot: merged
 * into a select that asks for `sizes: true` it narrows the renditions to their file names.)
 */
import type { CollectionBeforeOperationHook, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

type Select = Record<string, unknown>
const isObject = (value: unknown): value is Select => typeof value === 'object' && value !== null
/** A rendition's select with its file name added (`true` already reads it). */
const withFileName = (size: unknown) => (size === true ? true : { ...(isObject(size) ? size : {}), filename: true })

export const selectFileNamesForUrls =
  (thumbnailSize: string): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    const asked = (args as { select?: SelectType }).select
    if (operation !== 'read' || !asked || getSelectMode(asked) !== 'include') return args
    const select: Select = { ...asked }
    if (select.url || select.thumbnailURL) select.filename = true
    if (isObject(select.sizes))
      select.sizes = Object.fromEntries(
        Object.entries(select.sizes).map(([name, size]) => [name, isObject(size) && size.url ? withFileName(size) : size]),
      )
    // The admin's thumbnail is the thumbnail rendition's url.
    if (select.thumbnailURL && select.sizes !== true) {
      const sizes = isObject(select.sizes) ? select.sizes : {}
      select.sizes = { ...sizes, [thumbnailSize]: withFileName(sizes[thumbnailSize]) }
    }
    return { ...args, select }
  }
