/**
 * Every hot read is served by an index, on SQLite and on PostgreSQL. Each read runs through Payload as its
 * users run it (anonymous GraphQL and REST lists, the feeds and the news sitemap as the host serves them, the
 * admin's queues as an editor or reporter); the SQL Payload actually issues is recorded and each statement's
 * plan asked from the database (`EXPLAIN QUERY PLAN` / `EXPLAIN`, see tests/support/query-plans.ts). A full scan
 * of a story or delivery table, or a temporary sort of one, fails the test: that is what slows a read down as
 * the archive grows.
 */
import type { Where } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, test } from 'vitest'

import { testDatabaseKind } from '../support/payload'
import { explainStatement, planProblems, recordStatements, type Statement } from '../support/query-plans'
import { workflowLinks } from '../../plugins/editorial-workflow'
import { graphql, lexical, rest, storyAt, useDesk } from '../support/desk'

const kind = testDatabaseKind()
/** Tables whose size grows with the archive: a full scan of any of them is a problem. */
const ARCHIVE_TABLES = [
  'articles',
  'articles_credits',
  'articles_texts',
  'articles_rels',
  '_articles_v',
  '_articles_v_version_credits',
  '_articles_v_texts',
  'deliveries',
  'workflow_events',
]
/** Tables a list is cut from: sorting all their matching rows before the LIMIT is a problem. */
const LIST_TABLES = ['articles', '_articles_v', 'deliveries']

const desk = useDesk()
const ids: Record<string, any> = {}

type Route = { path: string; handler: (req: Request) => Promise<Response> }
/** What the Express host does with a public route: match its pattern and hand it a web Request. */
async function publicGet(path: string) {
  const routes = desk.payload.config.custom.publicRoutes as Route[]
  const pattern = (p: string) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/:[a-z]+/g, '[^/]+')}$`)
  const route = routes.find((r) => pattern(r.path).test(path))
  if (!route) throw new Error(`no public route for ${path}`)
  const res = await route.handler(new Request(`http://localhost${path}`))
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body}`)
  return body
}

const LIST_FIELDS = 'docs { id title slug publishedAt datelineText bylineText section { name slug } region { name } }'

beforeAll(async () => {
  const p = desk.payload
  const news = await p.create({ collection: 'sections', data: { name: '新闻', slug: 'news' } })
  const county = await p.create({ collection: 'sections', data: { name: '县域', slug: 'county', parent: news.id } })
  const guizhou = await p.create({
    collection: 'regions',
    data: { name: '贵州省', shortName: '贵州', level: 'province', code: '520000', slug: 'guizhou' },
  })
  const xingren = await p.create({
    collection: 'regions',
    data: { name: '兴仁市', shortName: '兴仁', level: 'county', code: '522322', slug: 'xingren', parent: guizhou.id },
  })
  Object.assign(ids, { news: news.id, county: county.id, guizhou: guizhou.id, xingren: xingren.id })
  const placed = { section: county.id, region: xingren.id, tags: ['乡村教育'] }
  ids.published = await storyAt(desk, 'published', placed)
  await storyAt(desk, 'published', { section: news.id, region: guizhou.id })
  await storyAt(desk, 'submitted', placed)
  await storyAt(desk, 'scheduled', placed)
  await storyAt(desk, 'draft')
  // For "my stories": created by the reporter but crediting someone else; written by an editor crediting the
  // reporter; and another reporter's own story.
  const draftBy = async (member: typeof desk.editor, credited: typeof desk.editor) =>
    (
      await p.create({
        collection: 'articles',
        draft: true,
        overrideAccess: false,
        user: member.user,
        data: {
          title: `${member.user.id} 的稿件 ${credited.authorId}`,
          body: lexical('兴仁县今年新建了十二所乡村学校。'),
          credits: [{ author: credited.authorId, role: 'reporter' }],
          _status: 'draft',
        },
      })
    ).id
  ids.createdOnly = await draftBy(desk.reporter, desk.otherReporter)
  ids.creditedOnly = await draftBy(desk.editor, desk.reporter)
  ids.notMine = await draftBy(desk.otherReporter, desk.otherReporter)
  ids.slug = ((await p.findByID({ collection: 'articles', id: ids.published, depth: 0 })) as unknown as { slug: string }).slug
}, 240_000)

/** The reporter's "my stories" list as the desk reads it: DeskListView's query with workflowLinks' filter. */
async function myStories() {
  const link = (await workflowLinks(desk.payload, desk.reporter.user, 'zh')).find((l) => l.id === 'my-stories')!
  const select = { title: true, stage: true, section: true, updatedAt: true } as const
  const { docs } = await desk.payload.find({
    collection: 'articles',
    draft: true,
    where: link.where,
    sort: '-updatedAt',
    select,
    depth: 1,
    limit: 10,
    user: desk.reporter.user,
    overrideAccess: false,
  })
  return { docs, count: link.count }
}

/** The hot reads, each as its users make it. Each must return something, so its statements are the real ones. */
interface HotRead {
  name: string
  read: () => Promise<unknown>
  /**
   * By author and by tag the story is found from the credits/tags table's index, then that author's or tag's
   * stories are sorted: the sort grows with what one author wrote, not with the archive (an index in published
   * order would need the publication time copied into every credit and tag row). The plan must still find them
   * through that index — `SEARCH <table> USING INDEX <index>` — and read no table whole.
   */
  sortsMatchesFrom?: { table: string; index: string }
  /** A known gap on one database, with why: reported, not hidden. */
  gap?: { on: 'sqlite' | 'postgres'; why: string }
}

const HOT_READS: HotRead[] = [
  {
    name: 'latest stories (GraphQL, anonymous)',
    read: async () => {
      const { data } = await graphql(`{ Articles(sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`)
      expect(data?.Articles.docs).toHaveLength(2)
    },
  },
  {
    name: 'latest stories (REST, anonymous)',
    read: async () => expect((await rest.get('articles?sort=-publishedAt&limit=20&depth=1')).body.docs).toHaveLength(2),
  },
  {
    name: 'section list with the sections beneath it (GraphQL)',
    read: async () => {
      const { data } = await graphql(
        `query($s: [JSON]) { Articles(where: { section: { in: $s } }, sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`,
        { s: [ids.news, ids.county] },
      )
      expect(data?.Articles.docs).toHaveLength(2)
    },
  },
  {
    name: 'one section (GraphQL)',
    read: async () => {
      const { data } = await graphql(
        `query($s: JSON) { Articles(where: { section: { equals: $s } }, sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`,
        { s: ids.county },
      )
      expect(data?.Articles.docs).toHaveLength(1)
    },
  },
  {
    name: 'region list with the places beneath it (GraphQL)',
    read: async () => {
      const { data } = await graphql(
        `query($r: [JSON]) { Articles(where: { region: { in: $r } }, sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`,
        { r: [ids.guizhou, ids.xingren] },
      )
      expect(data?.Articles.docs).toHaveLength(2)
    },
  },
  {
    name: 'by author (credits)',
    sortsMatchesFrom: { table: 'articles_credits', index: 'articles_credits_author_idx' },
    read: async () => {
      const { data } = await graphql(
        `query($a: JSON) { Articles(where: { credits__author: { equals: $a } }, sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`,
        { a: desk.reporter.authorId },
      )
      expect(data?.Articles.docs).toHaveLength(2)
    },
  },
  {
    name: 'by tag',
    sortsMatchesFrom: { table: 'articles_texts', index: 'articles_texts_text_path_idx' },
    read: async () => {
      const { data } = await graphql(
        `{ Articles(where: { tags: { equals: "乡村教育" } }, sort: "-publishedAt", limit: 20) { ${LIST_FIELDS} } }`,
      )
      expect(data?.Articles.docs).toHaveLength(1)
    },
  },
  {
    name: 'story by slug',
    read: async () => {
      const { data } = await graphql(
        `
          query ($s: String) {
            Articles(where: { slug: { equals: $s } }, limit: 1) {
              docs {
                id
                title
                html
              }
            }
          }
        `,
        { s: ids.slug },
      )
      expect(data?.Articles.docs).toHaveLength(1)
    },
  },
  { name: 'RSS feed', read: async () => expect(await publicGet('/feeds/rss.xml')).toContain('<item>') },
  {
    name: 'section feed (with sections beneath)',
    read: async () => expect(await publicGet('/feeds/sections/news/feed.json')).toContain('"items"'),
  },
  {
    name: 'region feed (with places beneath)',
    read: async () => expect(await publicGet('/feeds/regions/guizhou/atom.xml')).toContain('<entry>'),
  },
  { name: 'news sitemap', read: async () => expect(await publicGet('/sitemaps/news.xml')).toContain('<news:news>') },
  {
    name: 'review queue (editor, admin list)',
    read: async () => {
      const { docs } = await desk.payload.find({
        collection: 'articles',
        draft: true,
        where: { stage: { equals: 'submitted' } },
        depth: 0,
        limit: 10,
        user: desk.editor.user,
        overrideAccess: false,
      })
      expect(docs).toHaveLength(1)
    },
  },
  {
    name: 'scheduled (editor, admin list)',
    read: async () => {
      const { docs } = await desk.payload.find({
        collection: 'articles',
        draft: true,
        where: { stage: { equals: 'scheduled' } },
        depth: 0,
        limit: 10,
        user: desk.editor.user,
        overrideAccess: false,
      })
      expect(docs).toHaveLength(1)
    },
  },
  {
    name: 'all stories newest first (admin list)',
    read: async () => {
      const { docs } = await desk.payload.find({
        collection: 'articles',
        draft: true,
        depth: 0,
        limit: 10,
        user: desk.editor.user,
        overrideAccess: false,
      })
      expect(docs.length).toBeGreaterThan(0)
    },
  },
  {
    // The desk's "my stories" list as DeskListView reads it (its filter from workflowLinks): the reporter's
    // stories are found by their owner keys (`deskOwners`) through the versions' texts index, then sorted — a sort
    // that grows with what one reporter wrote, not with the archive. The same stories as the rule it stands for:
    // created by the reporter or crediting their author, and nothing else.
    name: 'my stories (reporter, admin list)',
    sortsMatchesFrom: { table: '_articles_v_texts', index: '_articles_v_texts_text_path_idx' },
    read: async () => expect((await myStories()).docs.length).toBeGreaterThan(0),
  },
  {
    name: 'deliveries by state (admin list)',
    read: () =>
      desk.payload.find({
        collection: 'deliveries',
        where: { state: { equals: 'failed' } },
        depth: 0,
        limit: 10,
        user: desk.editor.user,
        overrideAccess: false,
      }),
  },
]

test('"my stories" lists what the ownership rule names: stories the reporter created or that credit them, nothing else', async () => {
  const { docs, count } = await myStories()
  const byRule: Where = { or: [{ createdBy: { equals: desk.reporter.user.id } }, { 'credits.author': { equals: desk.reporter.authorId } }] }
  const expected = await desk.payload.find({
    collection: 'articles',
    draft: true,
    where: byRule,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const idsOf = (list: { id: unknown }[]) => list.map((doc) => String(doc.id)).sort()
  expect(idsOf(docs)).toEqual(idsOf(expected.docs))
  expect(idsOf(docs)).toEqual(expect.arrayContaining([String(ids.createdOnly), String(ids.creditedOnly)]))
  expect(idsOf(docs)).not.toContain(String(ids.notMine))
  expect(count).toBe(docs.length)
})

test('"my stories" follows the credits as a draft changes them, and a save that leaves them out keeps them', async () => {
  const listed = async () => (await myStories()).docs.map((doc) => String(doc.id))
  const saveDraft = (data: Record<string, unknown>) =>
    desk.payload.update({ collection: 'articles', id: ids.notMine, draft: true, data: data, overrideAccess: false, user: desk.editor.user })
  await saveDraft({
    credits: [
      { author: desk.otherReporter.authorId, role: 'reporter' },
      { author: desk.reporter.authorId, role: 'reporter' },
    ],
  })
  expect(await listed()).toContain(String(ids.notMine))
  await saveDraft({ title: '兴仁县新建乡村学校（改）' })
  expect(await listed()).toContain(String(ids.notMine))
  await saveDraft({ credits: [{ author: desk.otherReporter.authorId, role: 'reporter' }] })
  expect(await listed()).not.toContain(String(ids.notMine))
})

describe(`hot reads are served by indexes (${kind})`, () => {
  const reads = HOT_READS.filter((read) => read.gap?.on !== kind)
  for (const read of HOT_READS.filter((r) => r.gap?.on === kind)) test.skip(`${read.name} — known gap: ${read.gap!.why}`, () => undefined)
  test.each(reads.map((read) => [read.name, read] as const))('%s', async (_name, { read, sortsMatchesFrom }) => {
    const statements: Statement[] = await recordStatements(desk.payload, read)
    const reads = statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql))
    expect(reads.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const statement of reads) {
      const plan = await explainStatement(desk.payload, kind, statement)
      if (process.env.DUMP_PLANS)
        console.log(
          `\n### ${_name}\n${statement.sql}\n${JSON.stringify(statement.params)}\n${plan.map((n) => `  ${n.id}/${n.parent} ${n.detail}`).join('\n')}`,
        )
      let found = planProblems(kind, plan, statement.sql, ARCHIVE_TABLES, LIST_TABLES)
      if (sortsMatchesFrom && found.length) {
        const details = plan.map((node) => node.detail).join('\n')
        const throughIndex =
          kind === 'sqlite'
            ? new RegExp(`SEARCH \\S+ USING (COVERING )?INDEX ${sortsMatchesFrom.index}\\b`)
            : new RegExp(`Index (Only )?Scan using ${sortsMatchesFrom.index}\\b`)
        expect(details, statement.sql).toMatch(throughIndex)
        // A PostgreSQL sort under another node (a DISTINCT's Unique) is reported as `->  Sort …`.
        found = found.filter((problem) => !/(TEMP B-TREE FOR ORDER BY|^(->\s*)?Sort\b)/.test(problem))
      }
      for (const problem of found) problems.push(`${problem}\n    in: ${statement.sql.slice(0, 400)}`)
    }
    expect(problems).toEqual([])
  })
})

describe('lists read only the columns they return', () => {
  const newPicture = async () => {
    // Large enough for every rendition (none is made larger than the upload).
    const file = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 120, b: 80 } } })
      .jpeg()
      .toBuffer()
    return desk.payload.create({
      collection: 'media',
      data: { alt: '兴仁县新建的乡村学校', caption: '新校舍' },
      file: { data: file, mimetype: 'image/jpeg', name: 'new-school.jpg', size: file.length },
    })
  }
  const WIDE = /"(html|plain_text|style_findings|body)"/
  const storyReads = (statements: Statement[]) => statements.filter((s) => /^\s*select\b/i.test(s.sql) && /\bfrom "articles"/.test(s.sql))

  test('a GraphQL list of headlines reads no rendered html or text, no findings and no body', async () => {
    const statements = await recordStatements(desk.payload, async () => {
      const { data } = await graphql(`
        {
          Articles(sort: "-publishedAt", limit: 20) {
            docs {
              id
              title
              slug
              publishedAt
              datelineText
              section {
                name
              }
            }
          }
        }
      `)
      expect(data?.Articles.docs).toHaveLength(2)
    })
    expect(storyReads(statements).length).toBeGreaterThan(0)
    for (const statement of storyReads(statements)) expect(statement.sql).not.toMatch(WIDE)
  })

  test('the relations a GraphQL read populates are read with only the fields it asks of them, and a picture still has its url', async () => {
    const picture = await newPicture()
    const id = await storyAt(desk, 'published', { section: ids.county, region: ids.xingren, heroImage: picture.id })
    const asked = `{
      Articles(where: { id: { equals: ${JSON.stringify(id)} } }) {
        docs { credits { role author { name } } heroImage { url alt sizes { card { url } } } section { name } }
      }
    }`
    let story: Record<string, any> = {}
    const statements = await recordStatements(desk.payload, async () => {
      const { data, errors } = await graphql(asked)
      expect(errors).toBeUndefined()
      story = data?.Articles.docs[0]
    })
    // What a frontend gets is what it got when every column was read.
    const { data: everything } = await graphql(asked.replace('Articles(', 'Articles(select: false, '))
    expect(story).toEqual(everything?.Articles.docs[0])
    expect(story.heroImage).toEqual({ url: picture.url, alt: '兴仁县新建的乡村学校', sizes: { card: { url: picture.sizes.card.url } } })
    expect(story.heroImage.url).toMatch(/\/api\/media\/file\/new-school(-\d+)?\.jpg$/)
    expect(story.credits).toEqual([{ role: 'reporter', author: { name: expect.any(String) } }])
    expect(story.section).toEqual({ name: '县域' })
    const readsOf = (table: string) => statements.filter((s) => /^\s*select\b/i.test(s.sql) && new RegExp(`\\bfrom "${table}"`).test(s.sql))
    for (const [table, unasked] of [
      ['authors', /"bio"|authors_roles/],
      ['media', /"caption"|"credit"|"sizes_social_width"/],
      ['sections', /"description"/],
    ] as const) {
      expect(readsOf(table).length, table).toBeGreaterThan(0)
      for (const statement of readsOf(table)) expect(statement.sql).not.toMatch(unasked)
    }
  })

  test('aliases below the query, fragments, and two queries in one request answer as when every column is read', async () => {
    const picture = await newPicture()
    const id = await storyAt(desk, 'published', { section: ids.county, region: ids.xingren, heroImage: picture.id })
    // Payload finds a relation's part of the select by the names in the response path, which aliases change.
    const requests = [
      `{ Articles(where: { id: { equals: ${JSON.stringify(id)} } }) { docs { photo: heroImage { url alt } credits { role writer: author { name } } } } }`,
      `{ Articles(where: { id: { equals: ${JSON.stringify(id)} } }) { docs { ...Story } } } fragment Story on Article { people: credits { author { name } } heroImage { url } }`,
      `{ latest: Articles(limit: 2, sort: "-publishedAt") { docs { section { name } credits { author { name } } } } one: Article(id: ${JSON.stringify(id)}) { heroImage { url alt } region { name } } }`,
    ]
    for (const request of requests) {
      const narrow = await graphql(request)
      const everything = await graphql(request.replace(/(Articles?)\(/g, '$1(select: false, '))
      expect(narrow.errors, request).toBeUndefined()
      expect(narrow.data, request).toEqual(everything.data)
      expect(JSON.stringify(narrow.data)).toContain(picture.url)
    }
  })

  test('a picture read over REST with only its urls selected still has them, and `sizes` asked whole keeps every rendition', async () => {
    const picture = await newPicture()
    const urls = await rest.get(`media/${picture.id}?select[url]=true&select[thumbnailURL]=true&select[sizes][card][url]=true`)
    expect(urls.status).toBe(200)
    expect(urls.body.url).toBe(picture.url)
    expect(urls.body.thumbnailURL).toBe(picture.thumbnailURL)
    expect(urls.body.thumbnailURL).toBeTruthy()
    expect(urls.body.sizes.card.url).toBe(picture.sizes?.card?.url)
    const whole = await rest.get(`media/${picture.id}?select[url]=true&select[sizes]=true`)
    expect(whole.body.sizes).toEqual(picture.sizes)
  })

  test('a query that asks for the html reads it, and `select: false` reads every column as before', async () => {
    const withHtml = await recordStatements(desk.payload, () =>
      graphql(`
        {
          Articles(limit: 1) {
            docs {
              id
              html
            }
          }
        }
      `),
    )
    expect(storyReads(withHtml).some((s) => /"html"/.test(s.sql))).toBe(true)
    const everything = await recordStatements(desk.payload, () =>
      graphql(`
        {
          Articles(select: false, limit: 1) {
            docs {
              id
              title
            }
          }
        }
      `),
    )
    expect(storyReads(everything).some((s) => WIDE.test(s.sql))).toBe(true)
  })
})
