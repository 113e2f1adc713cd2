import { describe, expect, it } from 'vitest'
import { pinyinArtifact } from '../../../../plugins/house-style/src/rules/pinyin-artifact'
import { check, cleanStory, fixParagraph, fixTitle, withBody } from './stories'

describe('pinyin-artifact', () => {
  it('deletes readings left after their characters', () => {
    expect(fixParagraph(pinyinArtifact, '以加強(qiáng)班子隊(duì)伍建設(shè)為抓手')).toBe('以加強班子隊伍建設為抓手')
    expect(fixTitle(pinyinArtifact, '興仁縣“三抓三強(qiáng)”')).toBe('興仁縣“三抓三強”')
  })

  it('points at the parenthesised reading only', () => {
    const [found] = check(pinyinArtifact, withBody('三强(qiáng)'))
    expect(found).toMatchObject({
      severity: 'error',
      location: { field: 'body', block: 0, start: 2, end: 9 },
      fix: { safe: true, edits: [{ start: 2, end: 9, text: '' }] },
    })
    expect(found.message.zh).toContain('强')
    expect(found.message.en).toContain('(qiáng)')
  })

  it.each(['兴仁 (Xīngrén) 位于贵州', '北京(Běijīng)', '美联社(AP)报道', '2012年(2012)', '德才兼?zhèn)洹', '强(ruò)'])(
    'leaves %s alone',
    (text) => {
      expect(check(pinyinArtifact, withBody(text))).toEqual([])
    },
  )

  it('finds nothing in clean copy', () => {
    expect(check(pinyinArtifact, cleanStory)).toEqual([])
  })
})
