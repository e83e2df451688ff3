// /sitemap.xml: every published article, section, author and tag page; an index of /sitemaps/{n}.xml past 2,000 URLs.
import { rootSitemap } from '@/app/_lib/sitemaps'
import { env } from '@/lib/env'
import { conditionalResponse } from '@/lib/seo/http'

// Read from the database on each request (the build never does); the ETag turns repeat fetches into 304s.
export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  const file = rootSitemap(env().siteUrl)
  return conditionalResponse(request, file.body, { contentType: 'application/xml; charset=utf-8', lastModified: file.lastModified })
}
