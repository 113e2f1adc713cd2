/**
 * What the plugin keeps per Payload instance: the instance itself (captured in onInit, for the feed routes the
 * host serves outside Payload), a worker name for the attempt log, the feed cache and the dispatcher.
 * The Next bundle carries its own Payload; each instance gets its own runtime.
 */
import type { Payload } from 'payload'

import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

import type { ResolvedDistributionOptions } from './options'

export interface DistributionRuntime {
  options: ResolvedDistributionOptions
  payload: Payload | null
  worker: string
  /** Called when a publication event may have changed what the feeds show. */
  onFeedsChanged: Set<() => void>
}

export function createRuntime(options: ResolvedDistributionOptions): DistributionRuntime {
  return {
    options,
    payload: null,
    worker: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    onFeedsChanged: new Set(),
  }
}

export function feedsChanged(runtime: DistributionRuntime): void {
  for (const listener of runtime.onFeedsChanged) listener()
}
