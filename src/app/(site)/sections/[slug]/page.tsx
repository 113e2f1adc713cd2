// The section page: its published stories, newest first, sub-sections included (as the section feed does).
import type { Metadata } from 'next'
import React from 'react'

import { ListingPage, listingMetadata, type ListingProps } from '../../../../site/listing-page'

export const generateMetadata = (props: ListingProps): Promise<Metadata> => listingMetadata('section', props)

export default function Page(props: ListingProps) {
  return <ListingPage kind="section" {...props} />
}
