// The region page: its published stories, newest first, places within it included (as the region feed does).
import type { Metadata } from 'next'
import React from 'react'

import { ListingPage, listingMetadata, type ListingProps } from '../../../../site/listing-page'

export const generateMetadata = (props: ListingProps): Promise<Metadata> => listingMetadata('region', props)

export default function Page(props: ListingProps) {
  return <ListingPage kind="region" {...props} />
}
