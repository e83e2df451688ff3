// Replying without JavaScript: the article with the form under comment {id}. Per request and never indexed,
// so the cached article page itself never reads a query string or a cookie.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleView, findArticle, loadArticle, type ArticleParams } from '../../article-view'

type Props = { params: Promise<ArticleParams & { id: string }> }

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle(params)
  if (!article) return {}
  return { title: `Reply – ${article.title}`, robots: { index: false, follow: false }, alternates: { canonical: article.url } }
}

export default async function ReplyPage({ params }: Props) {
  const { id } = await params
  if (!/^\d{1,12}$/.test(id)) notFound()
  const article = await loadArticle(params, `/reply/${id}`)
  return <ArticleView article={article} replyToId={Number(id)} />
}
