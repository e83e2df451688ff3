// The document shell shared by every page: language, theme, masthead, main landmark, footer.
import type { Metadata, Viewport } from 'next'
import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import { indexable } from '@/lib/seo/metadata'
import { FEED_PATH } from '@/lib/seo/urls'
import { site } from '@/lib/site'
import { THEME_SCRIPT } from '@/lib/theme'
import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
  title: { default: site.name, template: `%s – ${site.name}` },
  description: site.tagline,
  applicationName: site.name,
  robots: indexable,
  openGraph: { type: 'website', siteName: site.name },
  twitter: { card: 'summary_large_image' },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
  colorScheme: 'light dark',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The theme script may add data-theme to <html> before React hydrates: that difference is expected.
    <html lang={site.language} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        {/* React hoists this into <head>; here rather than in metadata, which a page's own `alternates` would replace. */}
        <link rel="alternate" type="application/rss+xml" title={site.name} href={FEED_PATH} />
        <SiteHeader />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
