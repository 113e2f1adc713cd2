import { describe, expect, it } from 'vitest'
import { headlineNoTrailingPeriod } from '../../../../plugins/house-style/src/rules/headline-no-trailing-period'
import { check, cleanStory, draft, fixTitle } from './stories'

describe('headline-no-trailing-period', () => {
  it.each([
    ['兴仁县加快后进党组织转化。', '兴仁县加快后进党组织转化'],
    ['兴仁县加快后进党组织转化.', '兴仁县加快后进党组织转化'],
    ['兴仁县加快后进党组织转化。 ', '兴仁县加快后进党组织转化'],
  ])('%s → %s', (before, after) => {
    expect(fixTitle(headlineNoTrailingPeriod, before)).toBe(after)
  })

  it('is an error with a safe fix on the title', () => {
    const [found] = check(headlineNoTrailingPeriod, draft({ title: '转化。' }))
    expect(found).toMatchObject({ severity: 'error', location: { field: 'title', start: 2, end: 3 }, fix: { safe: true } })
  })

  it.each(['兴仁县如何加快后进党组织转化？', '好消息！', '未完待续……', 'Wait...', '兴仁县“三抓三强”'])('leaves %s alone', (title) => {
    expect(check(headlineNoTrailingPeriod, draft({ title }))).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(headlineNoTrailingPeriod, cleanStory)).toEqual([])
  })
})
