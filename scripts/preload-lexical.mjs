// Lexical's Node entry points load their dev/prod builds with a top-level `await import()`. When several of
// them start evaluating at once (as they do under @payloadcms/richtext-lexical), Node 20 can deadlock the
// module graph: the process then hangs for good, or exits 13 with nothing done. Evaluating them one at a time,
// before anything else, leaves every later import a cache hit. Loaded with `node --import` by our entry points.
const packages = [
  'lexical',
  '@lexical/utils',
  '@lexical/selection',
  '@lexical/clipboard',
  '@lexical/html',
  '@lexical/list',
  '@lexical/link',
  '@lexical/mark',
  '@lexical/rich-text',
  '@lexical/table',
  '@lexical/headless',
]
for (const name of packages) {
  try {
    await import(name)
  } catch (error) {
    // A package this install does not have is simply not preloaded; any other failure is real and surfaces.
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${name}'`)
    if (!missing) throw error
  }
}
