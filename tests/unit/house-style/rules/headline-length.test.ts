import { describe, expect, it } from 'vitest'
import { headlineCharacters, headlineLength } from '../../../../plugins/house-style/src/rules/headline-length'
import { check, cleanStory, draft } from './stories'

describe('headline-length', () => {
  it('counts a Han character as one and two half-width characters as one', () => {
    expect(headlineCharacters('兴仁县“三抓三强”加快后进党组织转化')).toBe(18)
    expect(headlineCharacters('APEC会议')).toBe(4)
    expect(headlineCharacters('G20峰会')).toBe(4)
  })

  it('warns when the headline is over the configured length', () => {
    const story = draft({ title: '兴仁县采取“三抓三强”措施进一步加快后进党组织转化速度确保转化质量' })
    const [found] = check(headlineLength, story)
    expect(found.severity).toBe('warning')
    expect(found.location).toEqual({ field: 'title', start: 0, end: story.title.length })
    expect(found.message.zh).toContain('30')
    expect(found.fix).toBeUndefined()
    expect(check(headlineLength, story, { headlineMaxLength: 40 })).toEqual([])
  })

  it('accepts a headline exactly at the limit', () => {
    expect(check(headlineLength, draft({ title: '一'.repeat(30) }))).toEqual([])
    expect(check(headlineLength, draft({ title: '一'.repeat(31) }))).toHaveLength(1)
  })

  it('finds nothing in clean copy', () => {
    expect(check(headlineLength, cleanStory)).toEqual([])
  })
})
