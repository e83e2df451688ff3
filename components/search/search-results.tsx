// The search page: the form, then ranked results with the matched words marked, or an empty state that helps.
import Link from 'next/link'
import { DateTime } from '@/components/ui/date-time'
import { Pagination } from '@/components/ui/pagination'
import type { SearchHitDto, SearchResultsDto } from '@/db/queries/search'
import { site } from '@/lib/site'
import { HighlightedText } from './highlighted-text'
import { SearchForm } from './search-form'

export function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query })
  if (page > 1) params.set('page', String(page))
  return `/search?${params.toString()}`
}

function SearchHit({ hit }: { hit: SearchHitDto }) {
  return (
    <li className="search-hit">
      <article>
        <p className="kicker">{hit.section.name}</p>
        <h2 className="search-hit__title">
          <Link href={hit.url}>
            <HighlightedText text={hit.title} />
          </Link>
        </h2>
        {hit.standfirst && (
          <p className="search-hit__standfirst">
            <HighlightedText text={hit.standfirst} />
          </p>
        )}
        {hit.excerpt && (
          <p className="search-hit__excerpt">
            <HighlightedText text={hit.excerpt} />
          </p>
        )}
        <p className="card__date">
          <DateTime iso={hit.publishedAt} />
        </p>
      </article>
    </li>
  )
}

function Suggestions() {
  return (
    <>
      <p>Check the spelling, use fewer words, or try a more general one. You can also browse:</p>
      <ul className="search-suggestions">
        <li>
          <Link href="/">The front page</Link>
        </li>
        {site.navigation.map((s) => (
          <li key={s.slug}>
            <Link href={`/section/${s.slug}`}>{s.name}</Link>
          </li>
        ))}
      </ul>
    </>
  )
}

export function SearchResults({ query, results }: { query: string; results: SearchResultsDto | null }) {
  const count = results?.total ?? 0
  return (
    <div className="search-page">
      <header className="listing__header">
        <h1>{query ? <>Search results for “{query}”</> : 'Search'}</h1>
      </header>
      <SearchForm query={query} />
      {results === null || results.terms.length === 0 ? (
        <div className="empty-state">
          {query ? <p>There are no words to search for in “{query}”. Type a word or two.</p> : <p>Type a word or two to find articles.</p>}
        </div>
      ) : count === 0 ? (
        <div className="empty-state">
          <p className="search-summary">
            <strong>No articles match “{results.terms.join(' ')}”.</strong>
          </p>
          <Suggestions />
        </div>
      ) : results.items.length === 0 ? (
        <div className="empty-state">
          <p className="search-summary">There is no page {results.page} of these results.</p>
          <p>
            <Link href={searchHref(query, 1)}>Go to the first page of results</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="search-summary">
            {count === 1 ? '1 article' : `${count} articles`} found, best matches first
            {results.pageCount > 1 && `; page ${results.page} of ${results.pageCount}`}.
          </p>
          <ol className="search-hits">
            {results.items.map((hit) => (
              <SearchHit key={hit.id} hit={hit} />
            ))}
          </ol>
          <Pagination page={results.page} pageCount={results.pageCount} href={(n) => searchHref(query, n)} label="Result pages" previous="Previous" next="Next" />
        </>
      )}
    </div>
  )
}
