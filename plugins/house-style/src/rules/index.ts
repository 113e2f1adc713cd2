/** Every house-style rule, in the order a copy editor reads a story: furniture first, then the text. */
import type { Rule } from '../types'
import { cjkLatinSpacing } from './cjk-latin-spacing'
import { datelineComplete } from './dateline-complete'
import { encodingDamage } from './encoding-damage'
import { headlineLength } from './headline-length'
import { headlineNoTrailingPeriod } from './headline-no-trailing-period'
import { houseScript } from './house-script'
import { noBylineInBody } from './no-byline-in-body'
import { noDatelineInBody } from './no-dateline-in-body'
import { noFullwidthAlphanumerics } from './no-fullwidth-alphanumerics'
import { pinyinArtifact } from './pinyin-artifact'
import { punctuationFullwidth } from './punctuation-fullwidth'
import { repeatedPunctuation } from './repeated-punctuation'
import { reporterCredited } from './reporter-credited'

export const allRules: Rule[] = [
  datelineComplete,
  noDatelineInBody,
  reporterCredited,
  noBylineInBody,
  headlineLength,
  headlineNoTrailingPeriod,
  houseScript,
  pinyinArtifact,
  encodingDamage,
  punctuationFullwidth,
  repeatedPunctuation,
  noFullwidthAlphanumerics,
  cjkLatinSpacing,
]

export {
  cjkLatinSpacing,
  datelineComplete,
  encodingDamage,
  headlineLength,
  headlineNoTrailingPeriod,
  houseScript,
  noBylineInBody,
  noDatelineInBody,
  noFullwidthAlphanumerics,
  pinyinArtifact,
  punctuationFullwidth,
  repeatedPunctuation,
  reporterCredited,
}
