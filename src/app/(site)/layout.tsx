// The reader site's root layout (a second root layout beside the admin's, in its own route group).
import type { Metadata, Viewport } from 'next'
import React from 'react'

import { Footer, Masthead } from '../../site/components'
import { publicationName } from '../../site/publication'
import { absoluteUrl } from '../../site/site-origin'
import './site.css'

export const generateMetadata = (): Metadata => ({
  metadataBase: new URL(absoluteUrl('/')),
  title: { default: publicationName(), template: `%s · ${publicationName()}` },
})

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-Hans">
      <body>
        <Masthead />
        <main>{children}</main>
        <Footer />
      </body>
    </html>
  )
}
