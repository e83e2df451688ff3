// A page of a listing (home, section, author, tag): heading, cards, pagination and an empty state.
import Link from 'next/link'
import type { ArticleCardDto, Page } from '@/db/queries/articles'
import { Pagination } from '@/components/ui/pagination'
import { ArticleCard } from './article-card'

export function ArticleList({
  title,
  intro,
  base,
  page,
  hideTitle = false,
}: {
  title: string
  intro?: string
  base: string
  page: Page<ArticleCardDto>
  hideTitle?: boolean
}) {
  const [first, ...rest] = page.items
  const leadOnPage = page.page === 1 && first
  return (
    <div className="listing">
      <header className={hideTitle ? 'visually-hidden' : 'listing__header'}>
        <h1>{page.page > 1 ? `${title}, page ${page.page}` : title}</h1>
        {intro && <p className="listing__intro">{intro}</p>}
      </header>
      {page.items.length === 0 ? (
        <p className="empty-state">
          Nothing has been published here yet. <Link href="/">Back to the front page</Link>
        </p>
      ) : (
        <>
          {leadOnPage && <ArticleCard article={first} lead />}
          {leadOnPage ? (
            rest.length > 0 && (
              <section aria-labelledby="more-stories" className="more-stories">
                <h2 id="more-stories" className="section-title">
                  More stories
                </h2>
                <div className="card-grid">
                  {rest.map((a) => (
                    <ArticleCard key={a.id} article={a} level={3} />
                  ))}
                </div>
              </section>
            )
          ) : (
            <div className="card-grid">
              {page.items.map((a) => (
                <ArticleCard key={a.id} article={a} />
              ))}
            </div>
          )}
        </>
      )}
      <Pagination base={base} page={page.page} pageCount={page.pageCount} />
    </div>
  )
}
