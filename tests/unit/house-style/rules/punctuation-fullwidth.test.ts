import { describe, expect, it } from 'vitest'
import { punctuationFullwidth } from '../../../../plugins/house-style/src/rules/punctuation-fullwidth'
import { check, cleanStory, draft, fixParagraph, fixTitle, withBody } from './stories'

const fix = (text: string) => fixParagraph(punctuationFullwidth, text)
const findingsIn = (text: string) => check(punctuationFullwidth, withBody(text))

describe('punctuation-fullwidth', () => {
  it.each([
    ['结合工作实际,兴仁县采取措施', '结合工作实际，兴仁县采取措施'],
    ['存在的突出问题;建立督导激励制度', '存在的突出问题；建立督导激励制度'],
    ['记者问:效果如何', '记者问：效果如何'],
    ['真的吗?是的!', '真的吗？是的！'],
    ['使用iPhone,但是', '使用iPhone，但是'],
    ['我们, 他们', '我们，他们'],
    ['他走了.我留下.', '他走了。我留下。'],
    ['会议统一.大家同意', '会议统一。大家同意'],
    ['等待...', '等待……'],
    ['等待......', '等待……'],
    ['等待。。。', '等待……'],
    ['等待…然后', '等待……然后'],
    ['乡镇(街道)党委(党工委)汇报', '乡镇（街道）党委（党工委）汇报'],
    ['全县162个村(居、社区)支书', '全县162个村（居、社区）支书'],
    ['兴仁 (县城) 地区', '兴仁（县城）地区'],
    ['(丁宪民 报道)', '（丁宪民 报道）'],
    ['他说"你好",然后走了', '他说“你好”，然后走了'],
    ['按照"以人为本"的理念', '按照“以人为本”的理念'],
  ])('%s → %s', (before, after) => {
    expect(fix(before)).toBe(after)
  })

  it('points at the mark and explains in Chinese and English', () => {
    const [found] = findingsIn('实际,兴仁')
    expect(found.location).toEqual({ field: 'body', block: 0, start: 2, end: 3 })
    expect(found.severity).toBe('error')
    expect(found.message.zh).toContain('，')
    expect(found.message.en).toContain('full-width')
    expect(found.fix?.safe).toBe(true)
  })

  it('fixes the headline too', () => {
    expect(fixTitle(punctuationFullwidth, '兴仁县:三抓三强')).toBe('兴仁县：三抓三强')
  })

  it('pairs nested parentheses by nesting, leaving a pinyin reading inside alone', () => {
    expect(fix('村(居、社区(qū))支书')).toBe('村（居、社区(qū)）支书')
  })

  it.each([
    ['numbers with thousands separators', '全县共有2,000名党员'],
    ['times', '会议于10:30举行'],
    ['decimals', '产值达3.5亿元'],
    ['URLs', '详见 https://www.xinhuanet.com/politics/ 了解'],
    ['English sentences', 'He said, "Hello!" and left. Really?'],
    ['Latin glosses with a space', '兴仁 (Xīngrén) 位于贵州西南部'],
    ['Latin glosses without a space', '兴仁(Xīngrén)位于贵州'],
    ['agency names in parentheses', '华盛顿 (AP) 消息'],
    ['Chinese glosses inside English sentences', 'The county (兴仁县) is in Guizhou.'],
    ['a correct ellipsis', '等待……然后…………'],
    ['two dots', '版本1..2'],
    ['abbreviations', '美国U.S.政府'],
    ['a ? where an encoding error lost a character', '德才兼?zhèn)洹'],
    ['an odd number of straight quotes', '他说"你好'],
    ['a list number (一. is a typo for 一、, not a sentence end)', '一.抓班子。二.强组织'],
    ['times in a sentence', '上午9:30,会议开始'.replace(',', '，')],
  ])('leaves %s alone', (_, text) => {
    expect(findingsIn(text)).toEqual([])
  })

  it('finds nothing in clean copy', () => {
    expect(check(punctuationFullwidth, cleanStory)).toEqual([])
    expect(check(punctuationFullwidth, draft({ title: '兴仁：特色产业带动群众增收' }))).toEqual([])
  })
})
