/**
 * Seeds a benchmark database (SQLite file from DATABASE_URI, migrated by the suite's config): Guizhou regions,
 * sections, authors, a few photos with sharp renditions, then COUNT published articles built from the
 * founding story's paragraphs (after the house-style fixer) in varied order, with datelines, credits,
 * sections, regions and hero images. Articles are bulk-inserted through Payload's database adapter in
 * transactions with the render (datelineText, bylineText, html, plainText) and the lint already done by the
 * suite's own renderer and rules — what a save would have stored.
 *   node --import tsx tests/bench/seed.ts COUNT [--versions]   (env from support.payloadEnv)
 * Prints `RESULT {json}`: ids, slugs to query, timings.
 */
import type { PayloadRequest } from 'payload'

import { randomBytes } from 'node:crypto'
import { getPayload } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import {
  type Block,
  blocksToLexical,
  type Credit,
  type CreditRole,
  lintStory,
  type RenderedMedia,
  renderStory,
} from '../../plugins/house-style'
import { standInImage } from '../../src/seed/stand-in-image'
import { AUTHOR_NAMES, CREDIT_ROLES, foundingParts, isoDay, pick, prng, REGIONS, SECTIONS, variantBlocks, variantHeadline } from './support'

export interface SeedResult {
  articles: number
  published: number
  seconds: number
  articlesPerSecond: number
  slugs: string[]
  regionIds: (string | number)[]
  sectionIds: (string | number)[]
  authorIds: (string | number)[]
  mediaIds: (string | number)[]
}

const BATCH = 250

async function main() {
  // Module loading under tsx holds no handle: without this the event loop can drain and exit 0 mid-import.
  setInterval(() => undefined, 1000)
  const count = Number(process.argv[2] ?? 1000)
  // `--versions`: also the version row of each story (the scaling stage's review queue reads them; twice the writes).
  const withVersions = process.argv.includes('--versions')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  console.log('BOOTED')
  const started = performance.now()

  const regionIds: (string | number)[] = []
  const regionShort = new Map<string, string>()
  for (const region of REGIONS) {
    const parent = region.level === 'province' ? undefined : region.level === 'prefecture' ? regionIds[0] : regionIds[2]
    const doc = await payload.create({ collection: 'regions', data: { ...region, parent } })
    regionIds.push(doc.id)
    regionShort.set(String(doc.id), region.shortName)
  }
  const sectionIds: (string | number)[] = []
  for (const section of SECTIONS) {
    const parent = section.slug === 'dang-jian' ? sectionIds[0] : undefined
    sectionIds.push((await payload.create({ collection: 'sections', data: { ...section, parent } })).id)
  }
  const authorIds: (string | number)[] = []
  const authorName = new Map<string, string>()
  for (const [i, name] of AUTHOR_NAMES.entries()) {
    const doc = await payload.create({ collection: 'authors', data: { name, roles: [CREDIT_ROLES[i % CREDIT_ROLES.length]] } })
    authorIds.push(doc.id)
    authorName.set(String(doc.id), name)
  }
  const image = await standInImage()
  const mediaIds: (string | number)[] = []
  const media = new Map<string, RenderedMedia>()
  for (let i = 0; i < 4; i++) {
    const doc = await payload.create({
      collection: 'media',
      data: { alt: `黔西南基层党建现场 ${i + 1}`, caption: '兴仁县基层党组织活动现场', credit: AUTHOR_NAMES[2] },
      file: { data: image, mimetype: 'image/jpeg', name: `bench-${i + 1}.jpg`, size: image.length },
    })
    mediaIds.push(doc.id)
    const d = doc as unknown as Record<string, unknown>
    media.set(String(doc.id), {
      url: String(d.url ?? ''),
      alt: String(d.alt ?? ''),
      width: (d.width as number) ?? null,
      height: (d.height as number) ?? null,
      caption: (d.caption as string) ?? null,
      credit: (d.credit as string) ?? null,
    })
  }
  const setupSeconds = (performance.now() - started) / 1000

  const parts = foundingParts()
  const random = prng(20261126)
  const sqlite = (payload.db as unknown as { client?: { execute(sql: string): Promise<unknown> } }).client
  const fields = new Set(payload.collections.articles.config.flattenedFields.map((f) => f.name))
  const slugs: string[] = []
  let published = 0
  const insertStarted = performance.now()
  for (let offset = 0; offset < count; offset += BATCH) {
    // The SQLite adapter runs without transactions unless configured (every statement commits, and syncs,
    // on its own). The seed is sequential on one connection, so one BEGIN … COMMIT per batch is safe here.
    // On PostgreSQL (no client to send BEGIN to): Payload's own transaction, one per batch.
    const transactionID = sqlite ? await sqlite.execute('BEGIN').then(() => undefined) : await payload.db.beginTransaction()
    const req = { payload, ...(transactionID ? { transactionID } : {}) } as unknown as PayloadRequest
    for (let i = offset; i < Math.min(count, offset + BATCH); i++) {
      const regionId = pick(regionIds.slice(3), random)
      const place = regionShort.get(String(regionId))!
      const title = variantHeadline(i, place, random)
      const slug = `bench-${i + 1}`
      const heroImage = pick(mediaIds, random)
      const blocks: Block[] = variantBlocks(parts, random)
      if (random() < 0.5) blocks.push({ type: 'image', src: `media:${pick(mediaIds, random)}` })
      const body = blocksToLexical(blocks, (src) => (src.startsWith('media:') ? mediaIds.find((id) => `media:${id}` === src) : undefined))
      const creditRows: { author: string | number; role: CreditRole }[] = []
      const n = 1 + Math.floor(random() * 3)
      for (let k = 0; k < n; k++) {
        const author = pick(authorIds, random)
        if (!creditRows.some((c) => c.author === author))
          creditRows.push({ author, role: k === 0 ? 'reporter' : pick(CREDIT_ROLES, random) })
      }
      const credits: Credit[] = creditRows.map((c) => ({ name: authorName.get(String(c.author))!, role: c.role }))
      const date = isoDay(i)
      const dateline = { outlet: '亮点黔西南', place, date, kind: '讯' as const }
      const rendered = renderStory(
        { body: body, dateline, credits },
        { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai', media },
      )
      const findings = lintStory(
        { title, dateline, credits, body: blocks.filter((b) => b.type !== 'image') },
        { houseScript: 'zh-Hans', datelinePreset: 'outlet-xun' },
      )
      const isPublished = i % 20 !== 19 // one in twenty stays a draft (invisible to the public)
      if (isPublished) published++
      const at = new Date(Date.parse(`${date}T08:00:00Z`) + (i % 600) * 1000).toISOString()
      const data: Record<string, unknown> = {
        title,
        slug,
        dek: parts.paragraphs[0]!.slice(0, 60),
        body,
        section: pick(sectionIds, random),
        region: regionId,
        heroImage,
        tags: ['基层党建', place],
        publishedAt: isPublished ? at : null,
        _status: isPublished ? 'published' : 'draft',
        dateline: { outlet: dateline.outlet, place: regionId, date, kind: 'xun' },
        credits: creditRows.map((c) => ({ ...c, id: randomBytes(12).toString('hex') })),
        ...rendered,
        styleFindings: findings,
        styleErrorCount: findings.filter((f) => f.severity === 'error').length,
        createdAt: at,
        updatedAt: at,
      }
      // Of the drafts, every other one waits in the review queue.
      if (fields.has('stage')) data.stage = isPublished ? 'published' : i % 40 === 19 ? 'submitted' : 'draft'
      if (fields.has('workflowSequence')) data.workflowSequence = 0
      const doc = await payload.db.create({ collection: 'articles', data, req })
      // Its version row, as a save writes it: the admin's lists (and the review queue) read the versions table.
      if (withVersions)
        await payload.db.createVersion({
          collectionSlug: 'articles',
          parent: doc.id,
          versionData: data,
          autosave: false,
          createdAt: at,
          updatedAt: at,
          req,
          returning: false,
        })
      if (isPublished && slugs.length < 200 && i % 7 === 0) slugs.push(slug)
    }
    if (sqlite) await sqlite.execute('COMMIT')
    else if (transactionID) await payload.db.commitTransaction(transactionID)
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000
  // PostgreSQL plans from table statistics, which autovacuum gathers within a minute of a bulk insert; readers
  // right after the seed would otherwise meet plans made for empty tables (every story's credits joined before
  // the LIMIT). Gathered here, not timed.
  if (!sqlite) await (payload.db as unknown as { drizzle: { execute(q: unknown): Promise<unknown> } }).drizzle.execute(sql`analyze`)
  const result: SeedResult & { setupSeconds: number } = {
    articles: count,
    published,
    seconds: Number(insertSeconds.toFixed(2)),
    setupSeconds: Number(setupSeconds.toFixed(2)),
    articlesPerSecond: Math.round(count / insertSeconds),
    slugs,
    regionIds,
    sectionIds,
    authorIds,
    mediaIds,
  }
  console.log(`RESULT ${JSON.stringify(result)}`)
  await payload.destroy()
  process.exit(0)
}

void main().catch((error) => {
  console.error(error)
  process.exit(1)
})
