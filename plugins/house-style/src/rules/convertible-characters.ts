/**
 * A cheap pre-check for the house-script rule: the characters that can change when text is converted to
 * a house script. A block with none of them is unchanged by convertScript, so OpenCC (the expensive part
 * of linting) only runs on blocks that may really need it.
 *
 * Built once per house script from the same OpenCC dictionaries, in the order text/script.ts applies them.
 */
import OpenCC from 'opencc-js'
import type { DictLike } from 'opencc-js'
import type { HouseScript } from '../types'

type Stage = readonly DictLike[]

/** An OpenCC config: an optional normalisation pass (compatibility ideographs), then the conversion passes. */
interface ConversionConfig {
  normalizationChain?: readonly Stage[]
  conversionChain: readonly Stage[]
}

function passes(config: string): Stage[] {
  const { normalizationChain = [], conversionChain } = OpenCC.Locale.configs[config] as ConversionConfig
  return [...normalizationChain, ...conversionChain]
}

/** The passes convertScript makes, in order (text/script.ts: HK variants then tw2s; s2tw; s2hk). */
function stagesFor(script: HouseScript): Stage[] {
  if (script === 'zh-Hans') return [...OpenCC.Locale.from.hk, ...passes('tw2s')]
  return passes(script === 'zh-Hant-TW' ? 's2tw' : 's2hk')
}

/** OpenCC dictionaries are `"key value value|…"` strings or [key, "value value"] pairs. */
function entries(dict: DictLike): [string, string[]][] {
  if (typeof dict !== 'string') return dict.map(([key, values]) => [key, values.split(' ')])
  return dict.split('|').map((entry) => {
    const [key, ...values] = entry.split(' ')
    return [key, values]
  })
}

/** A stage's one-character mappings: enough to follow a character through the later passes. */
function characterMap(stage: Stage): Map<string, string> {
  const map = new Map<string, string>()
  for (const dict of stage) {
    for (const [key, [value]] of entries(dict)) if (Array.from(key).length === 1 && value !== undefined) map.set(key, value)
  }
  return map
}

/**
 * What can change: characters that convert on their own (個), and the words that change a character
 * only in context (反覆 → 反复, while 覆盖 stays). Keeping the second kind as words means clean text with
 * 覆 never reaches OpenCC.
 */
interface Convertible {
  characters: Set<string>
  /** Characters that change only inside these words. */
  wordsWith: Map<string, string[]>
}

function convertibleText(script: HouseScript): Convertible {
  const stages = stagesFor(script)
  const maps = stages.map(characterMap)
  /** Where a character ends up after the passes that follow stage `index` (character by character). */
  const afterStage = (index: number, ch: string) => {
    for (let later = index + 1; later < maps.length; later++) ch = maps[later].get(ch) ?? ch
    return ch
  }

  const characters = new Set<string>()
  const wordsByCharacter = new Map<string, string[]>()
  const changes = (key: string, keyChars: string[], ch: string) => {
    if (keyChars.length === 1) characters.add(ch)
    else {
      const list = wordsByCharacter.get(ch)
      if (!list) wordsByCharacter.set(ch, [key])
      else if (!list.includes(key)) list.push(key)
    }
  }
  stages.forEach((stage, index) => {
    for (const dict of stage) {
      for (const [key, values] of entries(dict)) {
        const keyChars = Array.from(key)
        for (const value of values) {
          const valueChars = Array.from(value)
          if (valueChars.length !== keyChars.length) {
            keyChars.forEach((ch) => changes(key, keyChars, ch))
            continue
          }
          keyChars.forEach((ch, i) => {
            // A variant pass that a later pass undoes (才 → 纔 → 才) changes nothing in the end.
            if (ch !== valueChars[i] && afterStage(index, valueChars[i]) !== ch) changes(key, keyChars, ch)
          })
        }
      }
    }
  })
  for (const ch of characters) wordsByCharacter.delete(ch)
  return { characters, wordsWith: wordsByCharacter }
}

/** Per UTF-16 unit: does it convert alone, only inside some words, or start a supplementary-plane character. */
const ALONE = 1
const IN_WORDS = 2
const SUPPLEMENTARY = 3

/** A lookup table is ~10× faster than a regex class of thousands of characters on long text. */
interface Candidates {
  units: Uint8Array
  supplementary: Map<string, typeof ALONE | typeof IN_WORDS>
  wordsWith: Map<string, string[]>
}

const candidates = new Map<HouseScript, Candidates>()

function candidatesFor(script: HouseScript): Candidates {
  let found = candidates.get(script)
  if (found) return found
  const { characters, wordsWith } = convertibleText(script)
  found = { units: new Uint8Array(0x10000), supplementary: new Map(), wordsWith }
  const mark = (ch: string, kind: typeof ALONE | typeof IN_WORDS) => {
    if (ch.length === 1) found!.units[ch.charCodeAt(0)] = kind
    else {
      found!.units[ch.charCodeAt(0)] = SUPPLEMENTARY
      if (found!.supplementary.get(ch) !== ALONE) found!.supplementary.set(ch, kind)
    }
  }
  characters.forEach((ch) => mark(ch, ALONE))
  wordsWith.forEach((_, ch) => mark(ch, IN_WORDS))
  candidates.set(script, found)
  return found
}

/** Does one of the words containing `ch` occur in `text` around offset `at`? */
function wordAround(text: string, at: number, ch: string, words: readonly string[]): boolean {
  for (const word of words) {
    for (let offset = word.indexOf(ch); offset !== -1; offset = word.indexOf(ch, offset + 1)) {
      if (at - offset >= 0 && text.startsWith(word, at - offset)) return true
    }
  }
  return false
}

/** Whether converting `text` to `script` may change it (false means it certainly does not). */
export function mayConvert(text: string, script: HouseScript): boolean {
  const { units, supplementary, wordsWith } = candidatesFor(script)
  for (let i = 0; i < text.length; i++) {
    let kind = units[text.charCodeAt(i)]
    if (kind === 0) continue
    let ch = text[i]
    if (kind === SUPPLEMENTARY) {
      ch = String.fromCodePoint(text.codePointAt(i)!)
      kind = supplementary.get(ch) ?? 0
    }
    if (kind === ALONE) return true
    if (kind === IN_WORDS && wordAround(text, i, ch, wordsWith.get(ch) ?? [])) return true
  }
  return false
}
