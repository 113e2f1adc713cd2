/**
 * Claiming attempt N of a delivery by inserting its row in the attempt log (unique key `delivery:N`). The
 * database lets exactly one worker insert it, whichever process, whichever Payload instance; the loser does
 * nothing. The lease says how long the winner may take before the recovery sweep presumes it dead.
 */
import type { Payload } from 'payload'

import type { AttemptOutcome } from '../collections/delivery-attempts'
import type { Id } from '../ids'
import type { ResolvedDistributionOptions } from '../options'
import type { AttemptPatch } from '../rows'

export const attemptKey = (deliveryId: Id, attempt: number) => `${deliveryId}:${attempt}`

export interface Claim {
  id: Id
  key: string
  startedAt: number
}

function isUniqueViolation(error: unknown): boolean {
  const err = error as {
    name?: string
    data?: { errors?: { path?: string }[] }
    code?: string
    message?: string
    cause?: { code?: string }
  }
  if (err?.name === 'ValidationError' && err.data?.errors?.some((e) => e.path === 'key')) return true
  const code = err?.code ?? err?.cause?.code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT' ||
    /unique|duplicate key/i.test(err?.message ?? '')
  )
}

/** The claim, or null when another worker already made (or is making) this attempt. */
export async function claimAttempt(
  payload: Payload,
  options: ResolvedDistributionOptions,
  args: { deliveryId: Id; attempt: number; worker: string; leaseMs: number },
): Promise<Claim | null> {
  const now = Date.now()
  const key = attemptKey(args.deliveryId, args.attempt)
  try {
    // Straight to the adapter and outside any transaction: a unique violation must not poison one, and the claim
    // must be visible to other workers at once.
    const at = new Date(now).toISOString()
    const row = (await payload.db.create({
      collection: options.attemptsSlug,
      data: {
        key,
        delivery: args.deliveryId,
        number: args.attempt,
        worker: args.worker,
        startedAt: at,
        leaseUntil: new Date(now + args.leaseMs).toISOString(),
        createdAt: at,
        updatedAt: at,
      } satisfies AttemptPatch,
    })) as { id: Id }
    return { id: row.id, key, startedAt: now }
  } catch (error) {
    if (isUniqueViolation(error)) return null
    throw error
  }
}

export async function finishAttempt(
  payload: Payload,
  options: ResolvedDistributionOptions,
  claim: Claim,
  result: { outcome: AttemptOutcome; status?: number; error?: string },
): Promise<void> {
  const at = new Date().toISOString()
  await payload.db.updateOne({
    collection: options.attemptsSlug,
    id: claim.id,
    data: {
      finishedAt: at,
      updatedAt: at,
      outcome: result.outcome,
      status: result.status ?? null,
      error: result.error ?? null,
      durationMs: Date.now() - claim.startedAt,
    } satisfies AttemptPatch,
    returning: false,
  })
}
