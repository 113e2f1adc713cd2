import { describe, expect, it } from 'vitest'
import { applyFixes } from '../../../../plugins/house-style/src/lint'
import { noBylineInBody } from '../../../../plugins/house-style/src/rules/no-byline-in-body'
import { check, cleanParagraphs, cleanStory, draft, withBody } from './stories'

describe('no-byline-in-body', () => {
  it('moves a credit bracket at the end of the last paragraph into the credits', () => {
    const story = withBody(cleanParagraphs[0], '4个后进党组织已成功转化为一般党支部。（丁宪民 报道）')
    const [found] = check(noBylineInBody, story)
    expect(found).toMatchObject({ severity: 'error', location: { field: 'body', block: 1, start: 19, end: 27 }, fix: { safe: true } })
    expect(found.message.zh).toContain('（丁宪民 报道）')
    const fixed = applyFixes(story, [found])
    expect(fixed.body[1]).toEqual({ type: 'paragraph', text: '4个后进党组织已成功转化为一般党支部。' })
    expect(fixed.credits).toEqual([
      { name: '李黔', role: 'reporter' },
      { name: '丁宪民', role: 'reporter' },
    ])
  })

  it('merges without duplicates', () => {
    const story = draft({
      credits: [{ name: '丁宪民', role: 'reporter' }],
      body: [{ type: 'paragraph', text: '已成功转化。(丁宪民 报道)' }],
    })
    const fixed = applyFixes(story, check(noBylineInBody, story))
    expect(fixed.credits).toEqual([{ name: '丁宪民', role: 'reporter' }])
    expect(fixed.body[0]).toMatchObject({ text: '已成功转化。' })
  })

  it('moves the credit after a typed dateline, by role', () => {
    const story = withBody('新华社贵阳2024年11月26日电（记者 张三 通讯员 李四）贵州省今年以来')
    const [found] = check(noBylineInBody, story)
    expect(found.location).toMatchObject({ block: 0, start: 17, end: 31 })
    expect(applyFixes(story, [found]).credits).toEqual([
      { name: '李黔', role: 'reporter' },
      { name: '张三', role: 'reporter' },
      { name: '李四', role: 'correspondent' },
    ])
  })

  it('removes whole credit lines at the top and the bottom', () => {
    const story = withBody('本报记者 王五', cleanParagraphs[0], cleanParagraphs[1], '（记者 赵六 报道）')
    const findings = check(noBylineInBody, story)
    expect(findings.map((f) => f.location.block)).toEqual([0, 3])
    let fixed = applyFixes(story, findings)
    // Both fixes set the credits, so one waits for the next pass (fixStory runs it).
    fixed = applyFixes(fixed, check(noBylineInBody, fixed))
    expect(fixed.body.map((b) => (b.type === 'image' ? '' : b.text))).toEqual([cleanParagraphs[0], cleanParagraphs[1]])
    expect(fixed.credits.map((c) => c.name).sort()).toEqual(['李黔', '王五', '赵六'].sort())
  })

  it('leaves parentheses that are not credits alone', () => {
    expect(check(noBylineInBody, withBody(cleanParagraphs[0], '全县162个村（居、社区）支书赴华西学习。'))).toEqual([])
    expect(check(noBylineInBody, withBody('抓班子 强组织', cleanParagraphs[0]))).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(noBylineInBody, cleanStory)).toEqual([])
  })
})
