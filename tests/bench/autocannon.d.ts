/** The part of autocannon 8's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      /** Stop after this many responses instead of after `duration`. */
      amount?: number
      /** Milliseconds between samples; the stop time is checked only then. */
      sampleInt?: number
      timeout?: number
      pipelining?: number
      requests?: Request[]
    }
    interface Result {
      non2xx: number
      errors: number
      timeouts: number
      requests: { average: number; total: number }
      latency: Record<string, number>
    }
    type Instance = EventEmitter & PromiseLike<Result>
  }
  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
