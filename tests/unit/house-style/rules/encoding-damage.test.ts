import { describe, expect, it } from 'vitest'
import { encodingDamage } from '../../../../plugins/house-style/src/rules/encoding-damage'
import { check, cleanStory, withBody } from './stories'

describe('encoding-damage', () => {
  it('finds a ? left where a character with a pinyin reading was lost', () => {
    const [found] = check(encodingDamage, withBody('坚持群众认可、德才兼?zhèn)洹⒐降脑瓌t'))
    expect(found).toMatchObject({ severity: 'error', location: { field: 'body', block: 0, start: 10, end: 16 } })
    expect(found.fix).toBeUndefined()
    expect(found.message.zh).toContain('原稿')
  })

  it('finds the Unicode replacement character', () => {
    expect(check(encodingDamage, withBody('兴仁县\uFFFD党组织'))).toHaveLength(1)
  })

  it.each(['真的吗?是的', '兴仁 (Xīngrén)', 'What?', '为什么？zhèn是拼音'])('leaves %s alone', (text) => {
    expect(check(encodingDamage, withBody(text))).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(encodingDamage, cleanStory)).toEqual([])
  })
})
