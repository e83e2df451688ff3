// An article in a list: lead photo, section, headline (the link), standfirst and date.
import Image from 'next/image'
import Link from 'next/link'
import { DateTime } from '@/components/ui/date-time'
import type { ArticleCardDto } from '@/db/queries/articles'

export function ArticleCard({ article, lead = false, level = 2 }: { article: ArticleCardDto; lead?: boolean; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <article className={`card${lead ? ' card--lead' : ''}`}>
      {article.image && (
        <div className="card__image">
          <Image
            src={article.image.src}
            width={article.image.width}
            height={article.image.height}
            alt=""
            sizes={lead ? '(min-width: 1180px) 700px, 100vw' : '(min-width: 760px) 320px, 100vw'}
            loading={lead ? 'eager' : 'lazy'}
            fetchPriority={lead ? 'high' : undefined}
          />
        </div>
      )}
      <div className="card__text">
        <p className="kicker">{article.section.name}</p>
        <Heading className="card__title">
          <Link href={article.url}>{article.title}</Link>
        </Heading>
        {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
        <p className="card__date">
          <DateTime iso={article.publishedAt} />
        </p>
      </div>
    </article>
  )
}
