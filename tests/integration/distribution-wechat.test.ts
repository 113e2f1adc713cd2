/**
 * A WeChat Official Account channel against a local fake of the API: a published story becomes a draft
 * (cover from the hero picture) and a free publish whose outcome is polled; an attempt that ends while WeChat
 * is still publishing resumes by polling, never by submitting twice; a retraction deletes the post; edits are
 * recorded as not sendable; a wrong appsecret fails without showing it.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

vi.hoisted(() => {
  process.env.NEWSROOM_DELIVERY_IMMEDIATE = 'false'
  process.env.NEWSROOM_DELIVERY_BACKOFF_MS = '20'
  process.env.NEWSROOM_WECHAT_POLL_INTERVAL_MS = '10'
  process.env.NEWSROOM_WECHAT_MAX_POLLS = '2'
})

import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat'
import {
  act,
  bootDistributionDesk,
  closeDistributionDesk,
  createChannel,
  deliveriesOf,
  drainDeliveries,
  publishStory,
  type DistributionDesk,
  switchOffChannels,
} from '../support/distribution-desk'

let d: DistributionDesk
let fake: FakeWeChat
let heroId: unknown
const channels: unknown[] = []

beforeAll(async () => {
  d = await bootDistributionDesk()
  fake = await startFakeWeChat({ publishingPolls: 3 })
  const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer()
  const hero = await d.payload.create({
    collection: 'media',
    data: { alt: '兴仁县城全景', caption: '兴仁县城', credit: '亮点黔西南' },
    file: { data: bytes, mimetype: 'image/jpeg', name: 'xingren.jpg', size: bytes.length },
  })
  heroId = hero.id
})
afterAll(async () => {
  await fake?.close()
  await closeDistributionDesk(d)
})

async function wechatChannel(extra: Record<string, unknown> = {}) {
  await switchOffChannels(d, channels)
  const channel = await createChannel(d, {
    name: '亮点黔西南公众号',
    type: 'wechat',
    appId: fake.appId,
    appSecret: fake.appSecret,
    apiBase: fake.url,
    ...extra,
  })
  channels.push(channel.id)
  return channel
}

describe('WeChat channel', () => {
  test('publish: draft with the house-style body and cover, one submit, polled until live; the post URL is recorded', async () => {
    await wechatChannel()
    const id = await publishStory(d, { title: '兴仁县乡村学校开学', heroImage: heroId })
    await drainDeliveries(d)
    const [delivery] = await deliveriesOf(d, id)
    // publishingPolls 3 > maxPolls 2: the first attempt ends "still publishing", the second only polls.
    expect(delivery).toMatchObject({ event: 'published', state: 'success', attempts: 2 })
    expect(delivery!.externalUrl).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\//)
    expect(delivery!.externalId).toMatch(/^fake_article_/)
    expect(delivery!.resume ?? null).toBeNull()
    expect(fake.callsTo('/cgi-bin/freepublish/submit')).toHaveLength(1)
    expect(fake.callsTo('/cgi-bin/material/add_material')).toHaveLength(1)
    const [draft] = [...fake.state.drafts.values()]
    const article = draft!.articles[0] as Record<string, string>
    expect(article.title).toBe('兴仁县乡村学校开学')
    expect(article.content).toContain('亮点黔西南兴仁讯')
    expect(article.author).toMatch(/^reporter-/)
    expect(article.content_source_url).toMatch(/\/news\//)
  })

  test('an edit cannot be sent to WeChat (no API): recorded as skipped with the reason; retraction deletes the post', async () => {
    await wechatChannel()
    const id = await publishStory(d, { title: '兴仁县修通乡村公路', heroImage: heroId })
    await drainDeliveries(d)
    await act(d, id, 'correct', '公路长度应为十二公里。')
    await drainDeliveries(d)
    await act(d, id, 'retract', '消息来源不实')
    await drainDeliveries(d)
    const rows = await deliveriesOf(d, id)
    expect(rows.map((r) => [r.event, r.state])).toEqual([
      ['published', 'success'],
      ['corrected', 'skipped'],
      ['retracted', 'success'],
    ])
    expect(rows[1]!.note).toMatch(/cannot be edited/)
    expect(rows[1]!.deliveredAt ?? null).toBeNull()
    const deletes = fake.callsTo('/cgi-bin/freepublish/delete')
    expect(deletes.at(-1)!.json).toEqual({ article_id: rows[0]!.externalId, index: 0 })
    expect([...fake.state.publishes.values()].find((p) => p.articleId === rows[0]!.externalId)!.deleted).toBe(true)
  })

  test('a zh-Hant-HK account gets the draft in Hong Kong traditional script; the author name can be fixed per channel (in that script too)', async () => {
    await wechatChannel({ script: 'zh-Hant-HK', authorName: '本报记者' })
    await publishStory(d, { title: '兴仁县发展乡村经济', heroImage: heroId })
    await drainDeliveries(d)
    const article = [...fake.state.drafts.values()].at(-1)!.articles[0] as Record<string, string>
    expect(article.title).toBe('興仁縣發展鄉村經濟')
    // The channel's author name is converted with the rest of the post.
    expect(article.author).toBe('本報記者')
  })

  test('a wrong appsecret fails the delivery without retrying, and the error never shows the secret', async () => {
    await wechatChannel({ appSecret: 'wrong_secret_abcdef0123456789' })
    const id = await publishStory(d, { heroImage: heroId })
    await drainDeliveries(d)
    const [delivery] = await deliveriesOf(d, id)
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1 })
    expect(delivery!.lastError).toMatch(/40125/)
    expect(JSON.stringify(delivery)).not.toContain('wrong_secret_abcdef0123456789')
  })
})
