/**
 * One save-benchmark process with a layer of the suite (vanilla.config.ts) beside the suite itself: write.ts
 * `BENCH_CONFIG=paired` with `BENCH_LAYER`, the two Payload instances each on its own copy of the seeded database,
 * taking turns cycle by cycle. A process's own speed moves a save's median by up to a third, so a layer is only
 * compared with the suite that ran beside it. Used by the full run's save and layer stages (run.ts; vanilla is
 * the layer for save_ratio) and save-layers.ts.
 */
import type { BenchDatabases } from './databases'
import { type BenchChildResult, payloadEnv, type PairedSaveLayer, resultLine } from './support'
import type { WriteOperation, WriteResult } from './write'

export interface LayerBesideSuite {
  layer: PairedSaveLayer
  /** Names the database copies: unique per layer and round. */
  name: string
  cycles: number
  seedFile: string
  dataDir: string
  databases: BenchDatabases
  /** The seeded database the copies are made from. */
  db: string
  /** More for write.ts (BENCH_SAVE_DEPTH). */
  env?: Record<string, string>
  /** Starts a benchmark child (the caller's timeouts and stall handling). */
  run: (script: string, args: string[], env: Record<string, string>) => Promise<BenchChildResult>
}

/** The layer's and the suite's samples (ms per operation) from one process; the copies are dropped after it. */
export async function runLayerBesideSuite(options: LayerBesideSuite): Promise<{
  suite: Record<WriteOperation, number[]>
  layer: Record<WriteOperation, number[]>
}> {
  const { layer, name, databases, db } = options
  const suiteCopy = await databases.copy(db, `${name}-suite`)
  const layerCopy = await databases.copy(db, name)
  try {
    const env = {
      ...payloadEnv(suiteCopy, options.dataDir),
      BENCH_CONFIG: 'paired',
      BENCH_VANILLA_DATABASE_URI: layerCopy,
      ...(layer === 'vanilla' ? {} : { BENCH_LAYER: layer }),
      ...options.env,
    }
    const child = await options.run('tests/bench/write.ts', [String(options.cycles), options.seedFile], env)
    if (child.code !== 0) throw new Error(`${name} (${layer} beside the suite) failed:\n${child.output.slice(-4000)}`)
    const result = resultLine<WriteResult>(child.output)
    return { suite: result.samples, layer: result.vanillaSamples! }
  } finally {
    await databases.drop(suiteCopy)
    await databases.drop(layerCopy)
  }
}
