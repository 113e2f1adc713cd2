/**
 * One public origin, and every link resolves: a story with a hero picture is published while the built server
 * runs (its job runner delivers it to a webhook and a WeChat account); every URL in RSS, Atom, JSON Feed, the
 * news sitemap, the NINJS the webhook received and the WeChat draft is collected with real parsers, and each
 * must be on the server's public origin (NEWSROOM_PUBLIC_URL) and answer 200 from the running app.
 */
import { parseDocument } from 'htmlparser2'
import { XMLParser } from 'fast-xml-parser'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  // On SQLite, a database file both processes can open; the server shares this file's data folder (media).
  if (!process.env.TEST_DATABASE_URI) process.env.DATABASE_URI = `file:${process.env.NEWSROOM_DATA_DIR}/shared.db`
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
})

import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat'
import { startApp, type RunningApp } from '../support/server'
import { until } from '../support/wait'
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver'
import { publicOriginEnv } from '../support/free-port'
import type * as DistributionDeskModule from '../support/distribution-desk'
import type { DistributionDesk } from '../support/distribution-desk'

const TITLE = '兴仁县乡村学校开学'

let d: DistributionDesk
// Loaded after the public origin is chosen: this process writes the stories and queues their deliveries (NINJS,
// WeChat) with the links its config builds, so it must name the same origin as the server.
let desk: typeof DistributionDeskModule
let app: RunningApp
let receiver: WebhookReceiver
let wechat: FakeWeChat

beforeAll(async () => {
  const origin = await publicOriginEnv()
  Object.assign(process.env, origin)
  desk = await import('../support/distribution-desk')
  d = await desk.bootDistributionDesk()
  receiver = await startWebhookReceiver({ secret: desk.SECRET })
  wechat = await startFakeWeChat()
  app = await startApp(
    {
      ...origin,
      NEWSROOM_SEED: 'false',
      NEWSROOM_DATA_DIR: process.env.NEWSROOM_DATA_DIR!,
      NEWSROOM_JOBS_INTERVAL_MS: '200',
      NEWSROOM_DELIVERY_BACKOFF_MS: '200',
      NEWSROOM_WECHAT_POLL_INTERVAL_MS: '50',
    },
    { databaseUri: process.env.DATABASE_URI! },
  )
}, 180_000)

afterAll(async () => {
  await app?.stop('SIGKILL').catch(() => undefined)
  await wechat?.close()
  try {
    await receiver?.close()
  } finally {
    await desk?.closeDistributionDesk(d)
  }
}, 120_000)

/** Keys whose values name a specification or an XML namespace, not a page of the site. */
const NOT_LINKS = /^(@_xmlns(:.*)?|@_xsi:schemaLocation|version|schema|\$schema|docs)$/
/** Keys whose values are links even when they are not absolute (a relative one is a bug this test reports). */
const LINK_KEYS =
  /^(@_)?(href|src|link|loc|uri|url|external_url|content_source_url|image|banner_image|icon|favicon|home_page_url|feed_url|guid|id|image:loc|thumb_url)$/

/** Every URL in a parsed document: absolute http(s) strings, link-named keys, and href/src in embedded HTML. */
function collectUrls(node: unknown, into: Set<string>, key = ''): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectUrls(item, into, key)
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collectUrls(v, into, k)
  else if (typeof node === 'string' && !NOT_LINKS.test(key)) {
    const value = node.trim()
    if (/<[a-z][^>]*>/i.test(value)) for (const url of htmlLinks(value)) into.add(url)
    else if (/^https?:\/\//i.test(value)) into.add(value)
    // An id/guid may be a URN (urn:uuid:…): a name, not a link.
    else if (LINK_KEYS.test(key) && value && !/^(urn|tag):/i.test(value) && !['id', 'guid', '@_id'].includes(key)) into.add(value)
  }
  return into
}

function htmlLinks(html: string): string[] {
  const urls: string[] = []
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      for (const attribute of ['href', 'src', 'data-src', 'poster']) if (n.attribs?.[attribute]) urls.push(n.attribs[attribute])
      if (n.attribs?.srcset) for (const candidate of String(n.attribs.srcset).split(',')) urls.push(candidate.trim().split(/\s+/)[0]!)
      if (n.children) walk(n.children)
    }
  }
  walk(parseDocument(html).children)
  return urls
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true })

async function fetched(path: string): Promise<string> {
  const res = await fetch(`${app.url}${path}`)
  expect(res.status, path).toBe(200)
  return res.text()
}

test('every URL in RSS, Atom, JSON Feed, the news sitemap, NINJS and the WeChat article is on the public origin and answers 200', async () => {
  const { createChannel, deliveriesOf, publishStory, SECRET } = desk
  await createChannel(d, { name: '合作网站', type: 'webhook', url: receiver.url, secret: SECRET })
  await createChannel(d, {
    name: '亮点黔西南公众号',
    type: 'wechat',
    appId: wechat.appId,
    appSecret: wechat.appSecret,
    apiBase: wechat.url,
  })
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer()
  const hero = await d.payload.create({
    collection: 'media',
    data: { alt: '兴仁县城全景', caption: '兴仁县城', credit: '亮点黔西南' },
    file: { data: bytes, mimetype: 'image/jpeg', name: 'xingren.jpg', size: bytes.length },
  })
  const id = await publishStory(d, { title: TITLE, heroImage: hero.id })
  const deliveries = await until(
    'both deliveries',
    async () => {
      const rows = await deliveriesOf(d, id)
      return rows.length === 2 && rows.every((row) => row.state === 'success') ? rows : false
    },
    { timeout: 90_000 },
  )
  expect(deliveries).toHaveLength(2)
  await until('the story in the feed', async () => (await fetched('/feeds/rss.xml')).includes(TITLE))

  const sources: Record<string, unknown> = {
    RSS: xml.parse(await fetched('/feeds/rss.xml')),
    Atom: xml.parse(await fetched('/feeds/atom.xml')),
    'JSON Feed': JSON.parse(await fetched('/feeds/feed.json')),
    'news sitemap': xml.parse(await fetched('/sitemaps/news.xml')),
    NINJS: receiver.processed.map((p) => (p.payload as { data: unknown }).data),
    'WeChat draft': [...wechat.state.drafts.values()].flatMap((draft) => draft.articles),
  }
  const origin = new URL(app.url).origin
  const bad: string[] = []
  let checked = 0
  for (const [source, parsed] of Object.entries(sources)) {
    const urls = collectUrls(parsed, new Set())
    // The story itself is in every output: an output with no link to check would be a broken collector.
    expect(urls.size, `${source} has links`).toBeGreaterThan(0)
    for (const url of urls) {
      checked++
      const absolute = /^https?:\/\//i.test(url) ? new URL(url) : null
      if (!absolute || absolute.origin !== origin) {
        bad.push(`${source}: ${url} (not on ${origin})`)
        continue
      }
      const res = await fetch(absolute, { redirect: 'manual' })
      await res.arrayBuffer()
      if (res.status !== 200) bad.push(`${source}: ${url} → ${res.status}`)
    }
  }
  console.log(`checked ${checked} links from ${Object.keys(sources).length} outputs on ${origin}`)
  expect(bad).toEqual([])
  expect(receiver.violations).toEqual([])
}, 240_000)
