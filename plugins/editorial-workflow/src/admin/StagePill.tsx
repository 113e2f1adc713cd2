/** A stage as a coloured pill, the same in the list column, the action bar and the history. */
import React from 'react'

import { isStage, stageColours, stageLabels } from '../stages'
import type { Lang } from './text'

export const StagePill: React.FC<{ stage: unknown; lang: Lang }> = ({ stage, lang }) => {
  if (!isStage(stage)) return null
  const colours = stageColours[stage]
  return (
    <span
      className="nr-stage-pill"
      data-stage={stage}
      style={{
        display: 'inline-block',
        padding: '2px 10px',
        borderRadius: 999,
        fontSize: 12,
        lineHeight: '20px',
        fontWeight: 600,
        whiteSpace: 'nowrap',
        color: colours.fg,
        background: colours.bg,
        border: `1px solid ${colours.fg}33`,
      }}
    >
      {stageLabels[stage][lang]}
    </span>
  )
}
