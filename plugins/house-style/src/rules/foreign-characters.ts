/**
 * Characters only the other script uses (從 in a simplified house, 从 in a traditional one), as read by
 * text/script.ts. Only text with such a character can be out of the house script, so this lookup keeps
 * OpenCC (the expensive part of linting) away from clean text.
 */
import { scriptEvidence } from '../text/script'
import type { HouseScript } from '../types'

/** BMP Han blocks (Extension A, Unified, Compatibility): where the evidence characters live. */
const HAN_BLOCKS: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
]

type Direction = 'traditional' | 'simplified'
const tables = new Map<Direction, Uint8Array>()

const foreignTo = (script: HouseScript): Direction => (script === 'zh-Hans' ? 'traditional' : 'simplified')

/** One byte per UTF-16 unit: a typed-array lookup is far faster than a Set or a regex class on long text. */
function tableFor(direction: Direction): Uint8Array {
  let table = tables.get(direction)
  if (!table) {
    table = new Uint8Array(0x10000)
    for (const [from, to] of HAN_BLOCKS) {
      for (let unit = from; unit <= to; unit++) if (scriptEvidence(String.fromCharCode(unit))[direction]) table[unit] = 1
    }
    tables.set(direction, table)
  }
  return table
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

/** Whether `text` has a character only the script other than the house script uses. */
export function hasForeignCharacter(text: string, script: HouseScript): boolean {
  const direction = foreignTo(script)
  const table = tableFor(direction)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (table[unit]) return true
    // Supplementary-plane characters are rare: ask the evidence tables directly.
    if (isHighSurrogate(unit) && scriptEvidence(text.slice(i, i + 2))[direction]) return true
  }
  return false
}

/** How many characters of `text` only the other script uses. */
export function foreignCharacters(text: string, script: HouseScript): number {
  return scriptEvidence(text)[foreignTo(script)]
}
