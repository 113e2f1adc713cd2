// Drops cached reader-site data by tag. Called by the story hooks over loopback (src/site/revalidate.ts);
// the body is signed with the Payload secret, so nobody else can empty the cache.
import { revalidateTag } from 'next/cache'

import { SIGNATURE_HEADER, verifySignature } from '../../../../site/revalidate'

export async function POST(request: Request): Promise<Response> {
  const body = await request.text()
  if (!verifySignature(body, request.headers.get(SIGNATURE_HEADER))) {
    return Response.json({ errors: [{ message: 'Forbidden: bad or missing signature' }] }, { status: 403 })
  }
  let tags: unknown
  try {
    tags = (JSON.parse(body) as { tags?: unknown }).tags
  } catch {
    tags = undefined
  }
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && tag.length <= 256)) {
    return Response.json({ errors: [{ message: 'tags: must be an array of strings' }] }, { status: 400 })
  }
  // expire 0: the next reader waits for fresh data instead of being served the stale page once.
  for (const tag of tags as string[]) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags })
}
