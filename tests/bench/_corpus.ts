import OpenCC from 'opencc-js'
const ST = OpenCC.Locale.from.cn[0][0]
const words = [...new Set((ST as unknown as string).split('|').map(e => e.split(' ')[0]))]
console.log('words', words.length)
const t2s = OpenCC.Converter({ from: 't', to: 'cn' })
const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' })
const diffs = (f: (s: string) => string) => words.filter(w => f(w) !== w)
const a = diffs(t2s), b = diffs(tw2s)
console.log('t2s changes', a.length, a.slice(0, 150).map(w => w + '→' + t2s(w)).join(' '))
console.log('tw2s changes', b.length, b.filter(w => t2s(w) === w).slice(0, 100).map(w => w + '→' + tw2s(w)).join(' '))
