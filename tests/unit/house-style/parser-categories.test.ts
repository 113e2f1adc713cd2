/**
 * The forms issue #12 lists, one group per category, as a reporter would paste them. Each case is written
 * `text → dateline | credited names` (editors never appear among the names). The real-copy corpus
 * (real-copy-corpus.test.ts) measures the same categories on published articles.
 */
import { describe, expect, it } from 'vitest'

import { parseStory } from '../../../plugins/house-style'

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

function read(text: string): string {
  const story = parseStory(text, { bodyOnly: true })
  const names = story.credits.filter((c) => c.role !== 'editor').map((c) => c.name)
  return `${squeeze(story.dateline?.text ?? '')} | ${names.join(' ')}`
}

const categories: Record<string, [string, string][]> = {
  'outlet names made of everyday characters': [
    ['成都商报5月3日讯（记者 张三 李四）昨日，市区一商场开业。', '成都商报5月3日讯 | 张三 李四'],
    ['南方都市报9月2日讯 记者 王五 近日，广州出台新规。', '南方都市报9月2日讯 | 王五'],
    ['南都讯 记者 王五 近日，深圳一小区发生火灾。', '南都讯 | 王五'],
    ['东方在线上海6月1日讯（记者 赵六）今天上午，会议召开。', '东方在线上海6月1日讯 | 赵六'],
  ],
  'something before the dateline': [
    ['受访者供图 成都商报5月3日讯（记者 张三）昨日，市区一商场开业。', '成都商报5月3日讯 | 张三'],
    ['视觉中国供图 新华社北京6月1日电（记者 李四）国务院今天召开会议。', '新华社北京6月1日电 | 李四'],
    ['新华社专供 新华社北京6月1日电 国务院今天召开会议。', '新华社北京6月1日电 | '],
    ['\u3000\u3000本报讯（记者 王五）昨天，全市召开大会。', '本报讯 | 王五'],
    ['□本报记者 张三\n本报讯 近日，全县举办培训班。', '本报讯 | 张三'],
    ['图为会议现场。张三 摄\n本报讯（记者 李四）昨天，全市召开大会。', '本报讯 | 李四'],
  ],
  'credit lines without a dateline': [
    ['本报记者 李 四\n近日，全县举办培训班，200多人参加。', ' | 李四'],
    ['□ 本报记者 张三\n近日，全县举办培训班，200多人参加。', ' | 张三'],
    ['【晚报记者 刘五】\n近日，全县举办培训班，200多人参加。', ' | 刘五'],
    ['文/张三 图/李四\n近日，全县举办培训班，200多人参加。', ' | 张三 李四'],
    ['近日，全县举办培训班。\n培训班为期三天。（张三）', ' | 张三'],
    ['近日，全县举办培训班。\n培训班为期三天。(记者 张三)', ' | 张三'],
    ['近日，全县举办培训班。\n培训班为期三天。\n作者：张三', ' | 张三'],
    ['近日，全县举办培训班。\n培训班为期三天。（县融媒体中心 王五）', ' | 王五'],
    ['近日，全县举办培训班。\n培训班为期三天。\n王五', ' | 王五'],
  ],
  'dateline and credit fused': [
    ['（腾讯体育 张三 2月8日东莞报道）广东队今晚主场迎战辽宁队。', '腾讯体育2月8日东莞报道 | 张三'],
    ['記者王小明／台北報導\n行政院今天通過法案。', '台北報導 | 王小明'],
    ['王小明\\臺中報導\n臺中市政府今天宣布新政策。', '臺中報導 | 王小明'],
    ['華盛頓記者王小明、李大同/聯合報\n美國國會今天通過法案。', '華盛頓聯合報 | 王小明 李大同'],
    ['【記者王小明／台北報導】行政院今天通過法案。', '台北報導 | 王小明'],
  ],
  'date-only and nested datelines': [
    ['12月28日消息，某公司今天发布新品。', '12月28日消息 | '],
    ['腾讯体育讯　北京时间2月8日消息，NBA常规赛今天继续进行。', '腾讯体育讯北京时间2月8日消息 | '],
    ['□据新华社电 近日，某地发生地震。', '据新华社电 | '],
  ],
  'never credits': [
    ['本报讯（记者 张三）昨天开会。\n会议决定加快转化。\n责任编辑：李四\n编辑：王五\n初审：赵六 复审：钱七 终审：孙八\n审核：周九\n校对：吴十', '本报讯 | 张三'],
    ['本报讯 昨天，记者张三在现场看到，市民排起长队。', '本报讯 | '],
    ['近日，全县举办培训班。\n培训班为期三天。（ETtoday/文）', ' | '],
    ['新华社华盛顿6月1日电 美联社记者约翰·史密斯报道说，白宫今天宣布新政策。', '新华社华盛顿6月1日电 | '],
  ],
}

for (const [category, cases] of Object.entries(categories)) {
  describe(category, () => {
    it.each(cases)('%s', (text, expected) => {
      expect(read(text)).toBe(expected)
    })
  })
}
