import { describe, expect, it } from 'vitest'
import { convertArticle } from '../../../plugins/distribution/src/formatters/convert'
import { NINJS_VERSIONS, toNinjs, type NinjsDocument } from '../../../plugins/distribution/src/channel-types/webhook/ninjs'
import { contentHash } from '../../../plugins/distribution/src/hash'
import { DELIVERY_EVENTS } from '../../../plugins/distribution/src/collections/deliveries'
import { ninjsErrors } from '../../support/ninjs-schemas'
import { makeImage, makePublishedArticle } from '../../support/published-article'

/** The 2.x body of a given content type. */
const body = (doc: NinjsDocument, type: string) => doc.bodies?.find((b) => b.contenttype === type)?.value

describe('NINJS against the official IPTC schemas', () => {
  const stories = {
    full: makePublishedArticle({ id: 42 }),
    bare: makePublishedArticle({
      id: 'abc',
      dek: null,
      heroImage: null,
      images: [],
      tags: [],
      section: null,
      region: null,
      summary: '',
      bylineText: '',
    }),
    english: makePublishedArticle({ language: 'en', headline: 'Guizhou county revives village party branches' }),
    hostile: makePublishedArticle({ headline: 'A&B <b>"quoted"</b> 🎉 “引号”', summary: '<script>alert(1)</script> & 摘要' }),
  }
  for (const version of NINJS_VERSIONS) {
    for (const event of DELIVERY_EVENTS) {
      for (const [name, story] of Object.entries(stories)) {
        for (const script of ['zh-Hans', 'zh-Hant-TW'] as const) {
          it(`ninjs ${version}, ${event}, ${name} story, ${script}: valid against the schema it declares`, () => {
            const doc = toNinjs(story, event, { version, script })
            expect('standard' in doc ? doc.standard.version : doc.$standard.version).toBe(version)
            expect(ninjsErrors(doc)).toEqual([])
          })
        }
      }
    }
  }

  it('the validator is not a pushover: the old mixed 2.x + 1.x shape and a 1.x document claiming 2.2 fail', () => {
    const doc = toNinjs(makePublishedArticle(), 'published')
    expect(ninjsErrors({ ...doc, headline: doc.headlines[0]!.value, body_html: body(doc, 'text/html') })).not.toEqual([])
    const old = toNinjs(makePublishedArticle(), 'published', { version: '1.6' })
    expect(ninjsErrors({ ...old, $standard: undefined, standard: { name: 'ninjs', version: '2.2' } })).not.toEqual([])
    expect(ninjsErrors({ uri: 'urn:x:1' })).toEqual(['the document declares no ninjs version (standard.version / $standard.version)'])
  })

  it('1.6 carries the single-value names an older receiver reads', () => {
    const article = makePublishedArticle({ id: 9 })
    const doc = toNinjs(article, 'published', { version: '1.6' })
    expect(doc.headline).toBe(article.headline)
    expect(doc.headline_sub).toBe(article.dek)
    expect(doc.body_html).toBe(article.html)
    expect(doc.description_text).toBe(article.summary)
    expect(doc.byline).toBe('（丁宪民 报道）')
    expect(doc.associations?.featureimage?.renditions.original).toMatchObject({ href: article.heroImage?.url, mimetype: 'image/jpeg' })
    expect(doc.altids).toEqual({ url: article.url, slug: article.slug })
    expect(doc.located).toBe('兴仁')
    const canceled = toNinjs(article, 'retracted', { version: '1.6' })
    expect(canceled).toMatchObject({ pubstatus: 'canceled', representationtype: 'incomplete' })
    expect(canceled.body_html).toBeUndefined()
  })

  it('located is the place the story comes from, never the outlet credit', () => {
    // 亮点黔西南讯 names no place: the region does.
    const credit = makePublishedArticle({ datelineText: '亮点黔西南讯', dateline: { outlet: '亮点黔西南', place: null, kind: '讯' } })
    expect(toNinjs(credit, 'published').located).toBe('兴仁县')
    expect(toNinjs(credit, 'published', { version: '1.6' }).located).toBe('兴仁县')
    const wire = makePublishedArticle({
      datelineText: '新华社贵阳11月26日电',
      dateline: { outlet: '新华社', place: '贵阳', date: '11月26日', kind: '电' },
    })
    expect(toNinjs(wire, 'published').located).toBe('贵阳')
    const nowhere = makePublishedArticle({ dateline: { outlet: '亮点黔西南', place: null }, region: null })
    expect(toNinjs(nowhere, 'published').located).toBeUndefined()
  })
})

describe('toNinjs', () => {
  it('describes a published story the way a NINJS receiver expects', () => {
    const article = makePublishedArticle({ id: 42 })
    const doc = toNinjs(article, 'published')

    expect(doc.uri).toBe('urn:newsroom:article:42')
    expect(doc.type).toBe('text')
    expect(doc.version).toBe('3')
    expect(doc.versioncreated).toBe('2012-11-26T03:00:00.000Z')
    expect(doc.firstcreated).toBe('2012-11-26T02:30:00.000Z')
    expect(doc.pubstatus).toBe('usable')
    expect(doc.language).toBe('zh-Hans')
    expect(doc.standard).toEqual({ name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' })
    expect(doc.headlines[0]).toMatchObject({ value: '兴仁县“三抓三强”加快后进党组织转化' })
    // 2.x only: the 1.x names are not allowed next to the arrays.
    expect(doc).not.toHaveProperty('headline')
    expect(doc).not.toHaveProperty('body_html')
    expect(doc).not.toHaveProperty('description_text')
    expect(doc.located).toBe('兴仁')
    expect(doc.by).toBe('（丁宪民 报道）')
    expect(doc.ednote).toBeUndefined()

    // The body is the rendered story: dateline opens it, byline closes it.
    const html = doc.bodies?.find((b) => b.contenttype === 'text/html')?.value
    expect(html).toBe(article.html)
    expect(html?.startsWith('<p><span class="nr-dateline">亮点黔西南讯</span>')).toBe(true)
    expect(html?.endsWith('<span class="nr-byline">（丁宪民 报道）</span></p>')).toBe(true)
    expect(doc.descriptions?.[0].value).toBe(article.summary)

    expect(doc.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '地方新闻', rel: 'section' }),
        expect.objectContaining({ name: '兴仁县', rel: 'region', literal: '522322' }),
        expect.objectContaining({ name: '基层党建', rel: 'tag' }),
      ]),
    )

    const feature = doc.associations?.find((a) => a.name === 'featureimage')
    expect(feature).toMatchObject({ type: 'picture', uri: article.heroImage?.url })
    expect(feature?.renditions[0]).toMatchObject({ href: article.heroImage?.url, width: 1200, height: 800, contenttype: 'image/jpeg' })
    const body = doc.associations?.filter((a) => a.name !== 'featureimage')
    expect(body).toHaveLength(1)
    expect(body?.[0].renditions[0].href).toBe(article.images[0].url)
    expect(body?.[0].descriptions?.[0].value).toBe(article.images[0].caption)

    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('keeps the same uri across versions and events, so receivers update rather than duplicate', () => {
    const v3 = toNinjs(makePublishedArticle({ id: 'abc123' }), 'published')
    const v4 = toNinjs(makePublishedArticle({ id: 'abc123', version: 4 }), 'updated')
    expect(v4.uri).toBe(v3.uri)
    expect(v4.version).toBe('4')
  })

  it('carries the correction note as ednote when corrected', () => {
    const doc = toNinjs(makePublishedArticle({ correctionNote: '更正：原文“46名村支书”应为“64名村支书”。' }), 'corrected')
    expect(doc.pubstatus).toBe('usable')
    expect(doc.ednote).toBe('更正：原文“46名村支书”应为“64名村支书”。')
  })

  it('sends retracted and unpublished stories as canceled, without the withdrawn text or pictures', () => {
    const retracted = toNinjs(makePublishedArticle({ retractionReason: '数据有误，已核实' }), 'retracted')
    expect(retracted.pubstatus).toBe('canceled')
    expect(retracted.ednote).toContain('数据有误，已核实')
    expect(retracted.bodies).toBeUndefined()
    expect(retracted.associations).toBeUndefined()
    expect(retracted.headlines[0]!.value).toBe('兴仁县“三抓三强”加快后进党组织转化')

    const unpublished = toNinjs(makePublishedArticle(), 'unpublished')
    expect(unpublished.pubstatus).toBe('canceled')
  })

  it('converts every reader-visible text to traditional script for a Taiwan channel, never identifiers', () => {
    const article = makePublishedArticle({ id: 7 })
    const doc = toNinjs(article, 'published', { script: 'zh-Hant-TW' })
    expect(doc.headlines[0]!.value).toContain('興仁縣')
    expect(doc.headlines[0]!.value).toContain('黨組織')
    expect(doc.by).toBe('（丁憲民 報道）')
    expect(doc.language).toBe('zh-Hant-TW')
    expect(body(doc, 'text/html')).toContain('<span class="nr-dateline">亮點黔西南訊</span>')
    expect(body(doc, 'text/html')).toContain('轉化為一般黨支部')
    expect(doc.descriptions?.[0]!.value).toContain('興仁縣')
    expect(doc.subjects?.map((s) => s.name)).toContain('地方新聞')
    // URLs, slugs and ids are untouched; the master is not modified.
    expect(doc.uri).toBe('urn:newsroom:article:7')
    expect(doc.altids).toContainEqual({ role: 'url', value: article.url })
    expect(doc.associations?.[0].renditions[0].href).toBe(article.heroImage?.url)
    expect(article.headline).toBe('兴仁县“三抓三强”加快后进党组织转化')
  })

  it('converts once per article and script (formatters share the converted story)', () => {
    const article = makePublishedArticle()
    expect(convertArticle(article, 'zh-Hant-HK')).toBe(convertArticle(article, 'zh-Hant-HK'))
    expect(convertArticle(article, 'zh-Hans')).toBe(article)
    expect(convertArticle(article, undefined)).toBe(article)
  })

  it('leaves an English wire story in English whatever the channel script', () => {
    const article = makePublishedArticle({ language: 'en', headline: 'Guizhou county revives village party branches' })
    const doc = toNinjs(article, 'published', { script: 'zh-Hant-TW' })
    expect(doc.language).toBe('en')
    expect(doc.headlines[0]!.value).toBe('Guizhou county revives village party branches')
  })
})

describe('contentHash', () => {
  it('ignores what a receiver cannot see (version, updatedAt) and is stable', () => {
    const a = makePublishedArticle({ id: 1, slug: 's', url: 'https://news.example.cn/news/s', images: [], heroImage: null })
    const b = { ...a, version: 9, updatedAt: '2013-01-01T00:00:00.000Z', hash: 'other' }
    // Same content with keys in another order.
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash(b)).toBe(contentHash(a))
    expect(contentHash(reordered)).toBe(contentHash(a))
  })

  it('changes when anything a receiver sees changes', () => {
    const a = makePublishedArticle({ images: [makeImage('one')] })
    const base = contentHash(a)
    expect(contentHash({ ...a, headline: `${a.headline}！` })).not.toBe(base)
    expect(contentHash({ ...a, html: a.html.replace('46名', '64名') })).not.toBe(base)
    expect(contentHash({ ...a, bylineText: '（记者 丁宪民）' })).not.toBe(base)
    expect(contentHash({ ...a, images: [makeImage('one', { alt: '另一张图' })] })).not.toBe(base)
    expect(contentHash({ ...a, correctionNote: '更正' })).not.toBe(base)
  })
})
