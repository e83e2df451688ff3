// Shared by the home, section, author and tag routes: load one page of a listing, or 404.
import 'server-only'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ArticleList } from '@/components/article/article-list'
import { HomeJsonLd } from '@/components/seo/json-ld'
import { pageHref } from '@/components/ui/pagination'
import { getAuthor, getSection, getTag, listArticles, type ListFilter } from '@/db/queries/articles'
import { env } from '@/lib/env'
import { parsePageNumber } from '@/lib/format'
import { listingPageMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/site'

export type ListingKind = 'home' | 'section' | 'author' | 'tag'

type Listing = { title: string; intro?: string; base: string; filter: ListFilter }

function findListing(kind: ListingKind, slug: string): Listing | null {
  switch (kind) {
    case 'home':
      return { title: site.name, base: '/', filter: {} }
    case 'section': {
      const s = getSection(slug)
      return s && { title: s.name, intro: s.description || undefined, base: s.url, filter: { sectionId: s.id } }
    }
    case 'author': {
      const a = getAuthor(slug)
      return a && { title: a.name, intro: a.bio || `Articles by ${a.name}.`, base: a.url, filter: { authorId: a.id } }
    }
    case 'tag': {
      const t = getTag(slug)
      return t && { title: t.name, intro: `Articles about ${t.name}.`, base: t.url, filter: { tagId: t.id } }
    }
  }
}

/** One page of a listing, or null when the listing or the page does not exist. */
function find(kind: ListingKind, slug: string, pageParam: string) {
  const pageNumber = parsePageNumber(pageParam)
  const listing = findListing(kind, slug)
  if (!listing || pageNumber === null) return null
  const page = listArticles(listing.filter, pageNumber, site.perPage)
  if (pageNumber > page.pageCount) return null
  return { listing, page }
}

function load(kind: ListingKind, slug: string, pageParam: string) {
  return find(kind, slug, pageParam) ?? notFound()
}

/** Never throws notFound(): from generateMetadata that answers a 404 with an empty body (the page renders it). */
export function listingMetadata(kind: ListingKind, slug: string, pageParam: string): Metadata {
  const found = find(kind, slug, pageParam)
  if (!found) return {}
  const { listing, page } = found
  const title = page.page > 1 ? `${listing.title}, page ${page.page}` : listing.title
  return listingPageMetadata(
    {
      title: kind === 'home' && page.page === 1 ? { absolute: `${site.name} – ${site.tagline}` } : title,
      description: listing.intro ?? site.tagline,
      path: pageHref(listing.base, page.page),
      isEmpty: page.total === 0,
    },
    env().siteUrl,
    site,
  )
}

export function ListingPage({ kind, slug, pageParam }: { kind: ListingKind; slug: string; pageParam: string }) {
  const { listing, page } = load(kind, slug, pageParam)
  return (
    <>
      {kind === 'home' && page.page === 1 && <HomeJsonLd />}
      <ArticleList title={listing.title} intro={listing.intro} base={listing.base} page={page} hideTitle={kind === 'home'} />
    </>
  )
}
