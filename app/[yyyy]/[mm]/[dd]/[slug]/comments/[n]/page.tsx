// Later pages of a long discussion (page 1 is the article page). Cached like the article, invalidated with it.
import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { parsePageNumber } from '@/lib/format'
import { ArticleView, findArticle, loadArticle, type ArticleParams } from '../../article-view'

type Props = { params: Promise<ArticleParams & { n: string }> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params
  const article = await findArticle(params)
  if (!article) return {}
  return { title: `Comments, page ${n} – ${article.title}`, alternates: { canonical: `${article.url}/comments/${n}` } }
}

export default async function CommentPage({ params }: Props) {
  const { n } = await params
  const page = parsePageNumber(n)
  if (page === null) notFound()
  const article = await loadArticle(params, `/comments/${n}`)
  if (page === 1) permanentRedirect(article.url)
  return <ArticleView article={article} commentPage={page} />
}
