/**
 * What an outlet name looks like: 本报/本台/本网, or a name ending in a media word
 * (新华社, 人民网, 黔西南日报, 中国新闻网, 中央人民广播电台, 澎湃新闻, 经济日报-中国经济网).
 * Used to split a dateline's outlet from its place (新华社|贵阳) and to accept 新华社记者 as a role word.
 * Simplified text only.
 */
import { HAN_RANGES } from '../text/han'

/** Longer words first: at a given length the first alternative that fits wins (新闻网 before 新闻). */
const MEDIA_WORDS = [
  '新闻网', '新闻社', '通讯社', '新闻中心', '融媒体中心', '广播电视台', '电视台', '广播电台', '电台', '之声', '客户端',
  '日报社', '报社', '日报', '晚报', '早报', '时报', '商报', '周报', '周刊', '导报', '都市报', '快报', '晨报', '青年报',
  '新闻', '杂志', '在线', '频道', '传媒', '报', '网', '社', '台',
].join('|')

const ONE_OUTLET = `(?:本[报台网刊站]|[${HAN_RANGES}A-Za-z0-9·]{1,10}?(?:${MEDIA_WORDS}))`
/** Two outlets joined by a dash or slash are one credit (经济日报-中国经济网). */
export const OUTLET = `${ONE_OUTLET}(?:[-－—/]${ONE_OUTLET})*`

const OUTLET_AT_START = new RegExp(`^${OUTLET}`)
const OUTLET_WHOLE = new RegExp(`^${OUTLET}$`)

/** Length of the outlet that starts `simplified` (新华社贵阳 → 3), or 0. */
export function outletPrefixLength(simplified: string): number {
  return OUTLET_AT_START.exec(simplified)?.[0].length ?? 0
}

export function isOutlet(simplified: string): boolean {
  return OUTLET_WHOLE.test(simplified)
}
