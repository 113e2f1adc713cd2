/**
 * Dateline dates to the ParsedStory format: 'YYYY-MM-DD' when a year is written, 'MM-DD' for
 * month and day (the usual 11月26日), null for a bare day (中央社 台北5日電: the month is the
 * publication's, which the text does not say).
 */

/** Chinese dateline date: [YYYY年][M月]D日 in ASCII, full-width or Chinese numerals. */
export const CHINESE_DATE =
  '(?:(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年)?(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月)?(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日'

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** '26', '２６', '二十六', '十一', '二〇一二' → number. */
function toNumber(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (/^\d+$/.test(ascii)) return Number(ascii)
  if (!text.includes('十')) return Number([...text].map((c) => DIGITS[c] ?? NaN).join(''))
  const [tens, ones] = text.split('十')
  return (tens ? DIGITS[tens] : 1) * 10 + (ones ? DIGITS[ones] : 0)
}

const pad = (n: number) => String(n).padStart(2, '0')

function format(year: number | null, month: number | null, day: number): string | null {
  if (month === null || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) return null
  if (year === null) return `${pad(month)}-${pad(day)}`
  return year >= 1900 && year <= 2200 ? `${year}-${pad(month)}-${pad(day)}` : null
}

const CHINESE_PARTS = /^(?:(.{4})年)?(?:(.{1,3})月)?(.{1,3})日$/

export function parseChineseDate(text: string): string | null {
  const m = CHINESE_PARTS.exec(text)
  if (!m) return null
  return format(m[1] ? toNumber(m[1]) : null, m[2] ? toNumber(m[2]) : null, toNumber(m[3]))
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** English dateline dates as AP and Reuters write them: 'Nov 26', 'Nov. 26', 'November 26'. */
export const ENGLISH_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})$/

export function parseEnglishDate(text: string): string | null {
  const m = ENGLISH_DATE.exec(text)
  return m ? format(null, MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2])) : null
}
