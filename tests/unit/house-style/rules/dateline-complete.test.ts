import { describe, expect, it } from 'vitest'
import { datelineComplete } from '../../../../plugins/house-style/src/rules/dateline-complete'
import { check, cleanStory, draft } from './stories'

describe('dateline-complete', () => {
  it('requires a dateline', () => {
    for (const dateline of [null, undefined, {}, { outlet: ' ', place: '' }]) {
      const [found] = check(datelineComplete, draft({ dateline }))
      expect(found.severity).toBe('error')
      expect(found.location).toEqual({ field: 'dateline' })
      expect(found.message.zh).toContain('缺少电头')
      expect(found.message.en).toContain('no dateline')
    }
  })

  it('requires the parts of the configured preset', () => {
    const story = draft({ dateline: { outlet: '新华社', kind: '电' } })
    expect(check(datelineComplete, story, { datelinePreset: 'outlet-xun' })).toEqual([])
    const [found] = check(datelineComplete, story, { datelinePreset: 'wire' })
    expect(found.message.zh).toContain('发稿地、发稿日期')
    expect(found.message.en).toContain('place, date')
    expect(found.fix).toBeUndefined()
  })

  it('accepts 本报讯 without place or date for the benbao preset, and AP with a place only', () => {
    expect(check(datelineComplete, draft({ dateline: { kind: '讯' } }), { datelinePreset: 'benbao' })).toEqual([])
    expect(check(datelineComplete, draft({ dateline: { place: 'WASHINGTON' } }), { datelinePreset: 'ap' })).toEqual([])
    expect(
      check(datelineComplete, draft({ dateline: { outlet: 'Reuters', place: 'LONDON' } }), { datelinePreset: 'reuters' }),
    ).toHaveLength(1)
  })

  it('rejects a date that is not a date', () => {
    const [found] = check(datelineComplete, draft({ dateline: { outlet: '新华社', place: '贵阳', date: '11月26日' } }), {
      datelinePreset: 'wire',
    })
    expect(found.message.en).toContain('not a valid date')
  })

  it('finds nothing in clean copy, whatever the Chinese preset', () => {
    for (const datelinePreset of ['outlet-xun', 'benbao', 'wire', 'xiaoxi'] as const) {
      expect(check(datelineComplete, cleanStory, { datelinePreset })).toEqual([])
    }
  })
})
