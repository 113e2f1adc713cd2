import OpenCC from 'opencc-js'
console.log(Object.keys(OpenCC.Locale), Object.keys((OpenCC.Locale as any).configs ?? {}))
const c = (OpenCC.Locale as any).configs
console.log(c.tw2s.normalizationChain.length, c.tw2s.segmentation.length, c.tw2s.conversionChain.map((g: any) => g.length), c.t2s.conversionChain.map((g: any) => g.length))
console.log(OpenCC.Locale.from.hk.length, OpenCC.Locale.from.hk[0].length)
const compat = c.tw2s.normalizationChain[0][0]; console.log(typeof compat, (typeof compat === 'string' ? compat : '').slice(0, 100))
