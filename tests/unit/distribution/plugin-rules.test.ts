/**
 * The distribution plugin's own rules, without a database: which save is which event, when to retry, what a
 * delivery may skip or must wait for, which paths are feeds, and the plugin's shape (append, never replace;
 * `disabled` keeps the schema).
 */
import { describe, expect, test } from 'vitest'
import { publicUrl } from '../../../src/env'

import { distributionPlugin, parseFeedPath, retryDelayMs } from '../../../plugins/distribution'
import { checkWebhookSecret, generateWebhookSecret } from '../../../plugins/distribution/src/channels/secrets'
import { detectEvent, eventOfSave, eventOfTransition } from '../../../plugins/distribution/src/events/detect-event'
import { storyKey, workflowState } from '../../../plugins/editorial-workflow/src/request-state'
import { olderStillPending, reasonToSkip } from '../../../plugins/distribution/src/jobs/deliver-task'
import type { DeliveryDoc, StreamRow } from '../../../plugins/distribution/src/jobs/delivery-store'
import { summaryOf } from '../../../plugins/distribution/src/story/published-article'

const state = (isPublic: boolean, stage: string | null = null, corrections = 0) => ({ isPublic, stage, corrections })

describe('publication events from the public state before and after a save', () => {
  test.each([
    ['a first publish', null, state(true, 'published'), 'published'],
    ['publishing a draft', state(false, 'approved'), state(true, 'published'), 'published'],
    ['republishing after an unpublish', state(false, 'unpublished'), state(true, 'published'), 'published'],
    ['saving a live story again', state(true, 'published'), state(true, 'published'), 'maybe-updated'],
    ['a correction', state(true, 'published', 0), state(true, 'corrected', 1), 'corrected'],
    ['an unpublish', state(true, 'published'), state(false, 'unpublished'), 'unpublished'],
    ['an unpublish without a workflow', state(true), state(false), 'unpublished'],
    ['a retraction of a live story', state(true, 'corrected', 1), state(false, 'retracted', 1), 'retracted'],
    ['a retraction of an unpublished story', state(false, 'unpublished'), state(false, 'retracted'), 'retracted'],
    ['saving a draft that never went out', state(false, 'draft'), state(false, 'submitted'), null],
    ['saving a retracted story', state(false, 'retracted'), state(false, 'retracted'), null],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(detectEvent(before, after)).toBe(expected)
  })
})

describe('publication events from the transition the workflow applied', () => {
  test.each([
    [['publish'], 'published'],
    [['approve', 'publish'], 'published'],
    [['correct'], 'corrected'],
    [['unpublish'], 'unpublished'],
    [['retract'], 'retracted'],
    [['update'], 'maybe-updated'],
    [['submit'], null],
    [['approve'], null],
    [['schedule'], null],
    [['requestChanges'], null],
  ] as const)('%j → %s', (actions, expected) => {
    expect(eventOfTransition({ actions: [...actions] })).toBe(expected)
  })

  const reqWith = (actions?: ('publish' | 'correct' | 'retract' | 'update')[]) => {
    const req = { context: {} } as never
    if (actions)
      workflowState(req).applied[storyKey('articles', 7)] = {
        actions,
        from: 'published',
        to: 'published',
        note: null,
        publishAt: null,
        actorId: null,
      }
    return req
  }
  const live = { _status: 'published', stage: 'published', corrections: [] }

  test('the workflow’s transition decides when the save carried one, whatever the fields say', () => {
    // A correction the fields would not show (no new corrections entry) is still a correction.
    expect(eventOfSave(reqWith(['correct']), { collection: 'articles', id: 7, before: state(true, 'published'), after: live })).toBe(
      'corrected',
    )
    expect(eventOfSave(reqWith(['update']), { collection: 'articles', id: 7, before: state(true, 'published'), after: live })).toBe(
      'maybe-updated',
    )
    // Another story's transition is not this one's.
    expect(eventOfSave(reqWith(['retract']), { collection: 'articles', id: 8, before: state(true, 'published'), after: live })).toBe(
      'maybe-updated',
    )
  })

  test('without the workflow (no transition in the request) the event is inferred from the fields', () => {
    expect(eventOfSave(reqWith(), { collection: 'articles', id: 7, before: null, after: live })).toBe('published')
    expect(eventOfSave(reqWith(), { collection: 'articles', id: 7, before: state(true), after: { _status: 'draft' } })).toBe('unpublished')
    expect(
      eventOfSave({} as never, {
        collection: 'articles',
        id: 7,
        before: state(true, 'published', 0),
        after: { ...live, corrections: [{ note: 'x' }] },
      }),
    ).toBe('corrected')
  })
})

describe('retry backoff', () => {
  const mid = () => 0.5
  test('doubles from the base, the first retry within seconds, capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, { baseMs: 2000, capMs: 600_000, random: mid }))).toEqual([2000, 4000, 8000, 16000])
    expect(retryDelayMs(12, { baseMs: 2000, capMs: 600_000, random: mid })).toBe(600_000)
  })
  test('jitter stays within ±10 %; a receiver asking for longer (Retry-After) gets it, still capped', () => {
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 60_000, random: () => 0 })).toBe(900)
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 60_000, random: () => 0.999 })).toBeLessThanOrEqual(1100)
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 60_000, retryAfterMs: 30_000, random: mid })).toBe(30_000)
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 60_000, retryAfterMs: 3_600_000, random: mid })).toBe(60_000)
  })
})

describe('what a delivery may skip, and what it must wait for', () => {
  const row = (version: number, event: StreamRow['event'], state: StreamRow['state'], contentHash = 'h1'): StreamRow => ({
    id: version,
    version,
    event,
    state,
    contentHash,
    nextAttemptAt: null,
    externalId: null,
  })
  const delivery = (version: number, event: DeliveryDoc['event'], contentHash = 'h1') =>
    ({ id: version, version, event, contentHash, state: 'pending' }) as DeliveryDoc

  test('content the channel already has (same hash, same kind of event) is skipped', () => {
    expect(reasonToSkip([row(1, 'published', 'success'), row(3, 'updated', 'pending')], delivery(3, 'updated'))).toMatch(
      /unchanged since version 1/,
    )
    expect(reasonToSkip([row(1, 'published', 'success'), row(2, 'published', 'pending')], delivery(2, 'published'))).toMatch(/unchanged/)
    expect(reasonToSkip([row(1, 'published', 'success', 'h0')], delivery(2, 'updated', 'h1'))).toBeNull()
  })
  test('a republish after a withdrawal is sent even when the text is the same', () => {
    expect(
      reasonToSkip(
        [row(1, 'published', 'success'), row(2, 'unpublished', 'success'), row(3, 'published', 'pending')],
        delivery(3, 'published'),
      ),
    ).toBeNull()
  })
  test('content that was withdrawn before it went out stands down', () => {
    expect(reasonToSkip([row(1, 'published', 'pending'), row(2, 'retracted', 'pending')], delivery(1, 'published'))).toMatch(
      /superseded: the story was retracted/,
    )
  })
  test('a repeated withdrawal is skipped', () => {
    expect(
      reasonToSkip(
        [row(1, 'published', 'success'), row(2, 'unpublished', 'success'), row(3, 'unpublished', 'pending')],
        delivery(3, 'unpublished'),
      ),
    ).toMatch(/already unpublished/)
  })
  test('a delivery waits for older ones to the same channel, until just after their next attempt', () => {
    const next = new Date(Date.now() + 5000).toISOString()
    const wait = olderStillPending(
      [{ ...row(1, 'published', 'retrying'), nextAttemptAt: next }, row(2, 'retracted', 'pending')],
      delivery(2, 'retracted'),
    )
    expect(wait!.getTime()).toBe(Date.parse(next) + 500)
    expect(olderStillPending([row(1, 'published', 'failed'), row(2, 'updated', 'pending')], delivery(2, 'updated'))).toBeNull()
  })
})

describe('feed paths', () => {
  test.each([
    ['/feeds/rss.xml', { type: 'feed', format: 'rss', scope: { kind: 'all' } }],
    ['/api/feeds/atom.xml', { type: 'feed', format: 'atom', scope: { kind: 'all' } }],
    ['/feeds/sections/dang-jian/feed.json', { type: 'feed', format: 'json', scope: { kind: 'section', slug: 'dang-jian' } }],
    ['/feeds/regions/xingren/rss.xml', { type: 'feed', format: 'rss', scope: { kind: 'region', slug: 'xingren' } }],
    ['/feeds/channels/12/atom.xml', { type: 'feed', format: 'atom', scope: { kind: 'channel', id: '12' } }],
    ['/sitemaps/news.xml', { type: 'news-sitemap' }],
  ])('%s', (path, expected) => {
    expect(parseFeedPath(path)).toEqual(expected)
  })
  test.each(['/feeds/rss.json', '/feeds/sections/../rss.xml', '/feeds/sections//rss.xml', '/feedsx/rss.xml'])(
    '%s is not a feed',
    (path) => {
      expect(parseFeedPath(path)).toBeNull()
    },
  )
})

describe('webhook secrets', () => {
  test('a generated secret is whsec_ + 32 bytes and passes the check; malformed ones are refused without quoting them', () => {
    const secret = generateWebhookSecret()
    expect(checkWebhookSecret(secret)).toBe(true)
    const bad = checkWebhookSecret('whsec_short!!')
    expect(bad).toMatch(/^secret: /)
    expect(String(bad)).not.toContain('short!!')
    expect(checkWebhookSecret(`whsec_${Buffer.alloc(8).toString('base64')}`)).toMatch(/24 to 64 bytes/)
    expect(checkWebhookSecret('')).toBe(true)
  })
})

test('summary: the dek, else the lede without its dateline', () => {
  expect(summaryOf('副题', '亮点黔西南讯 正文', '亮点黔西南讯')).toBe('副题')
  expect(summaryOf(null, '亮点黔西南讯 兴仁县新建学校。\n第二段', '亮点黔西南讯')).toBe('兴仁县新建学校。')
})

describe('the plugin in Payload’s shape', () => {
  const base = {
    collections: [{ slug: 'articles', fields: [{ name: 'title', type: 'text' }], hooks: { afterChange: [() => undefined] } }],
    endpoints: [{ path: '/existing', method: 'get', handler: () => new Response('x') }],
    jobs: { tasks: [{ slug: 'existingTask', handler: () => ({ output: {} }) }] },
    // What house-style and the workflow leave behind: distribution is applied after them.
    custom: { houseStyle: {}, editorialWorkflow: {}, publicRoutes: [{ path: '/existing', handler: async () => new Response('x') }] },
  } as never

  test('appends collections, hooks, tasks, endpoints and public routes, never replacing what is there', () => {
    const config = distributionPlugin({ siteUrl: 'https://news.example.cn' })(base) as any
    expect(config.collections.map((c: any) => c.slug)).toEqual(['articles', 'channels', 'deliveries', 'delivery-attempts'])
    const articles = config.collections[0]
    expect(articles.hooks.afterChange).toHaveLength(2)
    expect(articles.fields.map((f: any) => f.name)).toEqual(['title', 'deliveries'])
    expect(config.jobs.tasks.map((t: any) => t.slug)).toEqual(['existingTask', 'deliverToChannel', 'recoverDeliveries'])
    expect(config.endpoints[0].path).toBe('/existing')
    expect(config.endpoints.map((e: any) => e.path)).toContain('/feeds/sections/:slug/rss.xml')
    expect(config.custom.publicRoutes[0].path).toBe('/existing')
    expect(config.custom.publicRoutes.map((r: any) => r.path)).toContain('/sitemaps/news.xml')
  })

  test('takes the public origin it is given (or the config serverURL), never a guessed port', () => {
    expect(() => distributionPlugin()(base)).toThrow(/siteUrl/)
    expect(() => distributionPlugin()({ ...(base as object), serverURL: 'https://cms.example.cn/' } as never)).not.toThrow()
    const prior = { PORT: process.env.PORT, NEWSROOM_PUBLIC_URL: process.env.NEWSROOM_PUBLIC_URL }
    try {
      delete process.env.NEWSROOM_PUBLIC_URL
      process.env.PORT = '40111'
      expect(publicUrl()).toBe('http://localhost:40111')
      process.env.NEWSROOM_PUBLIC_URL = 'https://news.example.cn/'
      expect(publicUrl()).toBe('https://news.example.cn')
    } finally {
      for (const [key, value] of Object.entries(prior))
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
    }
  })

  test('without house-style applied before it, the start stops with one line saying the order', () => {
    expect(() =>
      distributionPlugin({ siteUrl: 'https://news.example.cn' })({ ...(base as object), custom: { editorialWorkflow: {} } } as never),
    ).toThrow(
      'distributionPlugin needs houseStylePlugin applied before it: plugins: [houseStylePlugin(), editorialWorkflowPlugin(), distributionPlugin()]',
    )
  })

  test('works without the workflow: its transitions are used when it is there, events are inferred when not', () => {
    expect(() =>
      distributionPlugin({ siteUrl: 'https://news.example.cn' })({ ...(base as object), custom: { houseStyle: {} } } as never),
    ).not.toThrow()
  })

  test('disabled keeps collections, fields and task slugs (the schema) and drops hooks, endpoints and routes', () => {
    const config = distributionPlugin({ disabled: true, siteUrl: 'https://news.example.cn' })(base) as any
    expect(config.collections.map((c: any) => c.slug)).toEqual(['articles', 'channels', 'deliveries', 'delivery-attempts'])
    expect(config.collections[0].fields.map((f: any) => f.name)).toEqual(['title', 'deliveries'])
    expect(config.collections[0].hooks.afterChange).toHaveLength(1)
    expect(config.jobs.tasks.map((t: any) => t.slug)).toEqual(['existingTask', 'deliverToChannel', 'recoverDeliveries'])
    expect(config.endpoints).toHaveLength(1)
    expect(config.custom.publicRoutes).toHaveLength(1)
  })
})
