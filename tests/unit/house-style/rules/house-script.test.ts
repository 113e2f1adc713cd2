import { describe, expect, it } from 'vitest'
import { houseScript } from '../../../../plugins/house-style/src/rules/house-script'
import { check, cleanParagraphs, cleanStory, draft, fixParagraph, fixTitle, withBody } from './stories'

describe('house-script', () => {
  it('converts traditional text to the simplified house script', () => {
    expect(fixParagraph(houseScript, '興仁縣採取“三抓三強”措施，成效顯著。')).toBe('兴仁县采取“三抓三强”措施，成效显著。')
    expect(fixTitle(houseScript, '興仁縣加快後進黨組織轉化')).toBe('兴仁县加快后进党组织转化')
  })

  it('reports one finding per block that changes, spanning what changes', () => {
    const story = withBody('记者從兴仁了解到', cleanParagraphs[0], '興仁縣')
    const findings = check(houseScript, story)
    expect(findings.map((f) => f.location)).toEqual([
      { field: 'body', block: 0, start: 2, end: 3 },
      { field: 'body', block: 2, start: 0, end: 3 },
    ])
    expect(findings[0].fix).toMatchObject({ safe: true, edits: [{ field: 'body', block: 0, start: 2, end: 3, text: '从' }] })
    expect(findings[0].message.zh).toContain('简体中文')
    expect(findings[0].message.en).toContain('simplified Chinese')
  })

  it('converts only the stray characters in simplified text, so correct words around them survive', () => {
    // The Taiwan variant rule (著 → 着) must not reach the mainland 显著.
    expect(fixParagraph(houseScript, '记者從兴仁了解到，成效显著')).toBe('记者从兴仁了解到，成效显著')
  })

  it.each(['成效显著', '著名作家', '全覆盖', '皇后', '台风过境', '乾隆年间'])('leaves correct simplified text alone: %s', (text) => {
    expect(check(houseScript, withBody(text))).toEqual([])
  })

  it('follows a traditional house script', () => {
    const context = { houseScript: 'zh-Hant-TW' as const }
    expect(fixParagraph(houseScript, '兴仁县采取措施', context)).toBe('興仁縣採取措施')
    const traditional = draft({
      title: '興仁特色產業帶動群眾增收',
      dateline: { outlet: '新華社', place: '貴陽', kind: '电' },
      body: [{ type: 'paragraph', text: '興仁縣採取措施，成效顯著' }],
    })
    expect(check(houseScript, traditional, context)).toEqual([])
    const simplifiedBody = { ...traditional, body: [{ type: 'paragraph' as const, text: '兴仁县采取措施' }] }
    expect(check(houseScript, simplifiedBody, context).map((f) => f.location.field)).toEqual(['body'])
  })

  it('converts the dateline and the credited names too', () => {
    const story = draft({
      dateline: { outlet: '亮點黔西南', kind: '讯' },
      credits: [
        { name: '丁憲民', role: 'reporter' },
        { name: '李黔', role: 'editor' },
      ],
    })
    const findings = check(houseScript, story)
    expect(findings.map((f) => f.location)).toEqual([{ field: 'dateline' }, { field: 'credits' }])
    expect(findings[0].fix?.set?.dateline).toEqual({ outlet: '亮点黔西南', place: undefined, kind: '讯' })
    expect(findings[1].fix?.set?.credits).toEqual([
      { name: '丁宪民', role: 'reporter' },
      { name: '李黔', role: 'editor' },
    ])
  })

  it('finds nothing in clean copy', () => {
    expect(check(houseScript, cleanStory)).toEqual([])
    expect(check(houseScript, draft({ title: '兴仁：特色产业带动群众增收' }))).toEqual([])
  })
})
