/**
 * How the reader site reads: anonymous POSTs to the public GraphQL endpoint, exactly what a frontend on another
 * origin would send, never the Local API. Answers go to Next's data cache under tags, so a publish, correction,
 * unpublish or retraction can drop just the pages that showed the story (see ./revalidate.ts).
 */
import { siteGraphqlUrl } from './site-origin'

export class PublicGraphQLError extends Error {
  override name = 'PublicGraphQLError'
  constructor(
    message: string,
    /** Every error was a NotFound (an unknown section, region or author slug). */
    readonly notFound = false,
  ) {
    super(message)
  }
}

interface GraphQLAnswer<T> {
  data?: T
  errors?: { message: string; extensions?: { name?: string } }[]
}

/** Seconds a cached answer may be served before it is fetched again (on-demand revalidation comes first). */
export const SITE_CACHE_SECONDS = 300

export async function readPublic<T>(query: string, variables: Record<string, unknown>, tags: string[]): Promise<T> {
  const response = await fetch(siteGraphqlUrl(), {
    method: 'POST',
    // The scope (which database this server reads) is part of Next's cache key: two servers sharing one build
    // directory on different databases (tests, staging beside production) never see each other's answers.
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-newsroom-cache-scope': process.env.NEWSROOM_SITE_CACHE_SCOPE ?? '',
    },
    body: JSON.stringify({ query, variables }),
    cache: 'force-cache',
    next: { tags: ['site', ...tags], revalidate: SITE_CACHE_SECONDS },
  })
  const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer<T>
  if (!response.ok || answer.errors?.length || !answer.data) {
    const detail = answer.errors?.map((error) => `${error.extensions?.name ?? 'Error'}: ${error.message}`).join('; ')
    const notFound = Boolean(answer.errors?.length) && answer.errors!.every((error) => error.extensions?.name === 'NotFound')
    throw new PublicGraphQLError(`GraphQL ${response.status}${detail ? `: ${detail}` : ''}`, notFound)
  }
  return answer.data
}
