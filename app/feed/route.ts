// /feed: RSS 2.0 of the latest published articles.
import { listFeedArticles } from '@/db/queries/seo'
import { env } from '@/lib/env'
import { latest } from '@/lib/seo/dates'
import { conditionalResponse } from '@/lib/seo/http'
import { imageType, rss, stableGuid } from '@/lib/seo/rss'
import { absoluteUrl, FEED_PATH, imageCrops } from '@/lib/seo/urls'
import { site } from '@/lib/site'

export const dynamic = 'force-dynamic'

const FEED_SIZE = 30

export function GET(request: Request) {
  const siteUrl = env().siteUrl
  const articles = listFeedArticles(FEED_SIZE)
  const lastModified = latest(...articles.map((a) => a.updatedAt))
  const wide = imageCrops(siteUrl, null)[0]
  const defaultImage = wide && { url: wide.url, width: wide.width, height: wide.height, type: 'image/jpeg' }
  const body = rss({
    title: site.name,
    link: absoluteUrl(siteUrl, '/'),
    description: site.tagline,
    language: site.language,
    self: absoluteUrl(siteUrl, FEED_PATH),
    lastBuildDate: lastModified,
    items: articles.map((a) => {
      const link = absoluteUrl(siteUrl, a.path)
      return {
        title: a.title,
        link,
        guid: stableGuid('article', a.id),
        pubDate: a.publishedAt,
        description: a.standfirst,
        creator: a.authorName,
        categories: [a.sectionName, ...a.tags],
        comments: `${link}#comments`,
        // Articles without a photo show the site's default picture, as their share image does.
        image: a.image
          ? { url: absoluteUrl(siteUrl, a.image.src), width: a.image.width, height: a.image.height, type: imageType(a.image.src) }
          : defaultImage,
      }
    }),
  })
  return conditionalResponse(request, body, { contentType: 'application/rss+xml; charset=utf-8', lastModified })
}
