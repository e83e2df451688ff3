// {article}/feed: RSS 2.0 of the article's approved comments, newest first.
import { getArticleHead, getLastCommentChange, listLatestApprovedComments } from '@/db/queries/seo'
import { env } from '@/lib/env'
import { latest } from '@/lib/seo/dates'
import { conditionalResponse } from '@/lib/seo/http'
import { rss, stableGuid } from '@/lib/seo/rss'
import { absoluteUrl, commentsFeedPath } from '@/lib/seo/urls'
import { site } from '@/lib/site'

export const dynamic = 'force-dynamic'

const FEED_SIZE = 50

type Context = { params: Promise<{ yyyy: string; mm: string; dd: string; slug: string }> }

export async function GET(request: Request, { params }: Context) {
  const { yyyy, mm, dd, slug } = await params
  const article = getArticleHead(slug.toLowerCase())
  // Placeholders have no discussion, so no feed either.
  if (!article || article.isStub) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Robots-Tag': 'noindex' } })
  }
  const path = commentsFeedPath(article.path)
  const siteUrl = env().siteUrl
  // The same rule as the article page: one canonical URL, any other spelling redirects permanently.
  if (`/${yyyy}/${mm}/${dd}/${slug}/feed` !== path) return Response.redirect(absoluteUrl(siteUrl, path), 308)

  const articleUrl = absoluteUrl(siteUrl, article.path)
  const comments = listLatestApprovedComments(article.id, FEED_SIZE)
  const lastModified = latest(article.updatedAt, getLastCommentChange(article.id))
  const body = rss({
    title: `Comments on: ${article.title}`,
    link: articleUrl,
    description: `Comments on “${article.title}” – ${site.name}`,
    language: site.language,
    self: absoluteUrl(siteUrl, path),
    lastBuildDate: lastModified,
    items: comments.map((c) => ({
      title: `By: ${c.authorName}`,
      link: `${articleUrl}#comment-${c.id}`,
      guid: stableGuid('comment', c.id),
      pubDate: c.createdAt,
      description: c.body,
      creator: c.authorName,
    })),
  })
  return conditionalResponse(request, body, { contentType: 'application/rss+xml; charset=utf-8', lastModified })
}
