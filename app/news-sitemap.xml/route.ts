// /news-sitemap.xml: the Google News sitemap, articles published in the last 48 hours.
import { listNewsArticles } from '@/db/queries/seo'
import { env } from '@/lib/env'
import { conditionalResponse } from '@/lib/seo/http'
import { MAX_NEWS_URLS, NEWS_WINDOW_MS, newsSitemap } from '@/lib/seo/sitemap'
import { absoluteUrl } from '@/lib/seo/urls'
import { site } from '@/lib/site'

export const dynamic = 'force-dynamic'

export function GET(request: Request) {
  const siteUrl = env().siteUrl
  const now = new Date()
  const articles = listNewsArticles(new Date(now.getTime() - NEWS_WINDOW_MS), now, MAX_NEWS_URLS)
  const body = newsSitemap(
    articles.map((a) => ({ loc: absoluteUrl(siteUrl, a.path), title: a.title, publishedAt: a.publishedAt })),
    { name: site.name, language: site.language },
  )
  // No Last-Modified: articles leave the 48-hour window without any date changing, so only the ETag tells.
  return conditionalResponse(request, body, { contentType: 'application/xml; charset=utf-8' })
}
