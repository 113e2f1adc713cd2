/**
 * `npm run accuracy`: parses every article of the real-copy corpus and prints, per category, how many
 * datelines and credited-name sets came out exactly as hand-checked, then the misses and parse time.
 * `--misses` lists every miss with what was expected and what the parser found.
 */
import { scoreCorpus, type CategoryScore } from '../tests/support/real-copy'

const REPEAT = 20
const score = scoreCorpus(REPEAT)
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '-')
const row = (c: CategoryScore) =>
  `| ${c.category.padEnd(20)} | ${String(c.articles).padStart(8)} | ${`${c.datelines} (${pct(c.datelines, c.articles)})`.padStart(16)} | ${`${c.credits} (${pct(c.credits, c.articles)})`.padStart(16)} |`

console.log(`Real-copy corpus: ${score.total.articles} articles from ${score.outlets} outlets\n`)
console.log('| category             | articles | exact datelines  | exact credits    |')
console.log('| -------------------- | -------- | ---------------- | ---------------- |')
for (const c of score.categories) console.log(row(c))
console.log(row(score.total))
console.log(`\neditors credited: ${score.editorsCredited} articles; false pinyin-artifact findings: ${score.falsePinyin} articles`)
console.log(
  `parse time per story: mean ${score.meanParseMs.toFixed(3)} ms, max ${score.maxParseMs.toFixed(3)} ms (mean of ${REPEAT} runs each)`,
)

const misses = score.results.filter((r) => !r.datelineOk || !r.creditsOk || r.editorsCredited.length || r.falsePinyin)
if (process.argv.includes('--misses')) {
  for (const r of misses) {
    console.log(`\n${r.entry.file} [${r.entry.category}]`)
    if (!r.datelineOk) console.log(`  dateline: expected ${JSON.stringify(r.entry.dateline)}, got ${JSON.stringify(r.gotDateline)}`)
    if (!r.creditsOk) console.log(`  credits:  expected ${JSON.stringify(r.entry.credits)}, got ${JSON.stringify(r.gotCredits)}`)
    if (r.editorsCredited.length) console.log(`  editors credited: ${r.editorsCredited.join(' ')}`)
    if (r.falsePinyin) console.log('  false pinyin-artifact finding')
  }
} else if (misses.length) {
  console.log(`\n${misses.length} articles with a miss; \`npm run accuracy -- --misses\` lists them`)
}
