import { parseStory } from './plugins/house-style/src/parser'
const cases = [
  '标题\n本报记者 张三 北京报道\n今天开会。',
  '标题\n■本报记者 张三\n今天开会。',
  '标题\n【明報專訊】今天開會。',
  '标题\n【新华社北京11月26日电】今天开会。',
  '标题\n〔記者張三／台北報導〕今天開會。\n會議決定。',
  '标题\n今天开会。\n本期编辑：张三',
  '标题\n【编者按】这是一篇好文章。\n本报讯（记者 张三）今天开会。',
  '标题\n本报讯（全媒体记者 张三 见习记者 李四）今天开会。',
  '标题\n南方日报讯 （记者/张三 通讯员/李四）今天开会。',
  '标题\n新华社北京11月26日电 记者王丽 李平 今天开会。',
  '标题\n今天开会。\n（张三李四报道）',
  '标题\n本报讯 记者手记 今天开会。',
  '标题\n记者手记\n今天开会。',
  '标题\n（中央社駐華盛頓特派員張三4日電）美國今天表示。',
  '标题\n（中央社華府4日綜合外電報導）美國今天表示。',
  '标题\nWASHINGTON, Nov. 26 (Xinhua) -- The U.S. said.',
  '标题\nSAN JUAN, Puerto Rico (AP) — A storm hit.',
  '标题\n作者简介\n今天开会。',
]
for (const c of cases) { const p = parseStory(c); console.log(c.replace(/\n/g, '⏎').slice(0, 46).padEnd(48), JSON.stringify(p.dateline), JSON.stringify(p.credits.map(c => c.name + ':' + c.role)), p.bylinePosition, '|', JSON.stringify(p.body.map(b => b.type === 'image' ? 'IMG' : b.type[0] + ':' + b.text.slice(0, 10)))) }
