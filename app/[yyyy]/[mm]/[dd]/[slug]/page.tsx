// The article page: rendered on first request, then served from Next's cache until its content changes.
import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { ArticleBody } from '@/components/article/article-body'
import { ArticleHeader } from '@/components/article/article-header'
import { ArticleTags } from '@/components/article/article-tags'
import { GalleryLightbox } from '@/components/article/gallery-lightbox'
import { CommentSection } from '@/components/comments/comment-section'
import { ArticleJsonLd } from '@/components/seo/json-ld'
import { getArticleBySlug } from '@/db/queries/articles'
import { listApprovedComments } from '@/db/queries/comments'
import { env } from '@/lib/env'
import { articleMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/site'

type Params = { yyyy: string; mm: string; dd: string; slug: string }
type Props = { params: Promise<Params> }

export const generateStaticParams = async () => []

/** The article for these params, redirecting any non-canonical spelling of its URL to the canonical one. */
async function loadArticle(params: Promise<Params>) {
  const { yyyy, mm, dd, slug } = await params
  const article = getArticleBySlug(slug.toLowerCase())
  if (!article) notFound()
  if (`/${yyyy}/${mm}/${dd}/${slug}` !== article.url) permanentRedirect(article.url)
  return article
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // No redirect here: the page redirects non-canonical URLs, and redirecting from both sent two Location headers.
  const article = getArticleBySlug((await params).slug.toLowerCase())
  if (!article) notFound()
  return articleMetadata(article, env().siteUrl, site)
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle(params)
  const comments = listApprovedComments(article.id)
  const photos = article.blocks.flatMap((b) => (b.type === 'figure' ? [b.image] : []))
  return (
    <>
      <ArticleJsonLd article={article} comments={comments} />
      <article className="article">
        <ArticleHeader article={article} />
        {article.isStub && (
          <p className="stub-notice" role="note">
            Placeholder: this story is linked from another article but has not been published here yet.
          </p>
        )}
        <ArticleBody blocks={article.blocks} />
        <ArticleTags tags={article.tags} />
      </article>
      {photos.length > 0 && <GalleryLightbox photos={photos} />}
      {!article.isStub && (
        <CommentSection articleUrl={article.url} title={article.title} comments={comments} commentsOpen={article.commentsOpen} />
      )}
    </>
  )
}
