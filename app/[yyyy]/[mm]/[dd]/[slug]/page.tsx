// The article page: rendered on first request, then served from Next's cache until its content changes.
import type { Metadata } from 'next'
import { env } from '@/lib/env'
import { articleMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/site'
import { ArticleView, findArticle, loadArticle, type ArticleParams } from './article-view'

type Props = { params: Promise<ArticleParams> }

export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle(params)
  return article ? articleMetadata(article, env().siteUrl, site) : {}
}

export default async function ArticlePage({ params }: Props) {
  return <ArticleView article={await loadArticle(params)} />
}
