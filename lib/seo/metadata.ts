// Next Metadata for public pages: title, description, absolute canonical, Open Graph, Twitter card, robots, feeds.
import type { Metadata } from 'next'
import { isoDateTime } from './dates'
import { describeArticle, type SeoArticle, type SiteIdentity } from './json-ld'
import { absoluteUrl, commentsFeedPath, imageCrops } from './urls'

/** Indexable, with large image previews in Search and Discover. Next writes it as one robots meta tag. */
export const indexable = {
  index: true,
  follow: true,
  'max-image-preview': 'large',
  'max-snippet': -1,
  'max-video-preview': -1,
} as const satisfies Metadata['robots']

/** For placeholders, empty listings and the like: followed, never indexed. */
export const notIndexable = { index: false, follow: true } as const satisfies Metadata['robots']

/** The 16:9 crop (1200×675), the one Open Graph and Twitter show. */
function shareImage(siteUrl: string, src: string | null | undefined, alt: string) {
  const crop = imageCrops(siteUrl, src).find((c) => c.ratio === '16x9')
  if (!crop) throw new Error('no 16:9 crop')
  return { url: crop.url, width: crop.width, height: crop.height, alt }
}

export function articleMetadata(article: SeoArticle, siteUrl: string, site: SiteIdentity): Metadata {
  const url = absoluteUrl(siteUrl, article.url)
  const description = describeArticle(article)
  const image = shareImage(siteUrl, article.image?.src, article.image?.alt ?? site.name)
  return {
    title: article.title,
    description,
    alternates: {
      canonical: url,
      types: article.isStub ? undefined : { 'application/rss+xml': [{ url: absoluteUrl(siteUrl, commentsFeedPath(article.url)), title: `Comments on “${article.title}”` }] },
    },
    robots: article.isStub ? notIndexable : indexable,
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: site.name,
      images: [image],
      publishedTime: isoDateTime(article.publishedAt),
      modifiedTime: isoDateTime(article.updatedAt),
      section: article.section.name,
      tags: article.tags.map((t) => t.name),
      authors: [absoluteUrl(siteUrl, article.author.url)],
    },
    twitter: { card: 'summary_large_image', title: article.title, description, images: [image] },
  }
}

export type ListingSeo = {
  /** Page title without the site name (the layout's template adds it), or an absolute one for the home page. */
  title: string | { absolute: string }
  description: string
  /** The canonical path of this page of the listing. */
  path: string
  /** An empty listing is a soft 404 to a crawler: keep it out of the index. */
  isEmpty: boolean
}

export function listingPageMetadata(listing: ListingSeo, siteUrl: string, site: SiteIdentity): Metadata {
  const url = absoluteUrl(siteUrl, listing.path)
  const ogTitle = typeof listing.title === 'string' ? listing.title : listing.title.absolute
  const image = shareImage(siteUrl, null, site.name)
  return {
    title: listing.title,
    description: listing.description,
    alternates: { canonical: url },
    robots: listing.isEmpty ? notIndexable : indexable,
    openGraph: { type: 'website', url, title: ogTitle, description: listing.description, siteName: site.name, images: [image] },
    twitter: { card: 'summary_large_image', title: ogTitle, description: listing.description, images: [image] },
  }
}
