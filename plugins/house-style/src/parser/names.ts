/**
 * Is a run of Han characters a Chinese personal name, and where do glued names split?
 *
 * Credit lines list names as 2–4 character runs (`王丽 李平`), sometimes glued (`王丽李平`,
 * `黄名玺陈家伦`). A surname list is what separates 王丽 from a lede's first words (近日, 全市),
 * and it scores the ways of cutting a glued run. Callers pass simplified text (simplifyChars).
 */
import { isPlace } from './gazetteer'

const SINGLE_SURNAMES = new Set(
  `王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢
姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施
文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲
翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米
柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班
储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云
容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居
揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由竺郦蓬訾宦鱼钮洪凤郗游邴雎糜岑陈
赖习荀丘贝濮寿步扶萨`.replace(/\s/g, ''),
)

const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 端木 宇文 长孙 夏侯 轩辕 呼延 南宫 西门 澹台 司徒 申屠 独孤 百里 东郭 闻人 万俟 太史 钟离 拓跋'.split(' '),
)

/**
 * Two-to-four character words that start with a surname character but open ledes (近日 is safe:
 * 近 is not a surname; 全市, 高温, 明天 are not). Places are rejected through the gazetteer.
 */
const NOT_NAMES = new Set(
  `全市 全省 全县 全区 全州 全镇 全乡 全村 全国 全球 全年 全体 全面 高温 高考 高速 明天 明年 明日 时下 时值 时隔 于是
平日 和平 向来 初夏 初春 初秋 初冬 常年 连日 连续 国家 国内 国际 国务院 国庆 当天 当日 当前 万名 成功 宁静 安全
华夏 金秋 江南 南方 龙年 马年 元旦 春节 中秋 新春 新年 记者 通讯员 昨天 今天 今年 去年 日前 近日 简介 简讯 管理 安排 应该 应当 成为 相关 来自 向着 和谐`.split(/\s+/),
)

/** Interpuncts join the parts of transliterated names: 阿卜杜拉·艾力, 玛丽·居里. */
const INTERPUNCT = /[·•・‧]/

export function hasSurname(name: string): boolean {
  return COMPOUND_SURNAMES.has(name.slice(0, 2)) || SINGLE_SURNAMES.has(name[0])
}

/** A credit name: 2–4 Han characters starting with a surname, or a transliterated name with an interpunct. */
export function looksLikeName(name: string): boolean {
  if (INTERPUNCT.test(name)) return name.length >= 3 && name.length <= 20 && !INTERPUNCT.test(name[0]) && !INTERPUNCT.test(name[name.length - 1])
  if (name.length < 2 || name.length > 4) return false
  if (NOT_NAMES.has(name) || isPlace(name)) return false
  if (name.length === 4 && !COMPOUND_SURNAMES.has(name.slice(0, 2))) return false
  return hasSurname(name)
}

/** Score of one cut piece: a surname start is what matters; three-character names are the most common. */
function pieceScore(piece: string): number {
  if (!looksLikeName(piece)) return -Infinity
  return piece.length === 3 ? 3 : piece.length === 2 ? 2.5 : 2
}

/**
 * Lengths to cut a glued run of names into (`王丽李平` → [2, 2], `黄名玺陈家伦` → [3, 3]),
 * or null when no cut makes every piece a plausible name. A run that is one name stays whole.
 */
export function splitGluedNames(run: string): number[] | null {
  if (INTERPUNCT.test(run)) return looksLikeName(run) ? [run.length] : null
  if (run.length <= 3) return looksLikeName(run) ? [run.length] : null
  if (run.length === 4 && COMPOUND_SURNAMES.has(run.slice(0, 2))) return [4]
  // best[i]: best score for run.slice(0, i) and the cut that achieves it.
  const best: { score: number; cut: number[] }[] = [{ score: 0, cut: [] }]
  for (let i = 1; i <= run.length; i++) {
    best[i] = { score: -Infinity, cut: [] }
    for (let len = 2; len <= 4 && len <= i; len++) {
      const prev = best[i - len]
      const score = prev.score + pieceScore(run.slice(i - len, i))
      if (score > best[i].score) best[i] = { score, cut: [...prev.cut, len] }
    }
  }
  const result = best[run.length]
  return Number.isFinite(result.score) ? result.cut : null
}
