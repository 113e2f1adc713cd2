/**
 * Story URLs: a slug from the headline's pinyin, unique across every story — published or only a draft — and kept
 * when the story is edited. Saved through the Local API as the desk's members, access checked. The check that keeps
 * slugs unique runs on every save and for every imported story, so it must find a slug through an index: with the
 * one-column slug index SQLite read every story's latest version to learn that a new slug was free.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { expect, test } from 'vitest'

import { slugify, slugTaken } from '../../collections/fields/slug'
import { importArchive } from '../../src/import/import-archive'
import { importKeyOf } from '../../src/import/import-story'
import { testDatabaseKind } from '../support/payload'
import { explainStatement, recordStatements } from '../support/query-plans'
import { storyAt, useDesk, writeStory } from '../support/desk'

const kind = testDatabaseKind()
const desk = useDesk()

const slugOf = async (id: string | number) =>
  (
    (await desk.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })) as unknown as {
      slug: string
    }
  ).slug

test('stories with the same headline get -2 and -3; an edit keeps the slug readers link to', async () => {
  const title = '兴仁县举行乡村教师表彰大会'
  const base = 'xing-ren-xian-ju-xing-xiang-cun-jiao-shi-biao-zhang-da-hui'
  const ids = [await writeStory(desk, { title }), await writeStory(desk, { title }), await writeStory(desk, { title })]
  expect(await Promise.all(ids.map(slugOf))).toEqual([base, `${base}-2`, `${base}-3`])
  await desk.payload.update({
    collection: 'articles',
    id: ids[0]!,
    draft: true,
    data: { title: `${title}（更新）` },
    user: desk.reporter.user,
    overrideAccess: false,
  })
  expect(await slugOf(ids[0]!)).toBe(base)
})

test('a slug that only a published story’s newer draft holds is taken as well', async () => {
  const id = await storyAt(desk, 'published', { title: '贞丰县开展森林防火演练' })
  await desk.payload.update({
    collection: 'articles',
    id,
    draft: true,
    data: { slug: 'zhen-feng-fang-huo-yan-lian' },
    user: desk.editor.user,
    overrideAccess: false,
  })
  // The public row keeps its slug until the draft is published; the draft's slug is still not free.
  const published = await desk.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
  expect((published as unknown as { slug: string }).slug).not.toBe('zhen-feng-fang-huo-yan-lian')
  const other = await writeStory(desk, { title: '贞丰县森林防火', slug: 'zhen-feng-fang-huo-yan-lian' })
  expect(await slugOf(other)).toBe('zhen-feng-fang-huo-yan-lian-2')
})

test('sections (no drafts) get the next free slug too', async () => {
  const admin = desk.admin.user
  const made = async (name: string, parent?: unknown) =>
    (await desk.payload.create({ collection: 'sections', data: { name, parent }, user: admin, overrideAccess: false })) as unknown as {
      id: number
      slug: string
    }
  const sports = await made('体育')
  const countySports = await made('体育', sports.id)
  expect([sports.slug, countySports.slug]).toEqual(['ti-yu', 'ti-yu-2'])
})

test(`the slug check finds the slug through an index (${kind})`, async () => {
  const taken = await writeStory(desk, { title: '安龙县新建三座乡镇卫生院' })
  const slug = await slugOf(taken)
  const req = await createLocalReq({}, desk.payload)
  let answers: boolean[] = []
  const statements = await recordStatements(desk.payload, async () => {
    answers = [await slugTaken(req, 'articles', slug, undefined), await slugTaken(req, 'articles', `${slug}-9`, undefined)]
  })
  expect(answers).toEqual([true, false])
  const checks = statements.filter((s) => /version_slug/.test(s.sql))
  expect(checks).toHaveLength(2)
  for (const check of checks) {
    const plan = (await explainStatement(desk.payload, kind, check)).map((node) => node.detail).join('\n')
    // SQLite: `SEARCH _articles_v USING INDEX … (latest=? AND version_slug=?)`, not `(latest=?)` alone.
    // PostgreSQL: an index condition on the slug.
    expect(plan, check.sql).toMatch(kind === 'sqlite' ? /USING (COVERING )?INDEX \S+ \([^)]*version_slug=\?/ : /Index Cond: .*version_slug/)
  }
})

/** Legacy story files with these headlines (a dateline, a paragraph and a byline each) in a fresh folder. */
function archiveOf(headlines: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsroom-slugs-'))
  return headlines.map((headline, i) => {
    const file = path.join(dir, `story-${String(i + 1).padStart(2, '0')}.md`)
    writeFileSync(file, `${headline}\n亮点黔西南讯 第${i + 1}篇：乡镇卫生院今年新添了检查设备。\n（丁宪民 报道）\n`)
    return file
  })
}

test(`an archive import's batches look their slugs up in one query each and number on from each other (${kind})`, async () => {
  // Three headlines, repeated within and across batches of three.
  const [a, b, c] = ['晴隆县新建乡村公路二十公里', '册亨县举办布依族文化节', '望谟县开展防汛演练']
  const files = archiveOf([a, a, b, a, c, b, a].map((h) => h!))
  // The slug look-ups the import asks of the database adapter (inside each batch's transaction).
  const db = desk.payload.db
  const queryDrafts = db.queryDrafts
  const lookups: unknown[] = []
  db.queryDrafts = ((args: Parameters<typeof queryDrafts>[0]) => {
    if (JSON.stringify(args.where ?? {}).includes('version.slug')) lookups.push(args.where)
    return queryDrafts.call(db, args)
  }) as typeof queryDrafts
  const { summary } = await importArchive(desk.payload, files, { publish: false, batchSize: 3 }).finally(() => {
    db.queryDrafts = queryDrafts
  })
  expect(summary).toMatchObject({ created: 7, failed: 0 })
  const { docs } = await desk.payload.find({
    collection: 'articles',
    where: { importKey: { in: files.map((f) => importKeyOf(readFileSync(f, 'utf8'))) } },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user: desk.editor.user,
  })
  const slugByKey = new Map(docs.map((d) => [(d as { importKey?: string }).importKey, (d as { slug?: string }).slug]))
  const [sa, sb, sc] = [slugify(a!), slugify(b!), slugify(c!)]
  expect(files.map((f) => slugByKey.get(importKeyOf(readFileSync(f, 'utf8'))))).toEqual([
    sa,
    `${sa}-2`,
    sb,
    `${sa}-3`,
    sc,
    `${sb}-2`,
    `${sa}-4`,
  ])
  // One look-up per batch, not one per story (and none again for a headline an earlier batch numbered).
  expect(lookups).toHaveLength(3)
})

test('an import whose headline a saved story already holds still gets the next free slug', async () => {
  const headline = '兴义市开展消防安全大检查'
  const saved = [await writeStory(desk, { title: headline }), await writeStory(desk, { title: headline })]
  const base = slugify(headline)
  expect(await Promise.all(saved.map(slugOf))).toEqual([base, `${base}-2`])
  const files = archiveOf([headline, headline, headline])
  // A slug wrongly looked up as free would still end well — the unique index refuses the batch, which is then
  // saved story by story — so the test also asks that no batch had to be written again.
  const logger = desk.payload.logger
  const warn = logger.warn
  const rewritten: unknown[] = []
  logger.warn = ((...args: unknown[]) => {
    if (JSON.stringify(args).includes('failed as a whole')) rewritten.push(args)
    return (warn as (...a: unknown[]) => void).apply(logger, args)
  }) as typeof warn
  const { summary } = await importArchive(desk.payload, files, { publish: false, batchSize: 2 }).finally(() => {
    logger.warn = warn
  })
  expect(summary).toMatchObject({ created: 3, failed: 0 })
  expect(rewritten).toEqual([])
  const { docs } = await desk.payload.find({
    collection: 'articles',
    where: { title: { equals: headline } },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user: desk.editor.user,
  })
  expect(docs.map((d) => (d as { slug?: string }).slug).sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].sort())
})
