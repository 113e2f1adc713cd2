import OpenCC from 'opencc-js'
import { simplifyChars } from '../../plugins/house-style/src/text/script'
const keys = (d: any) => (typeof d === 'string' ? d.split('|').map((e: string) => e.split(' ')[0]) : d.map((p: any) => p[0]))
for (const r of ['tw', 'hk'] as const) { const ks = keys(OpenCC.Locale.from[r][0][1]); console.log(r, ks.map((k: string) => k + '→' + simplifyChars(k)).join(' ')) }
const nonHan = new Set<string>()
const groups = [OpenCC.Locale.to.cn[0][0], OpenCC.Locale.from.tw[0][0], OpenCC.Locale.from.hk[0][0]]
for (const d of groups) for (const k of keys(d)) for (const ch of k) if (!/\p{Script=Han}/u.test(ch)) nonHan.add(ch)
console.log('non-Han in phrase keys', [...nonHan].map(c => c + ' U+' + c.codePointAt(0)!.toString(16)).join(' '))
const ts = keys(OpenCC.Locale.to.cn[0][0])
console.log('TSPhrases', ts.length, 'max len', Math.max(...ts.map((k: string) => k.length)))
