'use client'
/** The stage column in story lists. */
import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { StagePill } from './StagePill'
import { langOf } from './text'

export const StageCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => {
  const { i18n } = useTranslation()
  return <StagePill stage={cellData} lang={langOf(i18n.language)} />
}
