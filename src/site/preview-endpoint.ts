/**
 * POST /api/articles/:id/preview — the live preview's render of unsaved fields (sent by the preview page as the
 * editor types): { title?, body?, dateline?, credits?, … } → 200 { story } in the public `Story` shape, dateline,
 * byline and html made by the house-style renderer. Custom endpoints are not authenticated by Payload, so this
 * one answers 401 without a session and 404 for a story the user may not read; nothing is saved.
 */
import type { Endpoint } from 'payload'

import { PreviewInputError, previewStory, unsavedFields } from './preview-story'

/** A story with its whole body is far below this; the house-style tools take the same. */
const MAX_BYTES = 2 * 1024 * 1024

const problem = (status: number, message: string, field?: string) =>
  Response.json({ errors: [{ message, ...(field ? { field } : {}) }] }, { status, headers: { 'cache-control': 'private, no-store' } })

export const storyPreviewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return problem(401, '请先登录再预览稿件 / Log in to preview stories.')
    if (Number(req.headers.get('content-length') ?? 0) > MAX_BYTES) return problem(413, 'Request body is larger than 2 MB.')
    const text = req.text ? await req.text() : ''
    if (Buffer.byteLength(text) > MAX_BYTES) return problem(413, 'Request body is larger than 2 MB.')
    let input: unknown
    try {
      input = JSON.parse(text)
    } catch {
      return problem(400, 'Request body is not valid JSON: send the story fields as a JSON object.')
    }
    try {
      const story = await previewStory(req, String(req.routeParams?.id ?? ''), unsavedFields(input))
      if (!story)
        return problem(404, `没有可预览的稿件 ${String(req.routeParams?.id ?? '')} / No story with that id that you may read.`, 'id')
      return Response.json({ story }, { headers: { 'cache-control': 'private, no-store' } })
    } catch (error) {
      if (error instanceof PreviewInputError) return problem(400, error.message, error.field)
      throw error
    }
  },
}
