// The article's header: section kicker, the page's only h1, standfirst, byline, dates and reading time.
import Link from 'next/link'
import { DateTime } from '@/components/ui/date-time'
import type { ArticleDto } from '@/db/queries/articles'

export function ArticleHeader({ article }: { article: ArticleDto }) {
  return (
    <header className="article-header">
      <p className="kicker">
        <Link href={article.section.url}>{article.section.name}</Link>
      </p>
      <h1 className="article-title">{article.title}</h1>
      {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
      <div className="article-meta">
        <p className="byline">
          By <Link href={article.author.url}>{article.author.name}</Link>
        </p>
        <dl className="article-dates">
          <div>
            <dt>Published</dt>
            <dd>
              <DateTime iso={article.publishedAt} />
            </dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd>
              <DateTime iso={article.updatedAt} />
            </dd>
          </div>
          {!article.isStub && (
            <div>
              <dt className="visually-hidden">Reading time</dt>
              <dd>{article.readingMinutes} min read</dd>
            </div>
          )}
        </dl>
      </div>
    </header>
  )
}
