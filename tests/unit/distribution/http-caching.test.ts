import { describe, expect, it } from 'vitest'
import { computeEtag, conditionalResponse, isNotModified, lastModifiedOf } from '../../../plugins/distribution/src/feeds/http-caching'

const body = '<?xml version="1.0"?><rss version="2.0"><channel><title>亮点黔西南</title></channel></rss>'

describe('feed HTTP caching', () => {
  it('computes a strong ETag from the exact bytes', () => {
    const etag = computeEtag(body)
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(computeEtag(body)).toBe(etag)
    expect(computeEtag(Buffer.from(body))).toBe(etag)
    expect(computeEtag(`${body} `)).not.toBe(etag)
  })

  it('takes Last-Modified from the newest update, in whole seconds', () => {
    expect(lastModifiedOf([{ updatedAt: '2012-11-26T03:00:00.900Z' }, { updatedAt: '2012-11-25T03:00:00Z' }])?.toISOString()).toBe(
      '2012-11-26T03:00:00.000Z',
    )
    expect(lastModifiedOf([])).toBeUndefined()
  })

  it('answers 304 for a matching If-None-Match, including lists, weak tags and *', () => {
    const etag = computeEtag(body)
    expect(isNotModified({ 'if-none-match': etag }, { etag })).toBe(true)
    expect(isNotModified({ 'If-None-Match': `"other", W/${etag}` }, { etag })).toBe(true)
    expect(isNotModified(new Headers({ 'if-none-match': '*' }), { etag })).toBe(true)
    expect(isNotModified({ 'if-none-match': '"stale"' }, { etag })).toBe(false)
  })

  it('uses If-Modified-Since only without If-None-Match', () => {
    const lastModified = new Date('2012-11-26T03:00:00Z')
    expect(isNotModified({ 'if-modified-since': 'Mon, 26 Nov 2012 03:00:00 GMT' }, { lastModified })).toBe(true)
    expect(isNotModified({ 'if-modified-since': 'Mon, 26 Nov 2012 02:59:59 GMT' }, { lastModified })).toBe(false)
    expect(isNotModified({ 'if-modified-since': 'not a date' }, { lastModified })).toBe(false)
    // A stale ETag wins over a fresh date (RFC 9110 §13.1.3).
    expect(
      isNotModified(
        { 'if-none-match': '"stale"', 'if-modified-since': 'Tue, 27 Nov 2012 00:00:00 GMT' },
        { etag: computeEtag(body), lastModified },
      ),
    ).toBe(false)
  })

  it('builds 200 and 304 responses with validators', () => {
    const lastModified = new Date('2012-11-26T03:00:00Z')
    const first = conditionalResponse({}, body, { lastModified, contentType: 'application/rss+xml; charset=utf-8' })
    expect(first.status).toBe(200)
    expect(first.body).toBe(body)
    expect(first.headers).toMatchObject({
      'content-type': 'application/rss+xml; charset=utf-8',
      'last-modified': 'Mon, 26 Nov 2012 03:00:00 GMT',
    })
    const again = conditionalResponse({ 'if-none-match': first.headers.etag }, body, { lastModified, contentType: 'application/rss+xml' })
    expect(again).toMatchObject({ status: 304, body: '' })
    expect(again.headers.etag).toBe(first.headers.etag)
  })
})
