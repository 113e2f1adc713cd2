import { describe, expect, it } from 'vitest'
import { lintStory } from '../../../../plugins/house-style/src/lint'
import { cjkLatinSpacing } from '../../../../plugins/house-style/src/rules/cjk-latin-spacing'
import { check, cleanStory, fixParagraph, withBody } from './stories'

describe('cjk-latin-spacing', () => {
  it('is opt-in: lintStory reports nothing unless it is enabled', () => {
    const story = withBody('使用iPhone拍摄')
    expect(cjkLatinSpacing.optIn).toBe(true)
    expect(lintStory(story).filter((f) => f.ruleId === 'cjk-latin-spacing')).toEqual([])
    expect(lintStory(story, { enabledOptIn: ['cjk-latin-spacing'] }).filter((f) => f.ruleId === 'cjk-latin-spacing')).toHaveLength(2)
  })

  it.each([
    ['使用iPhone拍摄', '使用 iPhone 拍摄'],
    ['2012年7月底', '2012 年 7 月底'],
    ['参加APEC会议', '参加 APEC 会议'],
  ])('%s → %s', (before, after) => {
    expect(fixParagraph(cjkLatinSpacing, before)).toBe(after)
  })

  it('points at the two characters that need a space between them', () => {
    const [found] = check(cjkLatinSpacing, withBody('用AI'))
    expect(found).toMatchObject({
      severity: 'info',
      location: { start: 0, end: 2 },
      fix: { safe: true, edits: [{ start: 1, end: 1, text: ' ' }] },
    })
  })

  it.each(['使用 iPhone 拍摄', 'iPhone', '（AI）技术', '增长 12.5%。', '中文，English'])('leaves %s alone', (text) => {
    expect(check(cjkLatinSpacing, withBody(text))).toEqual([])
  })

  it('finds nothing in clean copy that already spaces', () => {
    expect(check(cjkLatinSpacing, withBody('今年 “双 11” 期间，兴仁薏仁米线上销售额突破 3000 万元'))).toEqual([])
    expect(check(cjkLatinSpacing, { ...cleanStory, body: [], title: '兴仁特色产业带动群众增收' })).toEqual([])
  })
})
