// /robots.txt: public pages open, the admin and search results closed, both sitemaps listed.
import type { MetadataRoute } from 'next'
import { env } from '@/lib/env'
import { SEARCH_PATH } from '@/lib/seo/urls'

// SITE_URL is read when the request comes, not baked in at build time.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  const siteUrl = env().siteUrl
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', SEARCH_PATH] },
    sitemap: [`${siteUrl}/sitemap.xml`, `${siteUrl}/news-sitemap.xml`],
  }
}
