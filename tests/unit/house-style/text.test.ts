import OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { HAN_CLASS, HAN_CLASS_U, HAN_SOURCE, isHan } from '../../../plugins/house-style/src/text/han'
import {
  findPinyinArtifacts,
  isReadingOf,
  stripPinyinArtifacts,
  stripPinyinArtifactsMapped,
} from '../../../plugins/house-style/src/text/pinyin-artifact'
import {
  convertScript,
  detectScript,
  scriptEvidence,
  simplifyChar,
  simplifyChars,
  toSimplified,
} from '../../../plugins/house-style/src/text/script'
import { foundingStorySource } from '../../support/founding-story'

const founding = foundingStorySource()

describe('isHan', () => {
  it.each(['中', '國', '㐀', '䶵', '兀', '𠀀', '𪚥'])('accepts %s', (ch) => expect(isHan(ch)).toBe(true))
  it.each(['', 'a', '1', '，', '。', '〇', '々', 'あ', 'ア', '한', '⺀', '（'])('rejects %j', (ch) => expect(isHan(ch)).toBe(false))
  it('exposes regex sources that agree with isHan', () => {
    expect(new RegExp(`^${HAN_CLASS}$`).test('中')).toBe(true)
    expect(new RegExp(`^${HAN_SOURCE}$`).test('a')).toBe(false)
    expect(new RegExp(`^${HAN_CLASS_U}$`, 'u').test('𠀀')).toBe(true)
  })
})

describe('pinyin artifacts', () => {
  it('finds the parenthesised syllable only, with offsets', () => {
    const text = '三抓三強(qiáng)措施'
    const [a] = findPinyinArtifacts(text)
    expect(a).toEqual({ start: 4, end: 11, char: '強', syllable: 'qiáng' })
    expect(text.slice(a.start, a.end)).toBe('(qiáng)')
  })
  it('strips simplified, traditional and polyphone readings', () => {
    expect(stripPinyinArtifacts('三抓三强(qiáng)')).toBe('三抓三强')
    expect(stripPinyinArtifacts('亮點(diǎn)黔西南訊')).toBe('亮點黔西南訊')
    expect(stripPinyinArtifacts('銀行(háng)和行(xíng)動')).toBe('銀行和行動')
    expect(stripPinyinArtifacts('勉強(qiǎng)')).toBe('勉強')
  })
  it('accepts full-width parentheses and ü', () => {
    expect(stripPinyinArtifacts('转（zhuǎn）化')).toBe('转化')
    expect(stripPinyinArtifacts('法律(lǜ)')).toBe('法律')
    expect(stripPinyinArtifacts('女(nǚ)子')).toBe('女子')
  })
  it('normalises decomposed tone marks (NFD) before comparing', () => {
    expect(stripPinyinArtifacts('强(qia\u0301ng)')).toBe('强')
  })
  it('looks up traditional characters via simplified', () => {
    expect(isReadingOf('轉', 'zhuǎn')).toBe(true)
    expect(isReadingOf('憲', 'xiàn')).toBe(true)
    expect(isReadingOf('強', 'ruò')).toBe(false)
  })
  it('keeps legitimate glosses and other parentheses', () => {
    for (const keep of [
      '兴仁 (Xīngrén) 县',
      '北京(Běijīng)',
      '美联社(AP)报道',
      '2012年(2012)',
      '行(hǎo)',
      '京(Jīng)',
      '的(de)',
      '街道(jiēdào)',
      '乡镇(街道)',
      '(qiáng)开头',
      '强 (qiáng)',
      '德才兼?zhèn)洹',
    ]) {
      expect(findPinyinArtifacts(keep)).toEqual([])
      expect(stripPinyinArtifacts(keep)).toBe(keep)
    }
  })
  it('maps stripped offsets back to the original', () => {
    const original = '亮點(diǎn)黔西南訊 按照'
    const mapped = stripPinyinArtifactsMapped(original)
    expect(mapped.text).toBe('亮點黔西南訊 按照')
    const end = mapped.text.indexOf('訊') + 1
    expect(original.slice(0, mapped.toOriginal(end))).toBe('亮點(diǎn)黔西南訊')
    expect(mapped.toOriginal(1)).toBe(1)
    expect(mapped.toOriginal(2)).toBe(2 + '(diǎn)'.length)
  })
  it('cleans the founding story except the corrupted sequence', () => {
    const clean = stripPinyinArtifacts(founding)
    expect(findPinyinArtifacts(founding).length).toBeGreaterThan(100)
    expect(clean.split('\n')[0]).toBe('興仁縣“三抓三強”加快后進黨組織轉化')
    expect(clean).toContain('德才兼?zhèn)洹')
    expect(clean).toContain('(丁憲民 報道)')
    expect(clean).toContain('(居、社區)')
    expect(clean).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[)）]/)
  })
})

describe('script', () => {
  it('detects traditional text, even short and mixed', () => {
    expect(detectScript(founding)).toBe('traditional')
    expect(detectScript('台北5日電')).toBe('traditional')
    expect(detectScript('本報記者')).toBe('traditional')
    expect(detectScript('後')).toBe('traditional')
  })
  it('detects simplified text and defaults to simplified without evidence', () => {
    expect(detectScript('新华社贵阳11月26日电')).toBe('simplified')
    expect(detectScript('后')).toBe('simplified')
    expect(detectScript('中文')).toBe('simplified')
    expect(detectScript('')).toBe('simplified')
    expect(detectScript('WASHINGTON (AP) —')).toBe('simplified')
  })
  it('ignores characters valid in both scripts', () => {
    expect(scriptEvidence('皇后 公里 台北 於是')).toEqual({ traditional: 0, simplified: 0 })
  })
  it('does not count the forms Taiwan and Hong Kong share with the mainland as simplified', () => {
    expect(scriptEvidence('群 峰 床 温')).toEqual({ traditional: 0, simplified: 0 })
    expect(detectScript('興仁特色產業帶動群眾增收')).toBe('traditional')
  })
  it('simplifies character by character keeping offsets', () => {
    const t = '本報記者 丁憲民 報道 衞 裡'
    const s = simplifyChars(t)
    expect(s).toBe('本报记者 丁宪民 报道 卫 里')
    expect(s.length).toBe(t.length)
    expect(simplifyChar('電')).toBe('电')
    expect(simplifyChar('中')).toBe('中')
  })
  it('converts traditional from any region to simplified', () => {
    expect(toSimplified('新華社貴陽11月26日電(記者 王麗)')).toBe('新华社贵阳11月26日电(记者 王丽)')
    expect(toSimplified('衞生 綫路')).toBe('卫生 线路')
    expect(toSimplified('裡面 演著')).toBe('里面 演着')
    expect(toSimplified('乾隆 顯著')).toBe('乾隆 显著')
    expect(toSimplified('已经是简体')).toBe('已经是简体')
    expect(toSimplified(stripPinyinArtifacts(founding)).split('\n')[0]).toBe('兴仁县“三抓三强”加快后进党组织转化')
  })
  it('leaves simplified text unchanged, words Taiwan writes differently included', () => {
    const words =
      '显著 著名 著作 土著 著录 著称于世 什么 干么 乾隆 皇后 台风 公里 于是 沈阳 麻痹 头发 里面 面条 只有 一只 了解 征收 余下 ' +
      '范围 山谷 松树 小丑 几个 斗争 关系 制度 复杂 获得 钟表 历史 发展 吃饭 人才 山峰 群众 床位 肥皂 秘密 接着 随着 接著'
    expect(toSimplified(words)).toBe(words)
    const story = toSimplified(stripPinyinArtifacts(founding))
    expect(toSimplified(story)).toBe(story)
    expect(toSimplified('成效显著。')).toBe('成效显著。')
  })
  it('converts only what is traditional in mixed text', () => {
    // The Taiwan variant rule 著 → 着 must not reach a mainland 显著 in the same sentence.
    expect(toSimplified('成效显著，記者從兴仁了解到')).toBe('成效显著，记者从兴仁了解到')
    expect(toSimplified('显著提高傳統產業')).toBe('显著提高传统产业')
    expect(toSimplified('记者從兴仁了解到，成效显著')).toBe('记者从兴仁了解到，成效显著')
    expect(toSimplified('於是天氣乾燥')).toBe('于是天气干燥')
  })
  it('reads Taiwan 著 as 着 only in text written in traditional', () => {
    expect(toSimplified('他接著說')).toBe('他接着说')
    expect(toSimplified('隨著')).toBe('随着')
    expect(toSimplified('成效顯著')).toBe('成效显著')
    expect(toSimplified('著名作家說')).toBe('著名作家说')
    expect(toSimplified('接著')).toBe('接著') // no evidence either way: left as written
  })
  it('converts traditional text by table exactly as OpenCC does', () => {
    // Clauses without a phrase-dependent character skip OpenCC; the result must not differ from it.
    const text = stripPinyinArtifacts(founding)
    const hk = OpenCC.ConverterFactory(OpenCC.Locale.from.hk)
    const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' })
    expect(toSimplified(text)).toBe(tw2s(hk(text)))
  })
  it('converts the master per channel', () => {
    expect(convertScript('台湾 里面 软件', 'zh-Hant-TW')).toBe('臺灣 裡面 軟件')
    expect(convertScript('台湾 里面 软件', 'zh-Hant-HK')).toBe('台灣 裏面 軟件')
    expect(convertScript('软件 信息', 'zh-Hant-TW', { phrases: true })).toBe('軟體 資訊')
    expect(convertScript('記者', 'zh-Hans')).toBe('记者')
  })
})
