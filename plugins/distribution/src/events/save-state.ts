/**
 * Per-request state of story saves, kept in req.context so it follows the save into its hooks:
 *   draft  — whether the save is a draft/autosave (collection hooks are not told; beforeOperation is);
 *   before — the story's public state before a non-draft save, read from its main document;
 *   recording — re-entrancy guard for the afterChange hook.
 */
import type { PayloadRequest } from 'payload'

import type { PublicState } from './detect-event'

const KEY = 'distribution:saves'

export interface SaveState {
  draft: Record<string, boolean>
  before: Record<string, PublicState | null>
  recording: Set<string>
}

export function saveState(req: PayloadRequest): SaveState {
  req.context ??= {}
  return ((req.context[KEY] as SaveState | undefined) ??= { draft: {}, before: {}, recording: new Set() })
}

export const saveKey = (collection: string, id: unknown) => `${collection}:${String(id)}`
