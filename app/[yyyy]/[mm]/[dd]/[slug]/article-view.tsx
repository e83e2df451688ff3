// The article with its discussion, shared by the cached article page and the per-request reply page.
import 'server-only'
import { notFound, permanentRedirect } from 'next/navigation'
import { ArticleBody } from '@/components/article/article-body'
import { ArticleHeader } from '@/components/article/article-header'
import { ArticleTags } from '@/components/article/article-tags'
import { GalleryLightbox } from '@/components/article/gallery-lightbox'
import { CommentSection } from '@/components/comments/comment-section'
import { ArticleJsonLd } from '@/components/seo/json-ld'
import { getArticleBySlug, type ArticleDto } from '@/db/queries/articles'
import { listApprovedCommentPage } from '@/db/queries/comments'
import { getDiscussionSettings } from '@/db/queries/settings'
import { initialCommentFormState } from '@/lib/comments/form-state'
import { issueFormToken } from '@/lib/comments/token'
import { postComment } from './actions'

export type ArticleParams = { yyyy: string; mm: string; dd: string; slug: string }

/**
 * The article for these params, or null. For generateMetadata, which must neither redirect (the page does; both
 * doing it sent two Location headers) nor throw notFound() (Next then answers a 404 whose body is an empty shell
 * filled in by JavaScript; from the page it renders app/not-found.tsx into the HTML).
 */
export async function findArticle(params: Promise<ArticleParams>): Promise<ArticleDto | null> {
  return getArticleBySlug((await params).slug.toLowerCase())
}

/** The article for these params, redirecting any non-canonical spelling of its URL to the canonical one. */
export async function loadArticle(params: Promise<ArticleParams>, suffix = ''): Promise<ArticleDto> {
  const { yyyy, mm, dd, slug } = await params
  const article = await findArticle(params)
  if (!article) notFound()
  if (`/${yyyy}/${mm}/${dd}/${slug}` !== article.url) permanentRedirect(article.url + suffix)
  return article
}

export function ArticleView({
  article,
  replyToId = null,
  commentPage = 1,
}: {
  article: ArticleDto
  replyToId?: number | null
  commentPage?: number
}) {
  const settings = getDiscussionSettings()
  const discussion = listApprovedCommentPage(article.id, commentPage, settings.commentsPerPage)
  if (commentPage > discussion.pageCount) notFound()
  const comments = discussion.comments
  const photos = article.blocks.flatMap((b) => (b.type === 'figure' ? [b.image] : []))
  const replyTarget = replyToId === null ? undefined : comments.find((c) => c.id === replyToId)
  if (replyToId !== null && !replyTarget) notFound()
  return (
    <>
      <ArticleJsonLd article={article} comments={comments} commentCount={discussion.total} />
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
        <CommentSection
          articleId={article.id}
          articleUrl={article.url}
          title={article.title}
          comments={comments}
          total={discussion.total}
          page={discussion.page}
          pageCount={discussion.pageCount}
          commentsOpen={article.commentsOpen}
          form={{
            action: postComment.bind(null, article.id),
            initialState: initialCommentFormState(replyTarget ? String(replyTarget.id) : '0'),
            token: issueFormToken(),
            permalink: `${article.url}${replyTarget ? `/reply/${replyTarget.id}` : commentPage > 1 ? `/comments/${commentPage}` : ''}#respond`,
            replyTo: replyTarget ? { id: replyTarget.id, name: replyTarget.authorName } : null,
          }}
        />
      )}
    </>
  )
}
