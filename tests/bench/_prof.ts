import { readFileSync } from 'node:fs'
import { lintStory } from '../../plugins/house-style/src/lint'
import { parseStory } from '../../plugins/house-style/src/parser/index'
import type { Block, StoryDraft } from '../../plugins/house-style/src/types'
const p = parseStory(readFileSync('/work/shared/fixtures/founding-article.md', 'utf8'))
const founding: StoryDraft = { title: p.title, dateline: p.dateline, credits: p.credits, body: p.body }
const chars = (b: Block[]) => b.reduce((s, x) => s + (x.type === 'image' ? 0 : x.text.length), 0)
function long(s: StoryDraft): StoryDraft { const t = s.body.filter(b => b.type !== 'image'); const body: Block[] = []; while (chars(body) < 20000) body.push(...t.map(b => ({ ...b }))); return { ...s, body } }
const raw = long(founding)
for (let i = 0; i < 1500; i++) lintStory({ ...raw, body: [...raw.body] })
