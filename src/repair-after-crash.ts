/**
 * Start-up repair, run by the server before it takes requests or runs jobs: settles what a crash (kill -9,
 * power loss) left half-saved. SQLite runs without transactions here (README "A note on SQLite"), so a save
 * interrupted between its writes can leave a story's history ahead of its row, a row without its version, a
 * scheduled story without its job, or a publication without its deliveries. The workflow repairs the stories
 * first; then distribution records the deliveries their events never got. Both only look at the most recently
 * touched stories (nothing is written after a crash) and do nothing where all already agrees.
 * Not run by the `newsroom` CLI nor by the admin's second Payload instance: they start while the server may be
 * saving, and a save in flight looks just like a half-done one.
 */
import type { Payload } from 'payload'

import { reconcileDeliveries } from '../plugins/distribution'
import { repairWorkflow } from '../plugins/editorial-workflow'

export interface CrashRepairReport {
  storiesChecked: number
  storiesRepaired: number
  deliveriesRecorded: number
}

export async function repairAfterCrash(payload: Payload): Promise<CrashRepairReport> {
  const workflow = await repairWorkflow(payload)
  const deliveries = await reconcileDeliveries(payload)
  const report = {
    storiesChecked: workflow.checked,
    storiesRepaired: workflow.repaired.length,
    deliveriesRecorded: deliveries.recorded.length,
  }
  if (report.storiesRepaired || report.deliveriesRecorded) {
    payload.logger.warn(
      `Crash repair: ${report.storiesRepaired} stories repaired, ${report.deliveriesRecorded} missed deliveries recorded (${report.storiesChecked} checked)`,
    )
  }
  return report
}
