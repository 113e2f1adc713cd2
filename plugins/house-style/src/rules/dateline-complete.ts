/**
 * Every story carries a 电头 with the parts the outlet's dateline preset requires (a wire dateline needs
 * outlet, place and date: 新华社贵阳11月26日电). Only a person knows the missing facts, so there is no fix.
 */
import { calendarDay, datelinePresets } from '../presets'
import type { Dateline, Finding, Rule, RuleContext, StoryDraft } from '../types'
import { finding } from './support'

type DatelinePart = 'outlet' | 'place' | 'date'

const PART_NAMES: Record<DatelinePart, { zh: string; en: string }> = {
  outlet: { zh: '发稿媒体', en: 'outlet' },
  place: { zh: '发稿地', en: 'place' },
  date: { zh: '发稿日期', en: 'date' },
}

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== ''

function hasDateline(dateline: Dateline | null | undefined): dateline is Dateline {
  return !!dateline && [dateline.outlet, dateline.place, dateline.date, dateline.kind].some(filled)
}

export const datelineComplete: Rule = {
  id: 'dateline-complete',
  severity: 'error',
  meta: {
    description: {
      zh: '稿件须有电头，且包含本媒体电头格式要求的各项（媒体、地点、日期）',
      en: 'The story has a dateline with every part the outlet’s dateline preset requires (outlet, place, date)',
    },
  },
  check(story: StoryDraft, context: RuleContext): Finding[] {
    const preset = datelinePresets[context.datelinePreset]
    if (!preset) throw new Error(`Unknown dateline preset "${context.datelinePreset}"`)
    const dateline = story.dateline
    if (!hasDateline(dateline)) {
      return [
        finding(
          datelineComplete,
          { field: 'dateline' },
          {
            zh: `稿件缺少电头（本媒体格式如“${preset.example}”）`,
            en: `The story has no dateline (this outlet writes it like "${preset.example}")`,
          },
        ),
      ]
    }

    const findings: Finding[] = []
    const missing = preset.required.filter((part) => !filled(dateline[part]))
    if (missing.length) {
      findings.push(
        finding(
          datelineComplete,
          { field: 'dateline' },
          {
            zh: `电头缺少${missing.map((part) => PART_NAMES[part].zh).join('、')}（本媒体格式如“${preset.example}”）`,
            en: `The dateline is missing its ${missing.map((part) => PART_NAMES[part].en).join(', ')} (this outlet writes it like "${preset.example}")`,
          },
        ),
      )
    }
    if (filled(dateline.date) && !calendarDay(dateline.date, 'UTC')) {
      findings.push(
        finding(
          datelineComplete,
          { field: 'dateline' },
          { zh: `电头日期“${dateline.date}”不是有效日期`, en: `The dateline date "${dateline.date}" is not a valid date` },
        ),
      )
    }
    return findings
  },
}
