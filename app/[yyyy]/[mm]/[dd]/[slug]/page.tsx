// The article page: rendered on first request, then served from Next's cache until its content changes.
import type { Metadata } from 'next'
import { ArticleView, loadArticle, type ArticleParams } from './article-view'

type Props = { params: Promise<ArticleParams> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params)
  return {
    title: article.title,
    description: article.standfirst || undefined,
    alternates: { canonical: article.url },
    robots: article.isStub ? { index: false, follow: true } : undefined,
  }
}

export default async function ArticlePage({ params }: Props) {
  return <ArticleView article={await loadArticle(params)} />
}
