import { readFileSync } from 'node:fs'
import { findPinyinArtifacts, stripPinyinArtifacts } from './plugins/house-style/src/text/pinyin-artifact'
import { detectScript, toSimplified, simplifyChars, convertScript, scriptEvidence } from './plugins/house-style/src/text/script'
const fx = readFileSync('/work/shared/fixtures/founding-article.md', 'utf8')
let t = performance.now()
const s = stripPinyinArtifacts(fx)
console.log('strip ms', performance.now() - t)
t = performance.now(); stripPinyinArtifacts(fx); console.log('strip2 ms', performance.now() - t)
console.log(findPinyinArtifacts(fx).length, s.match(/[(（][^)）]*[)）]/g), s.match(/.{3}zh.{5}/g))
console.log(s.slice(0, 200))
t = performance.now(); console.log(detectScript(fx), scriptEvidence(fx), performance.now() - t)
for (const x of ['台北5日電', '中文', '后', '後', '新华社贵阳11月26日电', '兴仁 (Xīngrén) 北京(Běijīng) (AP) (2012) 強(qiáng) 行(háng) 行(hǎo) 京(Jīng)']) console.log(x, detectScript(x), stripPinyinArtifacts(x))
console.log(simplifyChars('本報記者 丁憲民 報道 衞 裡 著'), toSimplified('衞生 裡面 演著 記者'), convertScript('软件 台湾 里面', 'zh-Hant-TW'), convertScript('软件 台湾 里面', 'zh-Hant-HK'), convertScript('软件 信息', 'zh-Hant-TW', { phrases: true }))
console.log(toSimplified(fx.slice(0,80)))
