import { describe, expect, it } from 'vitest'
import { applyFixes } from '../../../../plugins/house-style/src/lint'
import { noDatelineInBody } from '../../../../plugins/house-style/src/rules/no-dateline-in-body'
import { check, cleanParagraphs, cleanStory, draft, withBody } from './stories'

const typed = (first: string, story = {}) =>
  draft({
    dateline: null,
    ...story,
    body: [
      { type: 'paragraph', text: first },
      { type: 'paragraph', text: cleanParagraphs[1] },
    ],
  })

describe('no-dateline-in-body', () => {
  it('finds a dateline typed at the start of the first paragraph and moves it into the field', () => {
    const story = typed('亮点黔西南讯 按照基层组织建设年整顿提高阶段任务要求，结合工作实际')
    const [found] = check(noDatelineInBody, story)
    expect(found).toMatchObject({ severity: 'error', location: { field: 'body', block: 0, start: 0, end: 7 }, fix: { safe: true } })
    expect(found.message.zh).toContain('亮点黔西南讯')
    expect(found.message.en).toContain('dateline field')
    const fixed = applyFixes(story, [found])
    expect(fixed.dateline).toEqual({ outlet: '亮点黔西南', kind: '讯' })
    expect(fixed.body[0]).toEqual({ type: 'paragraph', text: '按照基层组织建设年整顿提高阶段任务要求，结合工作实际' })
  })

  it('takes a wire dateline with a full date, leaving the credit after it to no-byline-in-body', () => {
    const story = typed('新华社贵阳2024年11月26日电（记者 张三）贵州省今年以来')
    const [found] = check(noDatelineInBody, story)
    expect(found.location).toEqual({ field: 'body', block: 0, start: 0, end: 17 })
    expect(applyFixes(story, [found]).dateline).toEqual({ outlet: '新华社', place: '贵阳', date: '2024-11-26', kind: '电' })
  })

  it('keeps the dateline field where it is filled and fills only the gaps', () => {
    const story = typed('新华社贵阳2024年11月26日电 贵州省今年以来', { dateline: { outlet: '新华社', place: '遵义' } })
    const fixed = applyFixes(story, check(noDatelineInBody, story))
    expect(fixed.dateline).toEqual({ outlet: '新华社', place: '遵义', date: '2024-11-26', kind: '电' })
    expect(fixed.body[0]).toMatchObject({ text: '贵州省今年以来' })
  })

  it('needs a person when the typed date has no year', () => {
    const [found] = check(noDatelineInBody, typed('新华社贵阳11月26日电 贵州省今年以来'))
    expect(found.fix?.safe).toBe(false)
    expect(found.message.zh).toContain('11月26日')
    expect(found.message.en).toContain('no year')
  })

  it('moves the credits written inside a CNA dateline with it', () => {
    const story = typed('（中央社記者黃名璽台北5日電）立法院今天三讀通過。', { credits: [] })
    const fixed = applyFixes(story, check(noDatelineInBody, story))
    expect(fixed.credits).toEqual([{ name: '黃名璽', role: 'reporter' }])
    expect(fixed.dateline).toMatchObject({ outlet: '中央社', place: '台北', kind: '电' })
    expect(fixed.body[0]).toMatchObject({ text: '立法院今天三讀通過。' })
  })

  it('removes a dateline standing on its own line', () => {
    const story = draft({
      dateline: null,
      body: [
        { type: 'paragraph', text: '本报讯' },
        { type: 'paragraph', text: cleanParagraphs[0] },
      ],
    })
    const fixed = applyFixes(story, check(noDatelineInBody, story))
    expect(fixed.body).toEqual([{ type: 'paragraph', text: cleanParagraphs[0] }])
    expect(fixed.dateline).toEqual({ outlet: '本报', kind: '讯' })
  })

  it.each(['记者从兴仁县了解到，全县通讯员队伍不断壮大', '电视台今天播出了专题片', '喜讯传来，全村沸腾', '据了解，该县今年以来'])(
    'leaves ordinary ledes alone: %s',
    (text) => {
      expect(check(noDatelineInBody, withBody(text))).toEqual([])
    },
  )

  it('finds nothing in clean copy', () => {
    expect(check(noDatelineInBody, cleanStory)).toEqual([])
  })
})
