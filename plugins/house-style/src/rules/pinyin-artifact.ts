/**
 * The `字(pīnyīn)` artifact (強(qiáng), 點(diǎn)): a flattened <ruby> reading left in the text by
 * content-farm reposts. Detection is text/pinyin-artifact.ts (a syllable must be a real reading of the
 * character, so glosses like `兴仁 (Xīngrén)` survive); the fix deletes the parenthesised reading.
 */
import { findPinyinArtifacts } from '../text/pinyin-artifact'
import type { Finding, LocalizedMessage, Rule, StoryDraft } from '../types'
import { replacementFinding, textFields } from './support'

/**
 * The messages for one `字(reading)`, built once: a story with artifacts has thousands of them, of a few
 * hundred kinds, and findings are plain data that can share them.
 */
const wording = new Map<string, { message: LocalizedMessage; description: LocalizedMessage }>()
const MAX_WORDINGS = 5_000

function wordingFor(char: string, reading: string) {
  const key = char + reading
  let found = wording.get(key)
  if (!found) {
    found = {
      message: {
        zh: `“${char}”后残留拼音注音“${reading}”`,
        en: `Pinyin reading "${reading}" left after "${char}" (flattened ruby markup)`,
      },
      description: { zh: `删除“${reading}”`, en: `Delete "${reading}"` },
    }
    if (wording.size >= MAX_WORDINGS) wording.clear()
    wording.set(key, found)
  }
  return found
}

export const pinyinArtifact: Rule = {
  id: 'pinyin-artifact',
  severity: 'error',
  meta: {
    description: {
      zh: '不得残留字后括注的拼音注音（如“强(qiáng)”）',
      en: 'No pinyin readings left after characters, like 强(qiáng) (flattened ruby markup)',
    },
  },
  check(story: StoryDraft): Finding[] {
    const findings: Finding[] = []
    for (const field of textFields(story)) {
      for (const artifact of findPinyinArtifacts(field.text)) {
        const { message, description } = wordingFor(artifact.char, field.text.slice(artifact.start, artifact.end))
        findings.push(replacementFinding(pinyinArtifact, field, artifact.start, artifact.end, '', message, description))
      }
    }
    return findings
  },
}
