// Lexical's Node entry points (`*.node.mjs`) pick their dev or prod build with a top-level `await import()`.
// Several Lexical packages import each other in a cycle (@lexical/clipboard and @lexical/rich-text), and Node 20
// cannot settle a cycle of modules that are all waiting on a top-level await: the process then hangs for good
// with an idle event loop, or exits 13 with nothing done. It happened on some runs and not others (CI once hung
// in `npm run generate` until its 90-minute limit).
//
// Every Lexical package lists `development` and `production` export conditions ahead of `node`, so a process
// started with one of them loads that build straight away; the builds import each other statically, and a static
// cycle is ordinary ESM. Every process we start that may load Lexical gets this flag, chosen as Lexical's own
// entry would choose (production when NODE_ENV is production). No other package here has a `production`
// condition; `development` also picks the development builds (extra checks, same behaviour) of micromark, emotion
// and react-error-boundary wherever Node loads them. Next builds the admin's browser bundle without these flags.
//
// Until 2026-12-07 a resolve hook (`node --import scripts/preload-lexical.mjs`) did the same. Node 20 runs such
// hooks on a thread of their own and every module a process loads waits on it: that was about 1.5 s of each test
// file's start-up and 0.6 s of the server's.
export const lexicalBuild = (nodeEnv = process.env.NODE_ENV) => `--conditions=${nodeEnv === 'production' ? 'production' : 'development'}`
