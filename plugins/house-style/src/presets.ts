/**
 * Dateline presets and byline patterns: how an outlet writes its 电头 and its credit line.
 * An outlet picks one of each in payload.config.ts; the renderer and the dateline rule read them from here.
 */
import type { BylinePatternId, Credit, CreditRole, Dateline, DatelineKind, DatelinePresetId, LocalizedMessage } from './types'

type DatelinePart = 'outlet' | 'place' | 'date'

export interface DatelinePreset {
  id: DatelinePresetId
  label: LocalizedMessage
  example: string
  /** Parts the dateline must have for this preset (checked by the dateline-complete rule). */
  required: DatelinePart[]
  /** The kind used when the article does not set one. */
  defaultKind: DatelineKind
  render(dateline: Dateline, timeZone: string): string
}

/** Building an Intl formatter costs milliseconds: keep one per time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>()
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Month and day of an ISO date as the desk sees it (a date picked at midnight in Beijing is the previous day in UTC). */
export function calendarDay(iso: string, timeZone: string): { month: number; day: number; year: number } | null {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return null
  const parts = dayFormatter(timeZone).formatToParts(date)
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day') }
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']

/** Chinese datelines: outlet + place + M月D日 + kind, each part shown only when the preset shows it and it is set. */
function renderChinese(shown: DatelinePart[], fallbackOutlet?: string) {
  return (dateline: Dateline, timeZone: string, defaultKind: DatelineKind): string => {
    const outlet = dateline.outlet?.trim() || fallbackOutlet || ''
    const place = shown.includes('place') ? (dateline.place?.trim() ?? '') : ''
    const day = shown.includes('date') && dateline.date ? calendarDay(dateline.date, timeZone) : null
    const date = day ? `${day.month}月${day.day}日` : ''
    if (!outlet && !place) return ''
    return `${outlet}${place}${date}${dateline.kind ?? defaultKind}`
  }
}

function chinesePreset(
  id: DatelinePresetId,
  label: LocalizedMessage,
  example: string,
  shown: DatelinePart[],
  required: DatelinePart[],
  defaultKind: DatelineKind,
  fallbackOutlet?: string,
): DatelinePreset {
  const render = renderChinese(shown, fallbackOutlet)
  return { id, label, example, required, defaultKind, render: (d, tz) => render(d, tz, defaultKind) }
}

export const datelinePresets: Record<DatelinePresetId, DatelinePreset> = {
  'outlet-xun': chinesePreset(
    'outlet-xun',
    { zh: '媒体名 + 讯', en: 'Outlet + 讯' },
    '亮点黔西南讯',
    ['outlet', 'place'],
    ['outlet'],
    '讯',
  ),
  benbao: chinesePreset(
    'benbao',
    { zh: '本报讯 / 本报某地讯', en: '本报讯 (our own report)' },
    '本报兴仁讯',
    ['outlet', 'place'],
    [],
    '讯',
    '本报',
  ),
  wire: chinesePreset(
    'wire',
    { zh: '通讯社电头', en: 'Wire dateline' },
    '新华社贵阳11月26日电',
    ['outlet', 'place', 'date'],
    ['outlet', 'place', 'date'],
    '电',
  ),
  xiaoxi: chinesePreset(
    'xiaoxi',
    { zh: '消息', en: 'News item (消息)' },
    '新华网北京11月26日消息',
    ['outlet', 'place', 'date'],
    ['outlet'],
    '消息',
  ),
  ap: {
    id: 'ap',
    label: { zh: '美联社', en: 'AP' },
    example: 'WASHINGTON (AP) —',
    required: ['place'],
    defaultKind: '电',
    render: (d) => (d.place ? `${d.place.trim().toUpperCase()} (${d.outlet?.trim() || 'AP'}) —` : ''),
  },
  reuters: {
    id: 'reuters',
    label: { zh: '路透社', en: 'Reuters' },
    example: 'LONDON, Nov 26 (Reuters) -',
    required: ['place', 'date'],
    defaultKind: '电',
    render: (d, tz) => {
      if (!d.place) return ''
      const day = d.date ? calendarDay(d.date, tz) : null
      const date = day ? `, ${ENGLISH_MONTHS[day.month - 1]} ${day.day}` : ''
      return `${d.place.trim().toUpperCase()}${date} (${d.outlet?.trim() || 'Reuters'}) -`
    },
  },
}

/** The role words of Chinese credit lines, in the order they are written. */
export const roleWords: Record<CreditRole, { zh: string; en: string }> = {
  reporter: { zh: '记者', en: 'Reporter' },
  correspondent: { zh: '通讯员', en: 'Correspondent' },
  intern: { zh: '实习生', en: 'Intern' },
  photographer: { zh: '摄', en: 'Photographer' },
  contributor: { zh: '作者', en: 'Contributor' },
  editor: { zh: '责任编辑', en: 'Editor' },
}

export interface BylinePattern {
  id: BylinePatternId
  label: LocalizedMessage
  example: string
  /** start: right after the dateline, in the same paragraph; end: after the last paragraph's text. */
  position: 'start' | 'end'
  render(credits: Credit[]): string
}

const namesFor = (credits: Credit[], role: CreditRole) => credits.filter((c) => c.role === role).map((c) => c.name.trim())

/** Editors are credited in the page furniture (责任编辑), not in the story's credit line. */
const onTheLine = (credits: Credit[]) => credits.filter((c) => c.role !== 'editor' && c.name.trim())

export const bylinePatterns: Record<BylinePatternId, BylinePattern> = {
  'reported-by': {
    id: 'reported-by',
    label: { zh: '（某某 报道）', en: '(Name 报道) at the end' },
    example: '（丁宪民 报道）',
    position: 'end',
    render: (credits) => {
      const names = onTheLine(credits).map((c) => c.name.trim())
      return names.length ? `（${names.join(' ')} 报道）` : ''
    },
  },
  'reporter-correspondent': {
    id: 'reporter-correspondent',
    label: { zh: '（记者 某某 通讯员 某某）', en: '(记者 … 通讯员 …) after the dateline' },
    example: '（记者 李四 通讯员 王五）',
    position: 'start',
    render: (credits) => {
      const groups = (['reporter', 'correspondent', 'intern', 'photographer', 'contributor'] as CreditRole[])
        .map((role) => ({ role, names: namesFor(credits, role) }))
        .filter((group) => group.names.length)
        .map(({ role, names }) => (role === 'photographer' ? `${names.join(' ')} 摄` : `${roleWords[role].zh} ${names.join(' ')}`))
      return groups.length ? `（${groups.join(' ')}）` : ''
    },
  },
  'by-english': {
    id: 'by-english',
    label: { zh: 'By 某某', en: 'By Name' },
    example: 'By Jane Doe',
    position: 'start',
    render: (credits) => {
      const names = onTheLine(credits).map((c) => c.name.trim())
      if (!names.length) return ''
      const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]
      return `By ${list}`
    },
  },
}
