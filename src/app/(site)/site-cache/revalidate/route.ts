// Drops cached reader-site data by tag, and purges the host's anonymous read cache. Called by the story hooks
// over loopback (src/site/revalidate.ts) and by `newsroom import` after each batch it commits
// (src/import/tell-running-site.ts). The body is signed with the Payload secret and carries the time it was
// signed, so nobody else can empty the caches and a captured request cannot be replayed later.
import { revalidateTag } from 'next/cache'

import { purgeHere } from '../../../../read-cache/read-tags'
import { SIGNATURE_HEADER, SIGNATURE_MAX_AGE_MS, verifySignature } from '../../../../site/revalidate'

const MAX_TAGS = 5000

const isTagList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_TAGS && value.every((tag) => typeof tag === 'string' && tag.length <= 256)

export async function POST(request: Request): Promise<Response> {
  const body = await request.text()
  if (!verifySignature(body, request.headers.get(SIGNATURE_HEADER))) {
    return Response.json({ errors: [{ message: 'Forbidden: bad or missing signature' }] }, { status: 403 })
  }
  let parsed: { tags?: unknown; readTags?: unknown; at?: unknown } = {}
  try {
    parsed = JSON.parse(body) as typeof parsed
  } catch {
    parsed = {}
  }
  if (typeof parsed.at !== 'number' || Math.abs(Date.now() - parsed.at) > SIGNATURE_MAX_AGE_MS) {
    return Response.json({ errors: [{ message: 'Forbidden: the signed request is too old' }] }, { status: 403 })
  }
  const { tags, readTags = [] } = parsed
  if (!isTagList(tags) || !isTagList(readTags)) {
    return Response.json({ errors: [{ message: `tags, readTags: must be arrays of at most ${MAX_TAGS} strings` }] }, { status: 400 })
  }
  // The read cache first (the host's, reached through globalThis): a page rendered after revalidateTag reads the
  // public GraphQL endpoint through it and must not find the old list there.
  if (readTags.length) purgeHere(readTags)
  // expire 0: the next reader waits for fresh data instead of being served the stale page once.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags, purged: readTags })
}
