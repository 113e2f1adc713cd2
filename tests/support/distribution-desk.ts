/**
 * The desk the distribution tests run against: real users (reporter, editor, admin) with tokens, a section and
 * a region tree, stories published / corrected / unpublished / retracted through the editorial workflow's own
 * actions, channels created over REST as an admin, and a jobs loop that runs the distribution queue the way
 * the server's runner does.
 */
import type { Payload } from 'payload'

import { takeWorkflowAction } from '../../plugins/editorial-workflow'
import { closeDesk, writeDraftAs } from './desk'
import { createDeskUser, tokenFor } from './desk-users'
import { rest } from './http'
import { lexical } from './lexical'
import { bootDesk, type TestDesk } from './payload'

type Id = string | number
type Doc = Record<string, any>

export interface DistributionDesk {
  desk: TestDesk
  payload: Payload
  reporter: { user: Doc; authorId: Id; token: string }
  editor: { user: Doc; authorId: Id; token: string }
  admin: { user: Doc; authorId: Id; token: string }
  sections: { news: Doc; county: Doc; sport: Doc }
  regions: { guizhou: Doc; qxn: Doc; xingren: Doc; guiyang: Doc }
}

async function member(payload: Payload, role: 'reporter' | 'editor' | 'admin', name: string) {
  const { user, author } = await createDeskUser(payload, role, name)
  return { user: user as Doc, authorId: author.id as Id, token: await tokenFor(payload, (user as Doc).email) }
}

export async function bootDistributionDesk(): Promise<DistributionDesk> {
  const desk = await bootDesk()
  const payload = desk.payload
  const create = (collection: string, data: Doc) => payload.create({ collection: collection, data: data }) as Promise<Doc>
  const news = await create('sections', { name: '新闻', slug: 'xinwen' })
  const county = await create('sections', { name: '县域', slug: 'xianyu', parent: news.id })
  const sport = await create('sections', { name: '体育', slug: 'tiyu' })
  const guizhou = await create('regions', { name: '贵州省', shortName: '贵州', slug: 'guizhou', level: 'province', code: '520000' })
  const qxn = await create('regions', {
    name: '黔西南布依族苗族自治州',
    shortName: '黔西南',
    slug: 'qianxinan',
    level: 'prefecture',
    code: '522300',
    parent: guizhou.id,
  })
  const xingren = await create('regions', {
    name: '兴仁市',
    shortName: '兴仁',
    slug: 'xingren',
    level: 'county',
    code: '522322',
    parent: qxn.id,
  })
  const guiyang = await create('regions', {
    name: '贵阳市',
    shortName: '贵阳',
    slug: 'guiyang',
    level: 'prefecture',
    code: '520100',
    parent: guizhou.id,
  })
  return {
    desk,
    payload,
    reporter: await member(payload, 'reporter', `reporter-${Math.random().toString(36).slice(2, 6)}`),
    editor: await member(payload, 'editor', `editor-${Math.random().toString(36).slice(2, 6)}`),
    admin: await member(payload, 'admin', `admin-${Math.random().toString(36).slice(2, 6)}`),
    sections: { news, county, sport },
    regions: { guizhou, qxn, xingren, guiyang },
  }
}

export const closeDistributionDesk = (d: DistributionDesk | undefined) => closeDesk(d?.desk)

export { lexical }

/** A draft story by the desk's editor, in house style (dateline and credit as data). */
export const writeStory = (d: DistributionDesk, overrides: Doc = {}): Promise<Id> =>
  writeDraftAs(d.payload, d.editor.user, {
    dateline: { outlet: '亮点黔西南', place: d.regions.xingren.id, kind: 'xun' },
    credits: [{ author: d.reporter.authorId, role: 'reporter' }],
    section: d.sections.county.id,
    region: d.regions.xingren.id,
    ...overrides,
  })

export const act = (d: DistributionDesk, id: Id, action: string, note?: string) =>
  takeWorkflowAction(d.payload, { user: d.editor.user as never, id, action, ...(note ? { note } : {}) })

export async function publishStory(d: DistributionDesk, overrides: Doc = {}): Promise<Id> {
  const id = await writeStory(d, overrides)
  await act(d, id, 'publish')
  return id
}

/** Switches these channels off (and forgets them), so a later test's stories do not reach them. */
export async function switchOffChannels(d: DistributionDesk, ids: unknown[]): Promise<void> {
  for (const id of ids.splice(0)) await d.payload.update({ collection: 'channels', id: id as Id, data: { enabled: false } })
}

/** Creates a channel over REST as the admin; returns the response body's doc. */
export async function createChannel(d: DistributionDesk, data: Doc): Promise<Doc> {
  const res = await rest('POST', '/channels', { token: d.admin.token, body: { enabled: true, ...data } })
  if (res.status !== 201) throw new Error(`channel create failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

export async function deliveriesOf(d: DistributionDesk, storyId?: Id): Promise<Doc[]> {
  const { docs } = await d.payload.find({
    collection: 'deliveries',
    ...(storyId !== undefined ? { where: { article: { equals: storyId } } } : {}),
    sort: 'createdAt',
    limit: 0,
    depth: 0,
    pagination: false,
    showHiddenFields: true,
  })
  return docs as Doc[]
}

/** A delivery's attempt log, first attempt first. */
export async function attemptsOf(d: DistributionDesk, deliveryId: unknown): Promise<Doc[]> {
  const { docs } = await d.payload.find({
    collection: 'delivery-attempts',
    where: { delivery: { equals: deliveryId } },
    sort: 'number',
    depth: 0,
    pagination: false,
  })
  return docs as Doc[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs the distribution queue (as the server's runner does) until no delivery is pending or retrying. */
export async function drainDeliveries(d: DistributionDesk, { timeoutMs = 30_000, intervalMs = 20 } = {}): Promise<Doc[]> {
  const until = Date.now() + timeoutMs
  for (;;) {
    await d.payload.jobs.run({ queue: 'distribution', limit: 100, silent: true })
    const open = await d.payload.count({ collection: 'deliveries', where: { state: { in: ['pending', 'retrying'] } } })
    if (open.totalDocs === 0) return deliveriesOf(d)
    if (Date.now() > until)
      throw new Error(
        `deliveries still open after ${timeoutMs} ms: ${JSON.stringify((await deliveriesOf(d)).filter((x) => x.state === 'pending' || x.state === 'retrying').map((x) => [x.id, x.state, x.attempts, x.lastError, x.nextAttemptAt]))}`,
      )
    await sleep(intervalMs)
  }
}

export const SECRET = `whsec_${Buffer.from('newsroom-test-secret-0123456789ab').toString('base64')}`
