import { describe, expect, it } from 'vitest'
import { noFullwidthAlphanumerics } from '../../../../plugins/house-style/src/rules/no-fullwidth-alphanumerics'
import { check, cleanStory, fixParagraph, fixTitle, withBody } from './stories'

describe('no-fullwidth-alphanumerics', () => {
  it('turns full-width letters and digits half-width', () => {
    expect(fixParagraph(noFullwidthAlphanumerics, '２０１２年７月底组织４６名村支书学习ＡＩ技术')).toBe(
      '2012年7月底组织46名村支书学习AI技术',
    )
    expect(fixTitle(noFullwidthAlphanumerics, 'ｉＰｈｏｎｅ发布')).toBe('iPhone发布')
  })

  it('reports one finding per run, with its span', () => {
    const findings = check(noFullwidthAlphanumerics, withBody('共１２个村，ＡＢ两组'))
    expect(findings.map((f) => f.location)).toEqual([
      { field: 'body', block: 0, start: 1, end: 3 },
      { field: 'body', block: 0, start: 6, end: 8 },
    ])
    expect(findings[0].message.zh).toContain('１２')
    expect(findings[0].message.en).toContain('"12"')
  })

  it('leaves full-width punctuation and the ideographic space alone', () => {
    expect(check(noFullwidthAlphanumerics, withBody('　　兴仁县（黔西南州）：增长１２％？'.replace('１２', '12')))).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(noFullwidthAlphanumerics, cleanStory)).toEqual([])
  })
})
