/** Stories and small helpers the rule tests share. */
import { applyFixes, defaultRuleContext } from '../../../../plugins/house-style/src/lint'
import type { Finding, Rule, RuleContext, StoryDraft } from '../../../../plugins/house-style/src/types'

/** Clean, professional simplified news copy in the house style (Xinhua-like). */
export const cleanParagraphs = [
  '记者从兴仁县农业农村局获悉，今年以来，该县围绕薏仁米、茶叶、蔬菜等特色产业，推行“龙头企业+合作社+农户”的发展模式，带动全县2.3万户农户增收。截至10月底，全县特色产业产值达到41.6亿元，同比增长12.5%。',
  '“过去种玉米，一亩地收入不到1000元；现在种薏仁米，收入能翻一番。”屯脚镇鲁础营村村民王德明说。据介绍，该县已建成标准化种植基地15个，培育市级以上龙头企业28家，并与中国农业大学等高校合作，开展品种选育和技术培训。',
  '该县还借助电商平台和直播带货拓宽销售渠道。今年“双11”期间，兴仁薏仁米线上销售额突破3000万元，产品销往北京、上海、广州等20多个城市，部分产品出口东南亚。',
  '兴仁县有关负责人在10:30举行的新闻发布会上表示，下一步将加快推进农产品精深加工，完善冷链物流体系，打造“兴仁薏仁米”区域公共品牌，力争到2025年实现特色产业产值50亿元。',
]

export function draft(story: Partial<StoryDraft> = {}): StoryDraft {
  return {
    title: '兴仁特色产业带动群众增收',
    dateline: { outlet: '新华社', place: '贵阳', date: '2024-11-26', kind: '电' },
    credits: [{ name: '李黔', role: 'reporter' }],
    body: [],
    ...story,
  }
}

export const cleanStory: StoryDraft = draft({
  body: [
    { type: 'paragraph', text: cleanParagraphs[0] },
    { type: 'paragraph', text: cleanParagraphs[1] },
    { type: 'heading', text: '线上线下齐发力' },
    { type: 'paragraph', text: cleanParagraphs[2] },
    { type: 'image', src: '/images/xingren.jpg', alt: '兴仁薏仁米种植基地' },
    { type: 'paragraph', text: cleanParagraphs[3] },
  ],
})

/** A story whose body is the given paragraphs. */
export function withBody(...paragraphs: string[]): StoryDraft {
  return draft({ body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })) })
}

export function check(rule: Rule, story: StoryDraft, context: Partial<RuleContext> = {}): Finding[] {
  return rule.check(story, { ...defaultRuleContext, ...context })
}

/** The first paragraph after applying every fix `rule` proposes for it. */
export function fixParagraph(rule: Rule, text: string, context: Partial<RuleContext> = {}): string {
  const story = withBody(text)
  const fixed = applyFixes(story, check(rule, story, context))
  const block = fixed.body[0]
  return block.type === 'image' ? '' : block.text
}

/** The headline after applying every fix `rule` proposes for it. */
export function fixTitle(rule: Rule, title: string, context: Partial<RuleContext> = {}): string {
  const story = draft({ title })
  return applyFixes(story, check(rule, story, context)).title
}
