import { describe, expect, it } from 'vitest'
import { applyFixes, defaultRuleContext, fixStory, hasErrors, lintStory } from '../../../../plugins/house-style/src/lint'
import { allRules } from '../../../../plugins/house-style/src/rules/index'
import type { Finding, Fix, StoryDraft } from '../../../../plugins/house-style/src/types'
import { cleanParagraphs, cleanStory, draft, withBody } from './stories'

/** A hand-made finding carrying `fix`, for exercising applyFixes on its own. */
const withFix = (fix: Fix, ruleId = 'test'): Finding => ({
  ruleId,
  severity: 'error',
  message: { zh: '测试', en: 'test' },
  location: { field: 'body', block: 0 },
  fix,
})
const edit = (start: number, end: number, text: string, block = 0) => ({ field: 'body' as const, block, start, end, text })
const safe = (...edits: ReturnType<typeof edit>[]): Fix => ({ safe: true, description: { zh: '改', en: 'fix' }, edits })
const textOf = (story: StoryDraft, block = 0) => {
  const b = story.body[block]
  return b.type === 'image' ? undefined : b.text
}

describe('lintStory', () => {
  it('has the documented defaults', () => {
    expect(defaultRuleContext).toEqual({ houseScript: 'zh-Hans', datelinePreset: 'outlet-xun', enabledOptIn: [], headlineMaxLength: 30 })
  })

  it('finds nothing in clean, professional copy with a complete dateline and a reporter', () => {
    expect(lintStory(cleanStory)).toEqual([])
    expect(lintStory(cleanStory, { datelinePreset: 'wire' })).toEqual([])
    expect(hasErrors(lintStory(cleanStory))).toBe(false)
  })

  it('sorts findings in story order: headline, dateline, credits, then body blocks by offset', () => {
    const story = draft({
      title: '兴仁县加快转化。',
      dateline: null,
      credits: [],
      body: [
        { type: 'paragraph', text: '第一段,第二句;完' },
        { type: 'paragraph', text: '第二段(甲ＡＢ)' },
      ],
    })
    const order = lintStory(story).map((f) => [f.ruleId, f.location.field, f.location.block, f.location.start])
    expect(order).toEqual([
      ['headline-no-trailing-period', 'title', undefined, 7],
      ['dateline-complete', 'dateline', undefined, undefined],
      ['reporter-credited', 'credits', undefined, undefined],
      ['punctuation-fullwidth', 'body', 0, 3],
      ['punctuation-fullwidth', 'body', 0, 7],
      ['punctuation-fullwidth', 'body', 1, 3],
      ['no-fullwidth-alphanumerics', 'body', 1, 5],
    ])
  })

  it('runs opt-in rules only when enabled', () => {
    const story = withBody('使用iPhone拍摄')
    expect(lintStory(story)).toEqual([])
    expect(lintStory(story, { enabledOptIn: ['cjk-latin-spacing'] }).map((f) => f.ruleId)).toEqual([
      'cjk-latin-spacing',
      'cjk-latin-spacing',
    ])
  })

  it('gives every finding a message in Chinese and English and a location', () => {
    const story = draft({
      title: '興仁縣(qiáng)。',
      dateline: null,
      credits: [],
      body: [{ type: 'paragraph', text: '兴仁,县，，２０１２…强(qiáng)兼?zhèn)' }],
    })
    const findings = lintStory(story, { enabledOptIn: ['cjk-latin-spacing'] })
    expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(9)
    for (const found of findings) {
      expect(found.message.zh).toMatch(/\p{Script=Han}/u)
      expect(found.message.en).toMatch(/[a-z]/)
      expect(found.location.field).toBeTruthy()
    }
  })

  it('has kebab-case rule ids, each once, with a description in both languages', () => {
    const ids = allRules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of allRules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.meta.description.zh).toBeTruthy()
      expect(rule.meta.description.en).toBeTruthy()
    }
  })
})

describe('hasErrors', () => {
  it('is true only when a finding is an error', () => {
    const warning = { ...withFix(safe()), severity: 'warning' as const }
    expect(hasErrors([])).toBe(false)
    expect(hasErrors([warning])).toBe(false)
    expect(hasErrors([warning, withFix(safe())])).toBe(true)
  })
})

describe('applyFixes', () => {
  it('applies edits from the end backwards and leaves the input untouched', () => {
    const story = withBody('abcdef')
    const before = JSON.stringify(story)
    const fixed = applyFixes(story, [withFix(safe(edit(0, 1, 'X'))), withFix(safe(edit(4, 6, ''), edit(2, 2, '+')))])
    expect(textOf(fixed)).toBe('Xb+cd')
    expect(JSON.stringify(story)).toBe(before)
    expect(fixed.body).not.toBe(story.body)
  })

  it('skips a fix whose edits overlap one already taken, preferring the larger', () => {
    const story = withBody('0123456789')
    const fixed = applyFixes(story, [withFix(safe(edit(2, 3, 'x'))), withFix(safe(edit(1, 5, 'BIG'))), withFix(safe(edit(6, 7, 'y')))])
    expect(textOf(fixed)).toBe('0BIG5y789')
  })

  it('takes one insertion per offset, and puts it before a replacement starting there', () => {
    const story = withBody('ab')
    expect(textOf(applyFixes(story, [withFix(safe(edit(1, 1, '1'))), withFix(safe(edit(1, 1, '2')))]))).toBe('a1b')
    expect(textOf(applyFixes(story, [withFix(safe(edit(1, 1, ' '))), withFix(safe(edit(1, 2, 'B')))]))).toBe('a B')
  })

  it('applies safe fixes only, unless told otherwise', () => {
    const story = withBody('abc')
    const unsafe = withFix({ ...safe(edit(0, 1, 'A')), safe: false })
    expect(textOf(applyFixes(story, [unsafe]))).toBe('abc')
    expect(textOf(applyFixes(story, [unsafe], { safeOnly: false }))).toBe('Abc')
  })

  it('skips edits that point outside the story or at an image', () => {
    const story = draft({
      body: [
        { type: 'paragraph', text: 'abc' },
        { type: 'image', src: '/a.jpg' },
      ],
    })
    const fixed = applyFixes(story, [withFix(safe(edit(2, 9, 'x'))), withFix(safe(edit(0, 0, 'x', 1))), withFix(safe(edit(0, 0, 'x', 7)))])
    expect(fixed).toEqual(story)
  })

  it('edits the headline', () => {
    const story = draft({ title: '标题。' })
    const fixed = applyFixes(story, [withFix(safe({ field: 'title', start: 2, end: 3, text: '' } as never))])
    expect(fixed.title).toBe('标题')
  })

  it('sets fields, one fix per field per pass, and removes paragraphs a fix empties', () => {
    const story = withBody('（记者 王五）', cleanParagraphs[0])
    const move = withFix({ ...safe(edit(0, 7, '')), set: { credits: [{ name: '王五', role: 'reporter' }] } })
    const other = withFix({ safe: true, description: { zh: '改', en: 'fix' }, set: { credits: [], dateline: { outlet: '本报' } } })
    const fixed = applyFixes(story, [other, move])
    expect(fixed.credits).toEqual([{ name: '王五', role: 'reporter' }])
    expect(fixed.dateline).toEqual(story.dateline)
    expect(fixed.body).toEqual([{ type: 'paragraph', text: cleanParagraphs[0] }])
  })
})

describe('fixStory', () => {
  it('fixes until nothing safe is left and returns what needs a person', () => {
    const story = draft({
      title: '興仁縣“三抓三強(qiáng)”加快后進黨組織轉化。',
      dateline: null,
      credits: [],
      body: [
        { type: 'paragraph', text: '亮點(diǎn)黔西南訊 按照要求,結合工作實(shí)際,興仁縣採取措施。。' },
        { type: 'paragraph', text: '全縣１６２個村(居、社區(qū))支書赴華西學(xué)習(xí)...(丁憲民 報道)' },
      ],
    })
    const { story: fixed, findings } = fixStory(story)
    expect(fixed.title).toBe('兴仁县“三抓三强”加快后进党组织转化')
    expect(fixed.dateline).toEqual({ outlet: '亮点黔西南', kind: '讯' })
    expect(fixed.credits).toEqual([{ name: '丁宪民', role: 'reporter' }])
    expect(fixed.body).toEqual([
      { type: 'paragraph', text: '按照要求，结合工作实际，兴仁县采取措施。' },
      { type: 'paragraph', text: '全县162个村（居、社区）支书赴华西学习……' },
    ])
    expect(findings).toEqual([])
  })

  it('leaves a clean story as it is', () => {
    expect(fixStory(cleanStory)).toEqual({ story: cleanStory, findings: [] })
  })

  it('honours the context', () => {
    const { findings } = fixStory(withBody('使用iPhone拍摄'), { enabledOptIn: ['cjk-latin-spacing'], datelinePreset: 'wire' })
    expect(findings).toEqual([])
    expect(textOf(fixStory(withBody('使用iPhone拍摄'), { enabledOptIn: ['cjk-latin-spacing'] }).story)).toBe('使用 iPhone 拍摄')
  })
})
