// Structured data (schema.org as JSON-LD) for articles and the home page, and the serialiser that keeps it inside its <script>.
import type {
  BreadcrumbList,
  Comment,
  ImageObject,
  NewsArticle,
  Organization,
  Person,
  QuantitativeValue,
  SearchAction,
  WebSite,
  WithContext,
} from 'schema-dts'
import { isoDateTime } from './dates'
import { absoluteUrl, imageCrops, LOGO, SEARCH_PATH } from './urls'

/** What the builders need of an article: a structural subset of the article DTO, so lib/ never depends on db/. */
export type SeoArticle = {
  url: string
  title: string
  standfirst: string
  publishedAt: string
  updatedAt: string
  isStub: boolean
  wordCount: number
  section: { name: string; url: string }
  author: { name: string; url: string }
  tags: readonly { name: string }[]
  image: { src: string; alt: string } | null
  blocks: readonly ({ type: 'paragraph'; text: string } | { type: string })[]
}

/** An approved comment as the public may see it (no email, IP or user agent). */
export type SeoComment = { id: number; authorName: string; authorUrl: string; body: string; createdAt: string }

export type SiteIdentity = { name: string; language: string; tagline: string }

const publicUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined)

/** A length in pixels: schema.org's width and height take a QuantitativeValue (E37 is UN/CEFACT's code for pixel). */
const px = (value: number): QuantitativeValue => ({ '@type': 'QuantitativeValue', value, unitCode: 'E37' })

const imageObject = (url: string, width: number, height: number): ImageObject => ({
  '@type': 'ImageObject',
  url,
  width: px(width),
  height: px(height),
})

export function organizationLd(siteUrl: string, site: SiteIdentity): Organization {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl(siteUrl, '/#organization'),
    name: site.name,
    url: absoluteUrl(siteUrl, '/'),
    logo: imageObject(absoluteUrl(siteUrl, LOGO.path), LOGO.width, LOGO.height),
  }
}

/** The standfirst, or the opening of the first paragraph when an article has none. */
export function describeArticle(article: Pick<SeoArticle, 'standfirst' | 'blocks'>, max = 160): string {
  if (article.standfirst.trim()) return article.standfirst.trim()
  const first = article.blocks.find((b): b is { type: 'paragraph'; text: string } => b.type === 'paragraph' && 'text' in b)
  const text = (first?.text ?? '').replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

export function newsArticleLd(
  siteUrl: string,
  site: SiteIdentity,
  article: SeoArticle,
  /** The approved comments the page shows, and how many approved comments the article has in all. */
  discussion: { comments: readonly SeoComment[]; count: number },
): WithContext<NewsArticle> {
  const url = absoluteUrl(siteUrl, article.url)
  const author: Person = { '@type': 'Person', name: article.author.name, url: absoluteUrl(siteUrl, article.author.url) }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    description: describeArticle(article),
    image: imageCrops(siteUrl, article.image?.src).map((crop) => imageObject(crop.url, crop.width, crop.height)),
    datePublished: isoDateTime(article.publishedAt),
    dateModified: isoDateTime(article.updatedAt),
    author: [author],
    publisher: organizationLd(siteUrl, site),
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    inLanguage: site.language,
    isAccessibleForFree: true,
    wordCount: article.wordCount,
    discussionUrl: `${url}#comments`,
    commentCount: discussion.count,
    comment: discussion.comments.map(
      (c): Comment => ({
        '@type': 'Comment',
        '@id': `${url}#comment-${c.id}`,
        url: `${url}#comment-${c.id}`,
        author: { '@type': 'Person', name: c.authorName, url: publicUrl(c.authorUrl) },
        dateCreated: isoDateTime(c.createdAt),
        text: c.body,
      }),
    ),
  }
}

/** Home › Section › Article. */
export function breadcrumbLd(siteUrl: string, site: SiteIdentity, article: Pick<SeoArticle, 'url' | 'title' | 'section'>): WithContext<BreadcrumbList> {
  const trail = [
    { name: site.name, path: '/' },
    { name: article.section.name, path: article.section.url },
    { name: article.title, path: article.url },
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: absoluteUrl(siteUrl, step.path),
    })),
  }
}

/** The home page: the site, who publishes it and how to search it. */
export function webSiteLd(siteUrl: string, site: SiteIdentity): WithContext<WebSite> {
  const search: SearchAction & { 'query-input': string } = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(siteUrl, SEARCH_PATH)}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absoluteUrl(siteUrl, '/#website'),
    url: absoluteUrl(siteUrl, '/'),
    name: site.name,
    description: site.tagline,
    inLanguage: site.language,
    publisher: organizationLd(siteUrl, site),
    potentialAction: search,
  }
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON for an inline <script>: "<" and ">" are written as \u003c and \u003e, so no "</script>" or "<!--" in any
 * text (a reader's comment included) can end or confuse the element; "&" and the two line separators likewise.
 * JSON.parse gives back exactly the original strings.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c] ?? c)
}
