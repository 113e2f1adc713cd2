import OpenCC from 'opencc-js'
const d = (x: any) => new Map<string, string>((typeof x === 'string' ? x.split('|').map((e: string) => e.split(' ')) : x).map((p: string[]) => [p[0], p.slice(1).join(' ')]))
const st = d(OpenCC.Locale.from.cn[0][1]); const ts = d(OpenCC.Locale.to.cn[0][1])
const stVals = new Set([...st.values()].flatMap(v => v.split(' ')))
for (const c of ['著', '着', '衞', '綫', '裡', '温', '溫', '么', '麼', '麽', '乾', '於', '才', '群', '峰', '干', '後', '后', '台', '臺', '沈', '拚', '醣', '夥']) console.log(c, 'stKey', st.get(c), 'stVal', stVals.has(c), 'tsKey', ts.get(c))
import { simplifyChars } from '../../plugins/house-style/src/text/script'
const stp = [...d(OpenCC.Locale.from.cn[0][0]).keys()].join('|')
for (const r of ['tw', 'hk'] as const) for (const k of d(OpenCC.Locale.from[r][0][1]).keys()) { const s = simplifyChars(k); if (s !== k && (stp.includes(k))) console.log(r, k, '→', s, 'in STPhrases keys') }
