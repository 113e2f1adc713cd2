import { readFileSync } from 'node:fs'
import { viewLine } from './plugins/house-style/src/parser/line-view'
import { simplifyChars, detectScript } from './plugins/house-style/src/text/script'
import { findPinyinArtifacts } from './plugins/house-style/src/text/pinyin-artifact'
const fx = readFileSync('/work/shared/fixtures/founding-article.md', 'utf8')
const simple = '贵州省今天召开会议，研究部署工作。'.repeat(1100)
const bench = (name: string, f: () => unknown, n = 300) => { f(); const t0 = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name, ((performance.now() - t0) / n).toFixed(4), 'ms') }
bench('simplifyChars 18k', () => simplifyChars(simple))
bench('viewLine 18k', () => viewLine(simple))
bench('findPinyin fx', () => findPinyinArtifacts(fx))
bench('detect 18k', () => detectScript(simple))
const last = fx.split('\n').slice(-2)[0]
bench('view last', () => viewLine(last))
