/**
 * Median time of lintStory on a ~20,000-character story built from the founding fixture's paragraphs:
 * as imported (traditional script, pinyin artifacts, half-width punctuation) and after fixStory (clean).
 * A quick check for rule authors; the real benchmark is run by the bench script.
 *   npx tsx tests/bench/lint-timing.ts
 */
import { readFileSync } from 'node:fs'
import { fixStory, lintStory } from '../../plugins/house-style/src/lint'
import { parseStory } from '../../plugins/house-style/src/parser/index'
import type { Block, RuleContext, StoryDraft } from '../../plugins/house-style/src/types'

const TARGET_CHARACTERS = 20_000
const WARM_UP = 20
const RUNS = 200

const fixture = parseStory(readFileSync(new URL('../../../shared/fixtures/founding-article.md', import.meta.url), 'utf8'))
const founding: StoryDraft = {
  title: fixture.title,
  dateline: fixture.dateline && { outlet: fixture.dateline.outlet, place: fixture.dateline.place, date: fixture.dateline.date, kind: fixture.dateline.kind },
  credits: fixture.credits,
  body: fixture.body,
}

const characters = (blocks: Block[]) => blocks.reduce((sum, block) => sum + (block.type === 'image' ? 0 : block.text.length), 0)

/** The story's text blocks repeated until the body has TARGET_CHARACTERS characters. */
function longStory(story: StoryDraft): StoryDraft {
  const text = story.body.filter((block) => block.type !== 'image')
  const body: Block[] = []
  while (characters(body) < TARGET_CHARACTERS) body.push(...text.map((block) => ({ ...block })))
  return { ...story, body }
}

function medianMs(story: StoryDraft, context: Partial<RuleContext> = {}): { median: number; findings: string } {
  let findings = ''
  for (let i = 0; i < WARM_UP; i++) {
    const counts = new Map<string, number>()
    for (const found of lintStory(story, context)) counts.set(found.ruleId, (counts.get(found.ruleId) ?? 0) + 1)
    findings = [...counts].map(([rule, n]) => `${rule} ${n}`).join(', ')
  }
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // A fresh body array each run, so nothing cached per body (the typed dateline/credit parse) is reused.
    const fresh = { ...story, body: [...story.body] }
    const start = performance.now()
    lintStory(fresh, context)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(times.length / 2)], findings }
}

const imported = longStory(founding)
const clean = longStory(fixStory(founding).story)
const runs: [string, StoryDraft, Partial<RuleContext>][] = [
  ['as imported', imported, {}],
  ['clean', clean, {}],
  ['clean, cjk-latin-spacing on', clean, { enabledOptIn: ['cjk-latin-spacing'] }],
]
for (const [label, story, context] of runs) {
  const { median, findings } = medianMs(story, context)
  console.log(`${label.padEnd(30)} ${characters(story.body)} chars  median ${median.toFixed(3)} ms  (${findings})`)
}
