/**
 * One size of the scaling curve: the hot reads timed one after another, in-process, on a seeded database — the
 * anonymous GraphQL latest-20 list (and the same list reading every column, `select: false`: what it cost before
 * lists read only what they return), a section list (the section and the ones beneath it), a story by slug,
 * the RSS feed and the news sitemap built afresh each time (their cache emptied first), and the editors' review
 * queue as the admin's list reads it. Nothing is cached between iterations except what the database keeps.
 *   node --import tsx tests/bench/scaling-reads.ts SEED_JSON ITERATIONS   (env from support.payloadEnv)
 * Prints `RESULT {json}`: per read, median and p95 ms over the iterations.
 */
import { readFileSync } from 'node:fs'
import { getPayload } from 'payload'

import type { SeedResult } from './seed'
import { summarise } from './support'

const LIST =
  'docs { id title slug publishedAt datelineText bylineText section { name slug } region { name shortName } credits { role author { name } } heroImage { url alt width height } }'

async function main() {
  setInterval(() => undefined, 1000)
  const seed = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SeedResult
  const iterations = Number(process.argv[3] ?? 30)
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  console.log('BOOTED')
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphqlHandler = GRAPHQL_POST(config)
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await graphqlHandler(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }),
    )
    const body = (await res.json()) as { errors?: unknown; data?: Record<string, { docs: unknown[] }> }
    if (body.errors || !body.data) throw new Error(JSON.stringify(body).slice(0, 400))
    return body.data
  }
  const routes = payload.config.custom.publicRoutes as { path: string; handler: (req: Request) => Promise<Response> }[]
  const feeds = (payload.config.custom.distribution as { feeds: { invalidate(): void } }).feeds
  const feed = async (path: string) => {
    feeds.invalidate() // build it afresh: the read the archive's size can slow down
    const route = routes.find((r) => r.path === path)!
    const res = await route.handler(new Request(`http://localhost${path}`))
    const text = await res.text()
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`)
  }
  const editor = await payload.create({
    collection: 'users',
    data: { email: `scaling-${Date.now()}@newsroom.test`, password: 'scaling-bench-pw', roles: ['editor'] },
  })
  const editorUser = { ...editor, collection: 'users' }
  // A section with one beneath it (the seeder's 党建 sits under the first section).
  const sections = seed.sectionIds.slice(0, 2)
  let n = 0
  const nextSlug = () => seed.slugs[n++ % seed.slugs.length]!

  const reads: Record<string, () => Promise<unknown>> = {
    latest20: async () => expectDocs((await graphql(`{ Articles(sort: "-publishedAt", limit: 20) { ${LIST} } }`)).Articles!.docs, 20),
    latest20AllColumns: async () =>
      expectDocs((await graphql(`{ Articles(select: false, sort: "-publishedAt", limit: 20) { ${LIST} } }`)).Articles!.docs, 20),
    sectionList: async () =>
      expectDocs(
        (
          await graphql(`query($s: [JSON]) { Articles(where: { section: { in: $s } }, sort: "-publishedAt", limit: 20) { ${LIST} } }`, {
            s: sections,
          })
        ).Articles!.docs,
        20,
      ),
    storyBySlug: async () =>
      expectDocs(
        (
          await graphql(
            `
              query ($slug: String) {
                Articles(where: { slug: { equals: $slug } }, limit: 1) {
                  docs {
                    id
                    title
                    html
                    datelineText
                    bylineText
                  }
                }
              }
            `,
            { slug: nextSlug() },
          )
        ).Articles!.docs,
        1,
      ),
    rss: () => feed('/feeds/rss.xml'),
    newsSitemap: () => feed('/sitemaps/news.xml'),
    reviewQueue: async () =>
      expectDocs(
        (
          await payload.find({
            collection: 'articles',
            draft: true,
            where: { stage: { equals: 'submitted' } },
            depth: 0,
            limit: 10,
            user: editorUser,
            overrideAccess: false,
          })
        ).docs,
        10,
      ),
  }
  const figures: Record<string, { medianMs: number; p95Ms: number }> = {}
  for (const [name, read] of Object.entries(reads)) {
    for (let i = 0; i < 3; i++) await read() // warm
    const samples: number[] = []
    for (let i = 0; i < iterations; i++) {
      const t = performance.now()
      await read()
      samples.push(performance.now() - t)
    }
    const s = summarise(samples)
    figures[name] = { medianMs: s.median, p95Ms: s.p95 }
    console.log(`${name}: median ${s.median} ms, p95 ${s.p95} ms`)
  }
  console.log(`RESULT ${JSON.stringify({ articles: seed.articles, figures })}`)
  await payload.destroy()
  process.exit(0)
}

function expectDocs(docs: unknown[], atLeast: number) {
  if (docs.length < atLeast) throw new Error(`expected ${atLeast} documents, got ${docs.length}`)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
