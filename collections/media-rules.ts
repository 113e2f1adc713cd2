/**
 * The desk's rules for pictures: reporters upload, and change or delete only their own pictures that no
 * published story shows; editors manage every picture; and a file a published story shows is never replaced
 * or deleted out from under it (the published page, the feeds and the WeChat post would point at nothing).
 *
 * The checks run in beforeOperation / beforeDelete because Payload deletes a replaced file before any
 * beforeChange hook runs.
 */
import { APIError, type CollectionBeforeDeleteHook, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'

import { isEditorOrAdmin } from './access'

type Id = string | number

/** Titles of published stories showing picture `id` (at most a few, for the message). */
export async function publishedStoriesUsing(req: PayloadRequest, id: Id): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ _status: { equals: 'published' } }, { or: [{ heroImage: { equals: id } }, { mediaUsed: { in: [id] } }] }] },
    depth: 0,
    limit: 3,
    select: { title: true },
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => `«${(doc as { title?: string }).title ?? doc.id}»`)
}

async function targets(req: PayloadRequest, args: { id?: Id; where?: Where }): Promise<Id[]> {
  if (args.id !== undefined) return [args.id]
  if (!args.where) return []
  const { docs } = await req.payload.find({
    collection: 'media',
    where: args.where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

export const guardPublishedPictures: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'updateByID') return args
  const replacingFile = Boolean(req.file) || Boolean((args as { data?: { url?: unknown } }).data?.url)
  // System work (seed, import) has no user and only ever adds pictures; people are checked.
  const editor = !req.user || isEditorOrAdmin(req.user)
  if (!replacingFile && editor) return args
  for (const id of await targets(req, args as { id?: Id; where?: Where })) {
    const stories = await publishedStoriesUsing(req, id)
    if (!stories.length) continue
    if (replacingFile) {
      throw new APIError(
        `file: this picture is shown by published ${stories.length > 1 ? 'stories' : 'story'} ${stories.join(', ')}; its file cannot be replaced. Upload a new picture and use it in the story instead. / 这张图片用在已发布的稿件中，不能替换文件；请上传新图片，再在稿件中改用新图片。`,
        409,
        undefined,
        true,
      )
    }
    throw new APIError(
      `media: this picture is shown by published story ${stories.join(', ')}; only an editor may change its alt text, caption or credit. / 这张图片用在已发布的稿件中，只有编辑可以修改它的替代文字、图片说明和署名。`,
      403,
      undefined,
      true,
    )
  }
  return args
}

export const keepPublishedPictures: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const stories = await publishedStoriesUsing(req, id)
  if (stories.length) {
    throw new APIError(
      `media: this picture is shown by published ${stories.length > 1 ? 'stories' : 'story'} ${stories.join(', ')}; take it out of the ${stories.length > 1 ? 'stories' : 'story'} (or unpublish) before deleting the picture. / 这张图片用在已发布的稿件中；请先从稿件中移除（或撤下稿件），再删除图片。`,
      409,
      undefined,
      true,
    )
  }
}
