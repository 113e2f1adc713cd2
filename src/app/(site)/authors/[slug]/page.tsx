// The author page: the stories they are credited on, newest first.
import type { Metadata } from 'next'
import React from 'react'

import { ListingPage, listingMetadata, type ListingProps } from '../../../../site/listing-page'

export const generateMetadata = (props: ListingProps): Promise<Metadata> => listingMetadata('author', props)

export default function Page(props: ListingProps) {
  return <ListingPage kind="author" {...props} />
}
