// The search page, /search?q=…&page=…: per request (it reads the query string) and never indexed.
import type { Metadata } from 'next'
import { SearchResults } from '@/components/search/search-results'
import { searchArticles } from '@/db/queries/search'
import { parsePageNumber } from '@/lib/format'
import { MAX_QUERY_LENGTH } from '@/lib/search/query'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''

async function read(searchParams: Props['searchParams']) {
  const params = await searchParams
  return { query: first(params.q).slice(0, MAX_QUERY_LENGTH).trim(), page: parsePageNumber(first(params.page)) ?? 1 }
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query, page } = await read(searchParams)
  const title = query ? `Search results for “${query}”${page > 1 ? `, page ${page}` : ''}` : 'Search'
  return { title, robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: Props) {
  const { query, page } = await read(searchParams)
  return <SearchResults query={query} results={query ? searchArticles(query, page) : null} />
}
