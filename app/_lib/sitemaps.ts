// The sitemap files: /sitemap.xml holds every URL while they fit in one file, and becomes their index past 2,000.
import 'server-only'
import { countSitemapArticles, countSitemapListings, listSitemapArticles, listSitemapListings } from '@/db/queries/seo'
import { latest } from '@/lib/seo/dates'
import { sitemapFileCount, sitemapIndex, sitemapSlice, urlset, SITEMAP_FILE_URLS } from '@/lib/seo/sitemap'
import { absoluteUrl } from '@/lib/seo/urls'

export type SitemapFile = { body: string; lastModified: string | null }

export const sitemapFilePath = (n: number) => `/sitemaps/${n}.xml`

/** How many files, from counts alone: the index never reads the listings' dates or any article row. */
function layout(limit: number) {
  const listingCount = countSitemapListings()
  const articleCount = countSitemapArticles()
  return { listingCount, articleCount, files: sitemapFileCount(listingCount + articleCount, limit) }
}

function urlsetFile(siteUrl: string, n: number, listingCount: number, articleCount: number, limit: number): SitemapFile | null {
  const slice = sitemapSlice(n, listingCount, articleCount, limit)
  if (!slice) return null
  const listings = slice.pages.end > slice.pages.start ? listSitemapListings().slice(slice.pages.start, slice.pages.end) : []
  const entries = [...listings, ...listSitemapArticles(slice.articles.offset, slice.articles.limit)]
  return {
    body: urlset(entries.map((e) => ({ loc: absoluteUrl(siteUrl, e.path), lastmod: e.lastmod }))),
    lastModified: latest(...entries.map((e) => e.lastmod)),
  }
}

/** /sitemap.xml: the whole urlset, or the index of /sitemaps/{n}.xml once the URLs no longer fit in one file. */
export function rootSitemap(siteUrl: string, limit = SITEMAP_FILE_URLS): SitemapFile {
  const { listingCount, articleCount, files } = layout(limit)
  if (files === 1) return urlsetFile(siteUrl, 1, listingCount, articleCount, limit) ?? { body: urlset([]), lastModified: null }
  // The index changes only when a file is added: its ETag says so, a Last-Modified would not.
  return {
    body: sitemapIndex(Array.from({ length: files }, (_, i) => ({ loc: absoluteUrl(siteUrl, sitemapFilePath(i + 1)) }))),
    lastModified: null,
  }
}

/** /sitemaps/{n}.xml, or null when there is no such file (including when everything fits in /sitemap.xml). */
export function childSitemap(siteUrl: string, n: number, limit = SITEMAP_FILE_URLS): SitemapFile | null {
  const { listingCount, articleCount, files } = layout(limit)
  if (files === 1 || n > files) return null
  return urlsetFile(siteUrl, n, listingCount, articleCount, limit)
}
