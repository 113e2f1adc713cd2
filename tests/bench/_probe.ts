import { readFileSync } from 'node:fs'
import { fixStory, lintStory } from '../../plugins/house-style/src/lint'
import { parseStory } from '../../plugins/house-style/src/parser/index'
import { renderStory } from '../../plugins/house-style/src/render/render-story'
import { blocksToLexical } from '../../plugins/house-style/src/lexical/blocks'
import type { Block, StoryDraft } from '../../plugins/house-style/src/types'
import { run } from 'zhlint'
const p = parseStory(readFileSync('/work/shared/fixtures/founding-article.md', 'utf8'))
const founding: StoryDraft = { title: p.title, dateline: p.dateline, credits: p.credits, body: p.body }
const chars = (b: Block[]) => b.reduce((s, x) => s + (x.type === 'image' ? 0 : x.text.length), 0)
function long(s: StoryDraft): StoryDraft { const t = s.body.filter(b => b.type !== 'image'); const body: Block[] = []; while (chars(body) < 20000) body.push(...t.map(b => ({ ...b }))); return { ...s, body } }
const med = (f: () => void, n = 100) => { for (let i = 0; i < 10; i++) f(); const t: number[] = []; for (let i = 0; i < n; i++) { const a = performance.now(); f(); t.push(performance.now() - a) } t.sort((a, b) => a - b); return t[n >> 1] }
const clean = long(fixStory(founding).story), raw = long(founding)
for (const [name, s] of [['clean', clean], ['raw', raw]] as const) {
  const lex = blocksToLexical(s.body)
  const opts = { datelinePreset: 'outlet-xun', bylinePattern: 'reported-by', timeZone: 'Asia/Shanghai' } as const
  console.log(name, 'lint', med(() => lintStory({ ...s, body: [...s.body] })).toFixed(3), 'render', med(() => renderStory({ body: lex as never, dateline: s.dateline, credits: s.credits }, opts)).toFixed(3))
  const text = [s.title, ...s.body.map(b => b.type === 'image' ? '' : b.text)].join('\n\n')
  console.log(name, 'zhlint bare', med(() => run(text), 10).toFixed(2), 'zhlint default', med(() => run(text, { rules: { preset: 'default' } }), 10).toFixed(2))
}
