import { readFileSync } from 'node:fs'
import { parseStory } from './plugins/house-style/src/parser'
const fx = readFileSync('/work/shared/fixtures/founding-article.md', 'utf8')
const r = parseStory(fx)
console.log(JSON.stringify({ ...r, body: r.body.map(b => b.type === 'image' ? b : { type: b.type, text: b.text.slice(0, 30) }) }, null, 1))
const cases = [
  '新华社贵阳11月26日电（记者 王丽 李平）贵州省今天召开会议。',
  '新華社北京11月26日電(記者張三)國務院今天召開常務會議。',
  '本报讯 近日，市里召开会议。',
  '本报兴义讯（记者 张三 通讯员 李四）近日，市里召开会议。',
  '黔西南日报6月3日讯 近日，市里召开会议。',
  '晚报讯 记者 张三 李四 通讯员 王五 近日，市里召开会议。',
  '新华网北京11月26日消息 国务院今天召开会议。',
  '本报消息 国务院今天召开会议。',
  '（中央社記者黃名璽台北5日電）總統今天表示。',
  '（中央社記者黃名璽、陳家倫華盛頓4日專電）美國今天表示。',
  '据新华社电 国务院今天召开会议。',
  '据新华社北京11月26日电 国务院今天召开会议。',
  'WASHINGTON (AP) — The Senate voted.',
  'LONDON, Nov 26 (Reuters) - Britain said.',
  '人民网北京11月26日电 （记者 张三）国务院今天召开会议。',
  '新华社北京2012年11月26日专电 国务院今天召开会议。',
  '通讯员李四说，今天召开会议。',
  '喜讯传来，今天召开会议。',
  '本报讯 记者张三近日从市教育局获悉，今年高考将于6月举行。',
  '电视台记者今天报道了此事。',
  '北京11月26日电 国务院今天召开会议。',
  '中国新闻网北京11月26日电 国务院今天召开会议。',
  '中央人民广播电台讯 国务院今天召开会议。',
]
for (const c of cases) { const p = parseStory(c, { bodyOnly: true }); console.log(c.slice(0, 30).padEnd(32, '　'), JSON.stringify(p.dateline), JSON.stringify(p.credits), p.bylinePosition, '|', (p.body[0] as any)?.text?.slice(0, 15)) }
