/**
 * The desk's own mark in the admin, instead of Payload's: the outlet's name (NEWSROOM_OUTLET, the dateline's
 * outlet) with a red seal, on the login page (Logo) and at the top of the navigation (Icon).
 */
import React from 'react'

import { houseStyleSettings } from '../house-style-settings'

const outlet = () => houseStyleSettings.defaultOutlet || 'Newsroom'

/** A square red seal with the outlet's first character, as a newspaper masthead would carry. */
const Seal: React.FC<{ size: number }> = ({ size }) => (
  <svg width={size} height={size} viewBox="0 0 40 40" role="img" aria-hidden="true">
    <rect x="1" y="1" width="38" height="38" rx="6" fill="#c8102e" />
    <text
      x="20"
      y="28"
      textAnchor="middle"
      fontSize="22"
      fontWeight="700"
      fill="#fff"
      fontFamily="'Noto Serif CJK SC','Noto Sans CJK SC',serif"
    >
      {Array.from(outlet())[0]}
    </text>
  </svg>
)

export const Logo: React.FC = () => (
  <div className="nr-logo" data-testid="newsroom-logo" style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
    <Seal size={52} />
    <div style={{ display: 'grid', lineHeight: 1.2 }}>
      <span style={{ fontSize: 26, fontWeight: 700, letterSpacing: 1 }}>{outlet()}</span>
      <span style={{ fontSize: 14, opacity: 0.7 }}>编辑部 · Newsroom</span>
    </div>
  </div>
)

export const Icon: React.FC = () => (
  <span className="nr-icon" data-testid="newsroom-icon" title={outlet()} style={{ display: 'inline-flex' }}>
    <Seal size={28} />
  </span>
)
