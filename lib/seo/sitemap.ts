// Sitemaps (sitemaps.org 0.9), the sitemap index they split into past 2,000 URLs, and the Google News sitemap.
import { isoDateTime } from './dates'
import { el, xmlDocument } from './xml'

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
/** The protocol's limit per file (the other, 50 MB, is far off at about 150 bytes a URL). */
export const MAX_SITEMAP_URLS = 50_000
/**
 * Where this site splits: 2,000 URLs a file (WordPress's own sitemaps use the same page size). Every request builds
 * its file from the database, so a file's size is its cost: past this, /sitemap.xml is an index of files that each
 * cost the same however large the archive grows.
 */
export const SITEMAP_FILE_URLS = 2_000
/** Google News reads at most 1,000 articles per news sitemap, published in the last two days. */
export const MAX_NEWS_URLS = 1_000
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000

export type SitemapEntry = { loc: string; lastmod?: string | null }
export type NewsEntry = { loc: string; title: string; publishedAt: string }
export type Publication = { name: string; language: string }

export function urlset(entries: readonly SitemapEntry[]): string {
  if (entries.length > MAX_SITEMAP_URLS) throw new Error(`a sitemap holds at most ${MAX_SITEMAP_URLS} URLs, got ${entries.length}`)
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS },
      entries.map((e) => el('url', null, el('loc', null, e.loc), e.lastmod ? el('lastmod', null, isoDateTime(e.lastmod)) : null)),
    ),
  )
}

export function sitemapIndex(entries: readonly SitemapEntry[]): string {
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: SITEMAP_NS },
      entries.map((e) => el('sitemap', null, el('loc', null, e.loc), e.lastmod ? el('lastmod', null, isoDateTime(e.lastmod)) : null)),
    ),
  )
}

export function newsSitemap(entries: readonly NewsEntry[], publication: Publication): string {
  return xmlDocument(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS },
      entries.slice(0, MAX_NEWS_URLS).map((e) =>
        el(
          'url',
          null,
          el('loc', null, e.loc),
          el(
            'news:news',
            null,
            el('news:publication', null, el('news:name', null, publication.name), el('news:language', null, publication.language)),
            el('news:publication_date', null, isoDateTime(e.publishedAt)),
            el('news:title', null, e.title),
          ),
        ),
      ),
    ),
  )
}

/**
 * How the site's URLs split into sitemap files. They are listed in a fixed order, listing pages (home, sections,
 * authors, tags) first and then articles by id, so new articles only ever change the last file.
 */
export function sitemapFileCount(totalUrls: number, limit = MAX_SITEMAP_URLS): number {
  return Math.max(1, Math.ceil(totalUrls / limit))
}

export type SitemapSlice = { pages: { start: number; end: number }; articles: { offset: number; limit: number } }

/** Which listing pages and which articles (offset and limit in id order) sitemap file `n` (1-based) holds. */
export function sitemapSlice(n: number, pageCount: number, articleCount: number, limit = MAX_SITEMAP_URLS): SitemapSlice | null {
  const start = (n - 1) * limit
  const total = pageCount + articleCount
  if (!Number.isInteger(n) || n < 1 || (start >= total && n > 1)) return null
  const end = Math.min(start + limit, total)
  const pages = { start: Math.min(start, pageCount), end: Math.min(end, pageCount) }
  const articleStart = Math.max(start - pageCount, 0)
  const articleEnd = Math.max(end - pageCount, 0)
  return { pages, articles: { offset: articleStart, limit: articleEnd - articleStart } }
}
