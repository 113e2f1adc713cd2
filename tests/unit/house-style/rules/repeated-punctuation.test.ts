import { describe, expect, it } from 'vitest'
import { repeatedPunctuation } from '../../../../plugins/house-style/src/rules/repeated-punctuation'
import { check, cleanStory, fixParagraph, withBody } from './stories'

describe('repeated-punctuation', () => {
  it.each([
    ['据介绍，，该县', '据介绍，该县'],
    ['完成。。下一步', '完成。下一步'],
    ['茶叶、、蔬菜', '茶叶、蔬菜'],
    ['问题；；建立', '问题；建立'],
    ['表示：：', '表示：'],
  ])('%s → %s', (before, after) => {
    expect(fixParagraph(repeatedPunctuation, before)).toBe(after)
  })

  it('leaves a typed ellipsis (。。。) to punctuation-fullwidth and emphasis (！！) alone', () => {
    expect(check(repeatedPunctuation, withBody('等待。。。真好！！是吗？？'))).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(repeatedPunctuation, cleanStory)).toEqual([])
  })
})
