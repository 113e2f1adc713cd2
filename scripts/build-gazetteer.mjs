// Builds plugins/house-style/src/parser/lexicon/divisions.json from modood/Administrative-divisions-of-China
// (dist/pca-code.json and dist/HK-MO-TW.json: the 国家统计局 2023 statistical division codes, GB/T 2260-based,
// down to county level). Usage: node scripts/build-gazetteer.mjs pca-code.json HK-MO-TW.json
// Output: [code, full name, level] rows; short forms are derived at load time (parser/gazetteer.ts).
import { readFileSync, writeFileSync } from 'node:fs'

const [pcaFile, hkFile] = process.argv.slice(2)
const rows = []
const walk = (nodes, level) => {
  for (const n of nodes) {
    if (!['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(n.name)) rows.push([n.code, n.name, level])
    if (n.children) walk(n.children, level + 1)
  }
}
walk(JSON.parse(readFileSync(pcaFile, 'utf8')), 1)
const hk = JSON.parse(readFileSync(hkFile, 'utf8'))
for (const [region, parts] of Object.entries(hk)) {
  rows.push(['', region, 1])
  for (const [part, subs] of Object.entries(parts)) {
    rows.push(['', part, 2])
    for (const sub of subs) rows.push(['', sub.replace(/（.*）$/, ''), 3])
  }
}
writeFileSync('plugins/house-style/src/parser/lexicon/divisions.json', '[\n' + rows.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n')
console.log(rows.length, 'divisions')
