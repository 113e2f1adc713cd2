import { describe, expect, it } from 'vitest'
import { parseStory, type ParsedDateline } from '../../../plugins/house-style/src/parser'
import type { Credit, CreditRole } from '../../../plugins/house-style/src/types'
import { foundingStorySource } from '../../support/founding-story'

const founding = foundingStorySource()

/** `王丽:reporter` shorthand for credits. */
const credits = (...list: string[]): Credit[] =>
  list.map((item) => {
    const [name, role] = item.split(':')
    return { name, role: role as CreditRole }
  })

const firstText = (story: ReturnType<typeof parseStory>) => {
  const block = story.body.find((b) => b.type !== 'image')
  return block && 'text' in block ? block.text : undefined
}

interface DatelineCase {
  name: string
  text: string
  dateline?: Partial<ParsedDateline> | null
  credits?: Credit[]
  position?: 'start' | 'end' | 'none'
  lede?: string
}

// Single first paragraphs (bodyOnly): the dateline, what follows it, and what must be left alone.
const datelineCases: DatelineCase[] = [
  {
    name: 'Xinhua wire dateline with a full-width credit bracket',
    text: '新华社贵阳11月26日电（记者 王丽 李平）贵州省今天召开全省经济工作会议。',
    dateline: { text: '新华社贵阳11月26日电', outlet: '新华社', place: '贵阳', date: '11-26', kind: '电' },
    credits: credits('王丽:reporter', '李平:reporter'),
    position: 'start',
    lede: '贵州省今天召开全省经济工作会议。',
  },
  {
    name: 'traditional wire dateline, half-width bracket, name glued to 記者',
    text: '新華社北京11月26日電(記者張三)國務院總理今天主持召開國務院常務會議。',
    dateline: { text: '新華社北京11月26日電', outlet: '新華社', place: '北京', date: '11-26', kind: '电' },
    credits: credits('張三:reporter'),
    position: 'start',
    lede: '國務院總理今天主持召開國務院常務會議。',
  },
  {
    name: '专电 with a year',
    text: '新华社北京2012年11月26日专电 国务院今天发布通知。',
    dateline: { text: '新华社北京2012年11月26日专电', place: '北京', date: '2012-11-26', kind: '专电' },
    credits: [],
    position: 'none',
    lede: '国务院今天发布通知。',
  },
  {
    name: 'glued names separated by 、',
    text: '新华社北京11月26日电（记者王丽、李平）记者从国家统计局获悉。',
    dateline: { text: '新华社北京11月26日电' },
    credits: credits('王丽:reporter', '李平:reporter'),
    lede: '记者从国家统计局获悉。',
  },
  {
    name: 'glued names without separators',
    text: '新华社北京11月26日电（记者王丽李平）今天上午，会议召开。',
    dateline: { text: '新华社北京11月26日电' },
    credits: credits('王丽:reporter', '李平:reporter'),
  },
  {
    name: 'full-width spaces inside the bracket',
    text: '本报讯（记者　王丽　李平　通讯员　赵一）近日，市里召开会议。',
    dateline: { text: '本报讯', outlet: '本报', place: null, date: null, kind: '讯' },
    credits: credits('王丽:reporter', '李平:reporter', '赵一:correspondent'),
    lede: '近日，市里召开会议。',
  },
  {
    name: '本报讯 without credits',
    text: '本报讯 近日，市里召开会议。',
    dateline: { text: '本报讯', outlet: '本报', place: null, kind: '讯' },
    credits: [],
    position: 'none',
    lede: '近日，市里召开会议。',
  },
  {
    name: '本报 + place 讯 with reporter and correspondent',
    text: '本报兴义讯（记者 张三 通讯员 李四）近日，兴义市召开会议。',
    dateline: { text: '本报兴义讯', outlet: '本报', place: '兴义', date: null, kind: '讯' },
    credits: credits('张三:reporter', '李四:correspondent'),
  },
  {
    name: 'newspaper name with month and day',
    text: '黔西南日报6月3日讯 近日，州里召开会议。',
    dateline: { text: '黔西南日报6月3日讯', outlet: '黔西南日报', place: null, date: '06-03', kind: '讯' },
  },
  {
    name: 'outlet + 讯 standing apart',
    text: '亮点黔西南讯 今年以来，兴仁县加快后进党组织转化。',
    dateline: { text: '亮点黔西南讯', outlet: '亮点黔西南', place: null, kind: '讯' },
    credits: [],
  },
  {
    name: 'credits without brackets, several names per role, lede after',
    text: '晚报讯 记者 张三 李四 通讯员 王五 近日，市里召开会议。',
    dateline: { text: '晚报讯', outlet: '晚报' },
    credits: credits('张三:reporter', '李四:reporter', '王五:correspondent'),
    position: 'start',
    lede: '近日，市里召开会议。',
  },
  {
    name: 'unbracketed name glued to the lede',
    text: '本报讯 记者张三近日从市教育局获悉，今年高考将于6月举行。',
    dateline: { text: '本报讯' },
    credits: credits('张三:reporter'),
    lede: '近日从市教育局获悉，今年高考将于6月举行。',
  },
  {
    name: 'unbracketed credit whose lede starts with a surname character',
    text: '本报讯 记者 张三 高温天气仍将持续。',
    dateline: { text: '本报讯' },
    credits: credits('张三:reporter'),
    lede: '高温天气仍将持续。',
  },
  {
    name: 'unbracketed compound surname before 全市',
    text: '本报讯 记者 欧阳明 全市今天开展大检查。',
    credits: credits('欧阳明:reporter'),
    dateline: { text: '本报讯' },
    lede: '全市今天开展大检查。',
  },
  {
    name: '记者 that begins the lede is not a credit',
    text: '本报讯 记者从市教育局获悉，今年高考将于6月举行。',
    dateline: { text: '本报讯' },
    credits: [],
    position: 'none',
    lede: '记者从市教育局获悉，今年高考将于6月举行。',
  },
  {
    name: '报道 after an unbracketed credit',
    text: '经济日报北京11月26日讯 记者张三报道：今年前10个月，经济运行总体平稳。',
    dateline: { text: '经济日报北京11月26日讯', outlet: '经济日报', place: '北京', date: '11-26', kind: '讯' },
    credits: credits('张三:reporter'),
    lede: '今年前10个月，经济运行总体平稳。',
  },
  {
    name: '消息 with outlet, place and date',
    text: '新华网北京11月26日消息 国务院今天召开常务会议。',
    dateline: { text: '新华网北京11月26日消息', outlet: '新华网', place: '北京', date: '11-26', kind: '消息' },
  },
  {
    name: '本报消息',
    text: '本报消息 全市今天开展大检查。',
    dateline: { text: '本报消息', outlet: '本报', kind: '消息' },
  },
  {
    name: '消息 followed by a colon and a non-credit bracket',
    text: '央视网消息（新闻联播）：国务院今天召开常务会议。',
    dateline: { text: '央视网消息', outlet: '央视网', kind: '消息' },
    credits: [],
    lede: '（新闻联播）：国务院今天召开常务会议。',
  },
  {
    name: 'website dateline with a space before the credit',
    text: '人民网北京11月26日电 （记者 张三）国务院今天召开常务会议。',
    dateline: { text: '人民网北京11月26日电', outlet: '人民网', place: '北京' },
    credits: credits('张三:reporter'),
  },
  {
    name: 'outlet with a long media word',
    text: '中国新闻网北京11月26日电 国务院今天召开常务会议。',
    dateline: { text: '中国新闻网北京11月26日电', outlet: '中国新闻网', place: '北京' },
  },
  {
    name: 'radio station outlet containing 电',
    text: '中央人民广播电台讯 国务院今天召开常务会议。',
    dateline: { text: '中央人民广播电台讯', outlet: '中央人民广播电台', kind: '讯' },
  },
  {
    name: 'abridged wire copy',
    text: '据新华社电 国务院今天召开常务会议。',
    dateline: { text: '据新华社电', outlet: '新华社', place: null, date: null, kind: '电' },
  },
  {
    name: 'abridged wire copy with place and date',
    text: '据新华社北京11月26日电 国务院今天召开常务会议。',
    dateline: { text: '据新华社北京11月26日电', outlet: '新华社', place: '北京', date: '11-26' },
  },
  {
    name: 'place without an outlet',
    text: '北京11月26日电 国务院今天召开常务会议。',
    dateline: { text: '北京11月26日电', outlet: null, place: '北京', date: '11-26' },
  },
  {
    name: 'Chinese-numeral date',
    text: '新华社北京十一月二十六日电 国务院今天召开常务会议。',
    dateline: { text: '新华社北京十一月二十六日电', date: '11-26' },
  },
  {
    name: 'CNA: reporter glued to the place',
    text: '（中央社記者黃名璽台北5日電）總統今天出席活動時表示。',
    dateline: { text: '中央社台北5日電', outlet: '中央社', place: '台北', date: null, kind: '电' },
    credits: credits('黃名璽:reporter'),
    position: 'start',
    lede: '總統今天出席活動時表示。',
  },
  {
    name: 'CNA: two reporters and a 專電',
    text: '（中央社記者黃名璽、陳家倫華盛頓4日專電）美國國務院今天表示。',
    dateline: { text: '中央社華盛頓4日專電', place: '華盛頓', kind: '专电' },
    credits: credits('黃名璽:reporter', '陳家倫:reporter'),
  },
  {
    name: 'CNA without a reporter',
    text: '（中央社台北5日電）行政院今天通過法案。',
    dateline: { text: '中央社台北5日電', outlet: '中央社', place: '台北' },
    credits: [],
    position: 'none',
  },
  {
    name: 'Hong Kong 專訊 in 【】',
    text: '【明報專訊】特區政府今日公布施政報告。',
    dateline: { text: '明報專訊', outlet: '明報', kind: '讯' },
    lede: '特區政府今日公布施政報告。',
  },
  {
    name: 'Taiwanese credit bracket: the place it was filed from is the dateline',
    text: '〔記者張三／台北報導〕行政院今天通過法案。',
    dateline: { text: '台北報導', place: '台北', outlet: null },
    credits: credits('張三:reporter'),
    position: 'start',
    lede: '行政院今天通過法案。',
  },
  {
    name: 'all-media reporter and trainee reporter',
    text: '本报讯（全媒体记者 张三 见习记者 李四）今天上午，会议召开。',
    credits: credits('张三:reporter', '李四:reporter'),
    dateline: { text: '本报讯' },
  },
  {
    name: 'outlet before a role word inside the credit',
    text: '光明日报北京11月26日电（记者张三、光明日报通讯员李四）教育部今天发布通知。',
    dateline: { text: '光明日报北京11月26日电', outlet: '光明日报' },
    credits: credits('张三:reporter', '李四:correspondent'),
  },
  {
    name: 'slash between role word and name',
    text: '南方日报讯 （记者/张三 通讯员/李四）今天上午，会议召开。',
    dateline: { text: '南方日报讯' },
    credits: credits('张三:reporter', '李四:correspondent'),
  },
  {
    name: 'a bare name in brackets after the dateline is the reporter',
    text: '本报讯（王丽）今天上午，会议召开。',
    dateline: { text: '本报讯' },
    credits: credits('王丽:reporter'),
  },
  {
    name: 'a non-name bracket after the dateline stays in the text',
    text: '本报讯（上图）今天上午，会议召开。',
    dateline: { text: '本报讯' },
    credits: [],
    lede: '（上图）今天上午，会议召开。',
  },
  {
    name: 'filed-from place inside the credit',
    text: '本报讯（记者 张三 发自北京）今天上午，会议召开。',
    credits: credits('张三:reporter'),
  },
  {
    name: 'pinyin artifacts inside the dateline',
    text: '亮點(diǎn)黔西南訊 按照要求，興仁縣採取措施。',
    dateline: { text: '亮點黔西南訊', outlet: '亮點黔西南', kind: '讯' },
    lede: '按照要求，興仁縣採取措施。',
  },
  { name: '通讯员 at the start is not a 讯 dateline', text: '通讯员李四说，今天召开会议。', dateline: null, credits: [] },
  { name: '喜讯 is not a dateline', text: '喜讯传来，全村沸腾了。', dateline: null },
  { name: '电视台 is not a dateline', text: '电视台记者今天报道了此事。', dateline: null, credits: [] },
  { name: '好消息 is not a dateline', text: '好消息！地铁5号线今天开通。', dateline: null },
  { name: 'a sentence that happens to contain 讯 is not a dateline', text: '他说自己收到了一条短讯，内容很简单。', dateline: null },
  {
    name: 'a dateline quoted later in the paragraph is not taken',
    text: '他说：“新华社北京11月26日电称，会议取得成功。”',
    dateline: null,
    credits: [],
  },
  {
    name: 'AP dateline',
    text: 'WASHINGTON (AP) — The Senate voted Tuesday to pass the bill.',
    dateline: { text: 'WASHINGTON (AP) —', outlet: 'AP', place: 'WASHINGTON', date: null, kind: '电' },
    lede: 'The Senate voted Tuesday to pass the bill.',
  },
  {
    name: 'AP dateline with a state',
    text: 'SAN JUAN, Puerto Rico (AP) — A storm hit the island.',
    dateline: { text: 'SAN JUAN, Puerto Rico (AP) —', place: 'SAN JUAN, Puerto Rico' },
  },
  {
    name: 'Reuters dateline with a date',
    text: 'LONDON, Nov 26 (Reuters) - Britain said on Tuesday.',
    dateline: { text: 'LONDON, Nov 26 (Reuters) -', outlet: 'Reuters', place: 'LONDON', date: '11-26', kind: '电' },
    lede: 'Britain said on Tuesday.',
  },
  {
    name: 'Xinhua English dateline with a double hyphen',
    text: 'BEIJING, Nov. 26 (Xinhua) -- China said on Tuesday.',
    dateline: { text: 'BEIJING, Nov. 26 (Xinhua) --', outlet: 'Xinhua', place: 'BEIJING', date: '11-26' },
  },
  { name: 'an English sentence with parentheses is not a dateline', text: 'The agency (AP) said the vote was close.', dateline: null },
]

describe('parseStory: datelines and the credits that follow them', () => {
  it.each(datelineCases)('$name', (c) => {
    const story = parseStory(c.text, { bodyOnly: true })
    if (c.dateline === null) expect(story.dateline).toBeNull()
    else if (c.dateline) expect(story.dateline).toMatchObject(c.dateline)
    if (c.credits) expect(story.credits).toEqual(c.credits)
    if (c.position) expect(story.bylinePosition).toBe(c.position)
    if (c.lede !== undefined) expect(firstText(story)).toBe(c.lede)
    if (c.dateline === null && !c.credits?.length && c.credits) expect(firstText(story)).toBe(c.text)
  })
})

interface StoryCase {
  name: string
  text: string
  credits: Credit[]
  position: 'start' | 'end' | 'none'
  body?: string[]
  dateline?: string | null
}

// Whole stories (title first): credit lines at the start, at the end, and none.
const storyCases: StoryCase[] = [
  {
    name: '报道 credit glued to the last paragraph',
    text: '标题\n本报讯 今天开会。\n会议决定，加快转化。（丁宪民 报道）',
    credits: credits('丁宪民:reporter'),
    position: 'end',
    body: ['今天开会。', '会议决定，加快转化。'],
    dateline: '本报讯',
  },
  {
    name: '记者 … 报道 with half-width brackets',
    text: '标题\n今天开会。\n会议决定，加快转化。(记者 张三 报道)',
    credits: credits('张三:reporter'),
    position: 'end',
  },
  {
    name: 'traditional 報道 credit',
    text: '標題\n今天開會。\n會議決定，加快轉化。（丁憲民 報道）',
    credits: credits('丁憲民:reporter'),
    position: 'end',
    body: ['今天開會。', '會議決定，加快轉化。'],
  },
  {
    name: '作者 with a half-width colon',
    text: '标题\n今天开会。\n会议决定，加快转化。(作者:张三)',
    credits: credits('张三:contributor'),
    position: 'end',
  },
  {
    name: '作者 on its own line with a full-width colon',
    text: '标题\n今天开会。\n会议决定，加快转化。\n（作者：张三）',
    credits: credits('张三:contributor'),
    position: 'end',
    body: ['今天开会。', '会议决定，加快转化。'],
  },
  {
    name: 'reporter and correspondent at the end',
    text: '标题\n今天开会。\n会议决定，加快转化。\n（记者 张三 通讯员 李四）',
    credits: credits('张三:reporter', '李四:correspondent'),
    position: 'end',
  },
  {
    name: 'reporter and intern at the end',
    text: '标题\n今天开会。\n会议决定，加快转化。（记者 张三 实习生 李四）',
    credits: credits('张三:reporter', '李四:intern'),
    position: 'end',
  },
  {
    name: '文/图 is one credit for words and pictures',
    text: '标题\n今天开会。\n会议决定，加快转化。（文/图 张三）',
    credits: credits('张三:contributor'),
    position: 'end',
  },
  {
    name: '本報記者 line at the end',
    text: '標題\n今天開會。\n會議決定，加快轉化。\n本報記者 張三',
    credits: credits('張三:reporter'),
    position: 'end',
  },
  {
    name: 'photographer credit under the last image',
    text: '标题\n今天开会。\n会议决定，加快转化。\n![](a.jpg)\n记者 张三 摄',
    credits: credits('张三:photographer'),
    position: 'end',
  },
  {
    name: 'several photographers',
    text: '标题\n今天开会。\n会议决定，加快转化。\n张三 李四 摄',
    credits: credits('张三:photographer', '李四:photographer'),
    position: 'end',
  },
  {
    name: 'credit line followed by a source line and an editor',
    text: '标题\n本报讯 今天开会。\n会议决定，加快转化。\n（本报记者 张三 李四）\n来源：本报\n责任编辑：王五',
    credits: credits('王五:editor', '张三:reporter', '李四:reporter'),
    position: 'end',
    body: ['今天开会。', '会议决定，加快转化。', '来源：本报'],
  },
  {
    name: 'CNA editor bracket with its filing code',
    text: '標題\n（中央社記者黃名璽台北5日電）總統今天表示。\n他說，會議很重要。（編輯：林興盟）1121105',
    credits: credits('黃名璽:reporter', '林興盟:editor'),
    position: 'start',
    body: ['總統今天表示。', '他說，會議很重要。'],
  },
  {
    name: 'portal editor code',
    text: '标题\n今天开会。\n责任编辑：刘光博 SF183',
    credits: credits('刘光博:editor'),
    position: 'end',
  },
  {
    name: 'byline line before the lede',
    text: '标题\n本报记者 张三 报道\n今天开会。\n会议决定，加快转化。',
    credits: credits('张三:reporter'),
    position: 'start',
    body: ['今天开会。', '会议决定，加快转化。'],
  },
  {
    name: 'byline line with a place before 报道',
    text: '标题\n本报记者 张三 北京报道\n今天开会。',
    credits: credits('张三:reporter'),
    position: 'start',
  },
  {
    name: 'several names under each role on a byline line',
    text: '标题\n记者 王丽 李平 通讯员 赵一 钱二\n今天开会。',
    credits: credits('王丽:reporter', '李平:reporter', '赵一:correspondent', '钱二:correspondent'),
    position: 'start',
  },
  {
    name: 'outlet reporter line, then the dateline',
    text: '标题\n新华社记者 张三 李四\n新华社北京11月26日电 今天开会。',
    credits: credits('张三:reporter', '李四:reporter'),
    position: 'start',
    dateline: '新华社北京11月26日电',
    body: ['今天开会。'],
  },
  {
    name: 'dateline on its own line, credit on the next',
    text: '标题\n新华社北京11月26日电\n（记者 张三）\n今天开会。',
    credits: credits('张三:reporter'),
    position: 'start',
    dateline: '新华社北京11月26日电',
    body: ['今天开会。'],
  },
  {
    name: "dateline after an editor's note",
    text: '标题\n【编者按】这是一组系列报道。\n本报讯（记者 张三）今天开会。',
    credits: credits('张三:reporter'),
    position: 'start',
    dateline: '本报讯',
  },
  {
    name: 'scraped page furniture before the dateline stays in the body',
    text: '标题\n来源：黔西南日报 发布时间：2012-11-26\n本报讯（记者 张三）今天开会。',
    credits: credits('张三:reporter'),
    position: 'start',
    dateline: '本报讯',
    body: ['来源：黔西南日报 发布时间：2012-11-26', '今天开会。'],
  },
  {
    name: 'photo caption under a lead image, then the dateline',
    text: '标题\n![](a.jpg)\n图为会议现场。\n新华社北京11月26日电（记者 张三）今天开会。',
    credits: credits('张三:reporter'),
    position: 'start',
    dateline: '新华社北京11月26日电',
    body: ['图为会议现场。', '今天开会。'],
  },
  {
    name: 'photo credit under a lead image is a caption, not the byline',
    text: '标题\n![](a.jpg)\n记者 张三 摄\n今天开会。\n会议决定，加快转化。',
    credits: credits('张三:photographer'),
    position: 'none',
    body: ['今天开会。', '会议决定，加快转化。'],
  },
  {
    name: 'unbracketed byline opening the first paragraph, no dateline',
    text: '标题\n本报记者 张三 李四 近日，市里召开会议。',
    credits: credits('张三:reporter', '李四:reporter'),
    position: 'start',
    dateline: null,
    body: ['近日，市里召开会议。'],
  },
  {
    name: 'a paragraph opening with 通讯员 and a name is not taken as a byline',
    text: '标题\n通讯员 张三 说，今天开会。',
    credits: [],
    position: 'none',
    body: ['通讯员 张三 说，今天开会。'],
  },
  {
    name: 'WeChat-style credits with vertical bars',
    text: '标题\n文 | 张三\n今天开会。\n编辑 | 李四',
    credits: credits('张三:contributor', '李四:editor'),
    position: 'start',
    body: ['今天开会。'],
  },
  {
    name: 'a quote with 记者 in the last paragraph is not a credit',
    text: '标题\n本报讯（记者 张三）今天开会。\n他对记者说：“会议很重要。”',
    credits: credits('张三:reporter'),
    position: 'start',
    body: ['今天开会。', '他对记者说：“会议很重要。”'],
  },
  {
    name: 'a closing parenthetical that is not a credit',
    text: '标题\n今天开会。\n收入增长了5%（见下图）',
    credits: [],
    position: 'none',
    body: ['今天开会。', '收入增长了5%（见下图）'],
  },
  {
    name: 'no dateline and no byline',
    text: '标题\n今天开会。\n会议决定，加快转化。',
    credits: [],
    position: 'none',
    dateline: null,
    body: ['今天开会。', '会议决定，加快转化。'],
  },
  {
    name: 'a heading is not a byline',
    text: '标题\n抓班子 强组织\n今天开会。',
    credits: [],
    position: 'none',
  },
  {
    name: 'English byline and AP dateline',
    text: 'Senate passes bill\nBy Jane Doe\nWASHINGTON (AP) — The Senate voted.\nMore text.',
    credits: credits('Jane Doe:reporter'),
    position: 'start',
    dateline: 'WASHINGTON (AP) —',
    body: ['The Senate voted.', 'More text.'],
  },
  {
    name: 'English byline with two names and an agency line',
    text: 'Senate passes bill\nBy JANE DOE and JOHN ROE\nAssociated Press\nWASHINGTON (AP) — The Senate voted.',
    credits: credits('JANE DOE:reporter', 'JOHN ROE:reporter'),
    position: 'start',
    body: ['The Senate voted.'],
  },
  {
    name: 'English byline with three names',
    text: 'Title\nBy Jane Doe, John Roe and Ann Poe\nThe Senate voted.',
    credits: credits('Jane Doe:reporter', 'John Roe:reporter', 'Ann Poe:reporter'),
    position: 'start',
  },
  {
    name: 'Reuters closing credits',
    text: 'Title\nLONDON, Nov 26 (Reuters) - Britain said.\nMore.\n(Reporting by Jane Doe in London; Editing by John Roe)',
    credits: credits('Jane Doe:reporter', 'John Roe:editor'),
    position: 'end',
    body: ['Britain said.', 'More.'],
  },
]

describe('parseStory: credit lines', () => {
  it.each(storyCases)('$name', (c) => {
    const story = parseStory(c.text)
    expect(story.credits).toEqual(c.credits)
    expect(story.bylinePosition).toBe(c.position)
    if (c.body) expect(story.body.filter((b) => b.type !== 'image').map((b) => ('text' in b ? b.text : ''))).toEqual(c.body)
    if (c.dateline !== undefined) expect(story.dateline?.text ?? null).toBe(c.dateline)
  })
})

describe('parseStory: title, body and script', () => {
  it('takes the first non-empty line as the title, without markdown # and pinyin artifacts', () => {
    const story = parseStory('\n\n# 三抓三強(qiáng)加快轉化\n\n今天開會。')
    expect(story.title).toBe('三抓三強加快轉化')
    expect(story.body).toEqual([{ type: 'paragraph', text: '今天開會。' }])
  })
  it('has no title with bodyOnly', () => {
    const story = parseStory('第一段。\n第二段。', { bodyOnly: true })
    expect(story.title).toBe('')
    expect(story.body).toHaveLength(2)
  })
  it('makes images and headings blocks', () => {
    const story = parseStory(
      '标题\n今天开会。\n## 会议要求\n抓班子 强组织\n会议要求加快转化。\n![现场](/img/a.jpg "caption")\n![](/img/b.jpg)',
    )
    expect(story.body).toEqual([
      { type: 'paragraph', text: '今天开会。' },
      { type: 'heading', text: '会议要求' },
      { type: 'heading', text: '抓班子 强组织' },
      { type: 'paragraph', text: '会议要求加快转化。' },
      { type: 'image', src: '/img/a.jpg', alt: '现场' },
      { type: 'image', src: '/img/b.jpg' },
    ])
  })
  it('does not make the lede or a closing short line a heading', () => {
    const story = parseStory('标题\n短短的导语\n正文很长，有标点。\n结尾短句')
    expect(story.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph'])
  })
  it('keeps pinyin artifacts in the body unless asked', () => {
    const text = '标题\n本报讯 三抓三强(qiáng)措施。'
    expect(firstText(parseStory(text))).toBe('三抓三强(qiáng)措施。')
    expect(firstText(parseStory(text, { stripArtifacts: true }))).toBe('三抓三强措施。')
  })
  it('detects the script of the story', () => {
    expect(parseStory('标题\n本报讯 今天开会。').script).toBe('simplified')
    expect(parseStory('標題\n本報訊 今天開會。').script).toBe('traditional')
  })
  it('handles empty input', () => {
    expect(parseStory('')).toEqual({ title: '', dateline: null, credits: [], bylinePosition: 'none', script: 'simplified', body: [] })
  })
})

describe('parseStory: the founding story', () => {
  const story = parseStory(founding)

  it('reads the title as written, without artifacts', () => {
    expect(story.title).toBe('興仁縣“三抓三強”加快后進黨組織轉化')
  })
  it('reads the dateline glued to the lede', () => {
    expect(story.dateline).toEqual({ text: '亮點黔西南訊', outlet: '亮點黔西南', place: null, date: null, kind: '讯' })
    const first = story.body[0]
    expect(first.type === 'paragraph' && first.text.startsWith('按照基層組織建設')).toBe(true)
  })
  it('reads the byline glued to the end', () => {
    expect(story.credits).toEqual([{ name: '丁憲民', role: 'reporter' }])
    expect(story.bylinePosition).toBe('end')
    const last = story.body[story.body.length - 2]
    expect(last.type === 'paragraph' && last.text.endsWith('一般黨支部。')).toBe(true)
  })
  it('is traditional, with three headings and a closing image', () => {
    expect(story.script).toBe('traditional')
    expect(story.body.filter((b) => b.type === 'heading')).toHaveLength(3)
    expect(story.body[story.body.length - 1]).toEqual({ type: 'image', src: '/images/ldqxn_wx.jpg' })
    expect(story.body).toHaveLength(9)
  })
  it('leaves the corrupted sequence alone', () => {
    expect(JSON.stringify(story.body)).toContain('德才兼?zhèn)洹')
  })
})
