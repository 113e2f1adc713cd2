/**
 * The house script (zh-Hans for this desk) is the master copy; channels convert from it. Text typed or
 * pasted in another script (興仁縣, 強) is converted with OpenCC, one finding per block that changes.
 * Only a block with a character of the other script is looked at: clean text never reaches OpenCC.
 */
import { convertScript, detectScript, toSimplified } from '../text/script'
import type { Credit, Dateline, Finding, HouseScript, Rule, RuleContext, StoryDraft } from '../types'
import { foreignCharacters, hasForeignCharacter } from './foreign-characters'
import { finding, quoted, replacementFinding, textFields } from './support'

const SCRIPT_NAMES: Record<HouseScript, { zh: string; en: string }> = {
  'zh-Hans': { zh: '简体中文', en: 'simplified Chinese' },
  'zh-Hant-TW': { zh: '繁体中文（台湾）', en: 'traditional Chinese (Taiwan)' },
  'zh-Hant-HK': { zh: '繁体中文（香港）', en: 'traditional Chinese (Hong Kong)' },
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff

/** The span where `before` and `after` differ, so the edit leaves the unchanged ends alone. */
function changedSpan(before: string, after: string): { start: number; end: number; afterEnd: number } {
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--
  let tail = 0
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--
  return { start, end: before.length - tail, afterEnd: after.length - tail }
}

const SAMPLE_LENGTH = 12

/**
 * The text in the house script. Simplified (the default): toSimplified converts only what is traditional and
 * leaves correct simplified words alone (显著 stays 显著 next to a stray 從). A traditional house converts with
 * OpenCC's s2tw/s2hk, which would also rewrite characters that are right in traditional text (台灣 → 臺灣), so
 * unless the text is mostly simplified, only the characters only simplified text uses take the conversion.
 */
function inHouseScript(text: string, script: HouseScript): string {
  if (script === 'zh-Hans') return toSimplified(text)
  const converted = convertScript(text, script)
  if (converted === text || detectScript(text) === 'simplified') return converted
  if (converted.length !== text.length) {
    const { start, end } = changedSpan(text, converted)
    return foreignCharacters(text.slice(start, end), script) ? converted : text
  }
  let kept = ''
  let from = 0
  for (let i = 0; i < text.length;) {
    const width = isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1
    const original = text.slice(i, i + width)
    if (original !== converted.slice(i, i + width) && !foreignCharacters(original, script)) {
      kept += converted.slice(from, i) + original
      from = i + width
    }
    i += width
  }
  return from === 0 ? converted : kept + converted.slice(from)
}

/** A dateline part or a name in the house script, or null when it already is. */
function converted(value: string | null | undefined, script: HouseScript): string | null {
  if (!value || !hasForeignCharacter(value, script)) return null
  const result = inHouseScript(value, script)
  return result === value ? null : result
}

export const houseScript: Rule = {
  id: 'house-script',
  severity: 'error',
  meta: {
    description: {
      zh: '标题和正文使用本媒体规定的字形（默认简体中文）',
      en: 'The headline and body are in the house script (simplified Chinese by default)',
    },
  },
  check(story: StoryDraft, context: RuleContext): Finding[] {
    const script = context.houseScript
    const name = SCRIPT_NAMES[script]
    const findings: Finding[] = []
    for (const field of textFields(story)) {
      if (!hasForeignCharacter(field.text, script)) continue
      const converted = inHouseScript(field.text, script)
      if (converted === field.text) continue
      const { start, end, afterEnd } = changedSpan(field.text, converted)
      const changed = field.text.slice(start, end)
      const sample = quoted(changed.length > SAMPLE_LENGTH ? `${changed.slice(0, SAMPLE_LENGTH)}…` : changed)
      findings.push(
        replacementFinding(
          houseScript,
          field,
          start,
          end,
          converted.slice(start, afterEnd),
          {
            zh: `文字不是本媒体规定的${name.zh}（如${sample.zh}），应转换为${name.zh}`,
            en: `Text is not in the house script, ${name.en} (e.g. ${sample.en}); convert it`,
          },
          { zh: `转换为${name.zh}`, en: `Convert to ${name.en}` },
        ),
      )
    }
    // Readers see the dateline and the credit line too.
    const fix = { zh: `转换为${name.zh}`, en: `Convert to ${name.en}` }
    const dateline = story.dateline
    if (dateline) {
      const outlet = converted(dateline.outlet, script)
      const place = converted(dateline.place, script)
      if (outlet !== null || place !== null) {
        const set: Dateline = { ...dateline, outlet: outlet ?? dateline.outlet, place: place ?? dateline.place }
        findings.push(
          finding(
            houseScript,
            { field: 'dateline' },
            { zh: `电头不是${name.zh}`, en: `The dateline is not in the house script, ${name.en}` },
            { safe: true, description: fix, set: { dateline: set } },
          ),
        )
      }
    }
    const names = story.credits.map((credit) => converted(credit.name, script))
    if (names.some((n) => n !== null)) {
      const credits: Credit[] = story.credits.map((credit, i) => ({ ...credit, name: names[i] ?? credit.name }))
      findings.push(
        finding(
          houseScript,
          { field: 'credits' },
          { zh: `署名不是${name.zh}`, en: `Credited names are not in the house script, ${name.en}` },
          { safe: true, description: fix, set: { credits } },
        ),
      )
    }
    return findings
  },
}
