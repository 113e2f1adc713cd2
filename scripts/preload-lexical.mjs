// Lexical's Node entry points (`*.node.mjs`) pick their dev or prod build with a top-level
// `await import()`. Several Lexical packages import each other in a cycle (@lexical/clipboard and
// @lexical/rich-text), and Node 20 cannot settle a cycle of modules that are all waiting on a top-level await:
// the process then hangs for good with an idle event loop, or exits 13 with nothing done. It happened on some
// runs and not others (CI once hung in `npm run generate` until its 90-minute limit). Evaluating the packages
// one at a time beforehand made it rarer, not impossible.
//
// The fix removes the top-level await: a resolve hook sends every Lexical `*.node.mjs` entry straight to the
// build it would have chosen (`*.prod.mjs` when NODE_ENV is production, `*.dev.mjs` otherwise). Those builds
// import each other statically, and a static cycle is ordinary ESM. Loaded with `node --import` by our entry
// points and by the test setup; Next's own bundles never see these files.
import { register } from 'node:module'

const hook = `
const build = ${JSON.stringify(process.env.NODE_ENV === 'production' ? '.prod.mjs' : '.dev.mjs')}
const lexicalEntry = /\\/node_modules\\/(?:lexical|@lexical\\/[^/]+)\\/dist\\/[^/]+\\.node\\.mjs$/
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  return lexicalEntry.test(resolved.url) ? { ...resolved, url: resolved.url.slice(0, -'.node.mjs'.length) + build } : resolved
}
`
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url)
