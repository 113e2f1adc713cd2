/**
 * A legacy story brought into house style: the source is normalised first (pinyin artifacts stripped, script
 * converted to the house script) so that the dateline, the headline and the credited names all come out in
 * the house script; then it is parsed, and the remaining safe fixes (punctuation, full-width letters…) applied.
 */
import { defaultRuleContext, fixStory, lintStory } from './lint'
import { parseStory, type ParsedDateline, type ParsedStory } from './parser'
import { stripPinyinArtifacts } from './text/pinyin-artifact'
import { convertScript, detectScript } from './text/script'
import type { Dateline, Finding, RuleContext, StoryDraft } from './types'

export interface LegacyStoryResult {
  parsed: ParsedStory
  story: StoryDraft
  findings: Finding[]
}

export function readLegacyStory(
  source: string,
  options: { fix?: boolean; bodyOnly?: boolean; context?: Partial<RuleContext> } = {},
): LegacyStoryResult {
  const context = { ...defaultRuleContext, ...options.context }
  const text = options.fix ? convertScript(stripPinyinArtifacts(source), context.houseScript) : source
  const parsed = parseStory(text, { bodyOnly: options.bodyOnly })
  const draft: StoryDraft = { title: parsed.title, dateline: parsed.dateline, credits: parsed.credits, body: parsed.body }
  if (!options.fix) return { parsed, story: draft, findings: lintStory(draft, context) }
  const { story, findings } = fixStory(draft, context)
  return {
    parsed: { ...parsed, ...story, dateline: asParsed(story.dateline, parsed.dateline), script: detectScript(text) },
    story,
    findings,
  }
}

/** The fixed dateline in the parser's shape, keeping the text as written when the source had one. */
function asParsed(dateline: Dateline | null | undefined, original: ParsedDateline | null): ParsedDateline | null {
  if (!dateline) return null
  const outlet = dateline.outlet ?? null
  const place = dateline.place ?? null
  const kind = dateline.kind ?? original?.kind ?? '讯'
  return { text: original?.text ?? `${outlet ?? ''}${place ?? ''}${kind}`, outlet, place, date: dateline.date ?? null, kind }
}
