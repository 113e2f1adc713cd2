import OpenCC from 'opencc-js'
const parse = (s) => s.split('|').map(e => e.split(' '))
const [stP, stC] = OpenCC.Locale.from.cn[0]; const [tsP, tsC] = OpenCC.Locale.to.cn[0]
const ST = new Map(parse(stC)); const TS = new Map(parse(tsC))
const amb = (phr, map) => { const a = new Set(); for (const [k, v] of parse(phr)) { const K=[...k], V=[...v]; if (K.length!==V.length) continue; K.forEach((c,i)=>{ if (V[i]===c && map.has(c) && map.get(c)!==c) a.add(c) }) } return a }
const ambS = amb(stP, ST), ambT = amb(tsP, TS)
console.log(stP.length, tsP.length, ambS.size, ambT.size)
console.log([...ambS].join(''))
console.log([...ambT].join(''))
console.log(['后','里','台','干','发','面','只','系','于','着','国','们','这','说'].map(c=>c+(ambS.has(c)?'A':'')+(ST.has(c)?'S':'')).join(' '))
