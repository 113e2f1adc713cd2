import { readFileSync } from 'node:fs'
import { parseStory } from './plugins/house-style/src/parser'
const fx = readFileSync('/work/shared/fixtures/founding-article.md', 'utf8')
const lines = fx.split('\n')
const big = [lines[0], lines[1], ...Array(12).fill(lines.slice(2, -2)).flat(), ...lines.slice(-2)].join('\n').slice(0)
console.log('chars', big.length)
const simple = '标题\n新华社贵阳11月26日电（记者 王丽 李平）' + '贵州省今天召开会议，研究部署工作。'.repeat(1100) + '\n（完）'
for (const [name, t] of [['founding-x', big], ['simple', simple]] as const) {
  parseStory(t)
  const n = 200; const t0 = performance.now(); for (let i = 0; i < n; i++) parseStory(t); console.log(name, t.length, ((performance.now() - t0) / n).toFixed(3), 'ms')
}
