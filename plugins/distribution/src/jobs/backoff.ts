/**
 * When to try a delivery again: exponential backoff from `baseMs` (2 s by default, so the first retry comes
 * within seconds), doubling per attempt up to `capMs`, with ±10 % jitter so a receiver that comes back is not
 * hit by every channel at once. A receiver's Retry-After wins when it asks for longer (still capped).
 */
export function retryDelayMs(
  attempt: number,
  options: { baseMs: number; capMs: number; retryAfterMs?: number; random?: () => number },
): number {
  const exponential = options.baseMs * 2 ** Math.max(0, attempt - 1)
  const jitter = 0.9 + 0.2 * (options.random ?? Math.random)()
  const wanted = Math.max(exponential * jitter, options.retryAfterMs ?? 0)
  return Math.round(Math.min(options.capMs, wanted))
}
