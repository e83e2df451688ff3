// Structured data blocks: NewsArticle and BreadcrumbList on articles, WebSite on the home page.
import { env } from '@/lib/env'
import { breadcrumbLd, newsArticleLd, serializeJsonLd, webSiteLd, type SeoArticle, type SeoComment } from '@/lib/seo/json-ld'
import { site } from '@/lib/site'

/**
 * One <script type="application/ld+json">. Script content is raw text, so React's escaping would corrupt the JSON;
 * serializeJsonLd writes <, >, & and the line separators as \u escapes instead, so no text (a reader's comment
 * included) can close the element. That is why dangerouslySetInnerHTML is safe here and only here.
 */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

/** The article's NewsArticle (with the approved comments shown) and its breadcrumb; nothing for a placeholder. */
export function ArticleJsonLd({
  article,
  comments,
  commentCount = comments.length,
}: {
  article: SeoArticle
  comments: readonly SeoComment[]
  commentCount?: number
}) {
  if (article.isStub) return null
  const siteUrl = env().siteUrl
  return (
    <>
      <JsonLd data={newsArticleLd(siteUrl, site, article, { comments, count: commentCount })} />
      <JsonLd data={breadcrumbLd(siteUrl, site, article)} />
    </>
  )
}

export function HomeJsonLd() {
  return <JsonLd data={webSiteLd(env().siteUrl, site)} />
}
