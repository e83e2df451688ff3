// /sitemaps/{n}.xml: one file of the split sitemap, listed by /sitemap.xml once the site has more than 2,000 URLs.
import { childSitemap } from '@/app/_lib/sitemaps'
import { env } from '@/lib/env'
import { conditionalResponse } from '@/lib/seo/http'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ file: string }> }

export async function GET(request: Request, { params }: Context) {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).file)
  const file = match?.[1] ? childSitemap(env().siteUrl, Number(match[1])) : null
  if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Robots-Tag': 'noindex' } })
  return conditionalResponse(request, file.body, { contentType: 'application/xml; charset=utf-8', lastModified: file.lastModified })
}
