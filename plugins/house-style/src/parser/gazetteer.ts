/**
 * Place names as they appear in Chinese datelines and bylines, in simplified characters (callers match on
 * simplifyChars() output, so 臺北 and 台北 both hit 台北).
 *
 * Why: datelines carry a place after the outlet (新华社|贵阳) or without one (北京11月26日电); some glue a
 * reporter's name to the place (`中央社記者黃名璽台北5日電`); bylines end in `北京报道`. Telling a place
 * from a name or an outlet needs real place names: every division of China down to county level from
 * the GB/T 2260 list (lexicon/divisions.json) with the short forms datelines use, plus the places in
 * lexicon/places-extra.json (Taiwan towns, foreign cities, countries).
 */
import divisions from './lexicon/divisions.json'
import extra from './lexicon/places-extra.json'

/** Suffixes a dateline drops: 贵州省 → 贵州, 兴仁市 → 兴仁, 黔西南布依族苗族自治州 → 黔西南, 威宁彝族回族苗族自治县 → 威宁. */
const ETHNIC_AUTONOMY = /^(.+?)(?:[\u4e00-\u9fff]{1,5}?族)+自治(?:州|县|旗|区)$/
const SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|林区|新区|地区|省|市|盟|区|县|旗)$/

function shortForms(name: string): string[] {
  const forms = [name]
  const ethnic = ETHNIC_AUTONOMY.exec(name)
  const short = ethnic ? ethnic[1] : name.replace(SUFFIX, '')
  if (short !== name && short.length >= 2) forms.push(short)
  return forms
}

const rows = divisions as [string, string, number][]

/** Provinces and prefecture-level places (and foreign ones): too well known to be a person's name. */
const MAJOR = new Set<string>()
/** Every place, simplified, full and short forms. */
const ALL = new Set<string>()

for (const [, name, level] of rows) {
  for (const form of shortForms(name)) {
    ALL.add(form)
    if (level <= 2) MAJOR.add(form)
  }
}
for (const list of [extra.taiwan, extra.world, extra.countries, extra.china]) {
  for (const place of list) {
    ALL.add(place)
    MAJOR.add(place)
  }
}

export const PLACES: ReadonlySet<string> = ALL

const LONGEST = Math.max(...[...ALL].map((p) => p.length))

/** Any known place, down to county level. */
export function isPlace(simplified: string): boolean {
  return ALL.has(simplified)
}

/** A province, prefecture or foreign place: county names (高明, 安宁, 和平) are also people's names. */
export function isMajorPlace(simplified: string): boolean {
  return MAJOR.has(simplified)
}

/**
 * The length of the longest known place that ends `simplified` while leaving at least `keep`
 * characters before it, or 0. `黄名玺台北` → 2 (台北), leaving the name 黄名玺.
 */
export function trailingPlaceLength(simplified: string, keep = 2): number {
  for (let k = Math.min(LONGEST, simplified.length - keep); k >= 2; k--) {
    if (ALL.has(simplified.slice(simplified.length - k))) return k
  }
  return 0
}

/** The length of the longest known place that starts `simplified`, or 0. */
export function leadingPlaceLength(simplified: string): number {
  for (let k = Math.min(LONGEST, simplified.length); k >= 2; k--) {
    if (ALL.has(simplified.slice(0, k))) return k
  }
  return 0
}
