// What a crawler checks, written down: schema.org rules for our JSON-LD, sitemaps.org and Google News rules for
// sitemaps, RSS 2.0 rules for feeds. Each checker returns a list of problems, empty when all is well.
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
/** ISO 8601 date and time with a time zone (Z or ±hh:mm), as schema.org's DateTime and Google ask. */
export const ISO_DATE_TIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/
/** W3C Datetime as sitemaps use it: a date, or a date and time with a time zone. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/
/** RFC 822 dates as RSS 2.0 wants them (four-digit years, as every reader accepts). */
export const RFC_822 = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UT|[+-]\d{4})$/

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0

function absoluteUrl(v: unknown, origin?: string): boolean {
  if (typeof v !== 'string' || /\s/.test(v) || !URL.canParse(v)) return false
  const url = new URL(v)
  return (url.protocol === 'http:' || url.protocol === 'https:') && (!origin || url.origin === origin)
}

class Report {
  readonly problems: string[] = []
  check(ok: boolean, message: string) {
    if (!ok) this.problems.push(message)
    return ok
  }
}

function pixels(v: unknown): number | null {
  if (typeof v === 'number') return v
  if (isObject(v) && v['@type'] === 'QuantitativeValue' && typeof v.value === 'number') return v.value
  return null
}

function checkImageObject(r: Report, image: unknown, where: string, origin?: string): { width: number; height: number } | null {
  if (!r.check(isObject(image) && image['@type'] === 'ImageObject', `${where} is not an ImageObject`) || !isObject(image)) return null
  r.check(absoluteUrl(image.url, origin), `${where}.url is not an absolute URL on the site: ${String(image.url)}`)
  const width = pixels(image.width)
  const height = pixels(image.height)
  if (!r.check(Number.isInteger(width) && Number.isInteger(height), `${where} has no integer width and height`)) return null
  return { width: width as number, height: height as number }
}

function checkPerson(r: Report, person: unknown, where: string, options: { url: boolean; origin?: string }) {
  if (!r.check(isObject(person) && person['@type'] === 'Person', `${where} is not a Person`) || !isObject(person)) return
  r.check(nonEmpty(person.name), `${where}.name is missing`)
  if (options.url) r.check(absoluteUrl(person.url, options.origin), `${where}.url is not an absolute URL on the site`)
  else if (person.url !== undefined) r.check(absoluteUrl(person.url), `${where}.url is not an absolute URL`)
}

export type NewsArticleExpectations = {
  origin?: string
  /** The canonical URL the article must describe. */
  url?: string
  comments?: number
}

/** Google's NewsArticle requirements plus the issue's: three crops, ISO dates with a zone, author, publisher, comments. */
export function checkNewsArticle(ld: unknown, expect: NewsArticleExpectations = {}): string[] {
  const r = new Report()
  if (!r.check(isObject(ld), 'not an object') || !isObject(ld)) return r.problems
  r.check(ld['@context'] === 'https://schema.org', '@context is not https://schema.org')
  r.check(ld['@type'] === 'NewsArticle', '@type is not NewsArticle')
  r.check(nonEmpty(ld.headline) && ld.headline.length <= 110, 'headline is missing or longer than 110 characters')
  r.check(nonEmpty(ld.description), 'description is missing')

  const images = asArray(ld.image)
  const ratios = new Set<string>()
  images.forEach((image, i) => {
    const size = checkImageObject(r, image, `image[${i}]`, expect.origin)
    if (!size) return
    r.check(size.width * size.height >= 50_000, `image[${i}] has fewer than 50,000 pixels`)
    const ratio = size.width / size.height
    for (const [name, value] of [['16:9', 16 / 9], ['4:3', 4 / 3], ['1:1', 1]] as const) {
      if (Math.abs(ratio - value) < 0.01) ratios.add(name)
    }
  })
  r.check(ratios.size === 3 && images.length === 3, `image is not three crops 16:9, 4:3 and 1:1 (got ${[...ratios].join(', ') || 'none'})`)

  for (const key of ['datePublished', 'dateModified'] as const) {
    r.check(typeof ld[key] === 'string' && ISO_DATE_TIME_TZ.test(ld[key]), `${key} is not ISO 8601 with a time zone: ${String(ld[key])}`)
  }
  if (typeof ld.datePublished === 'string' && typeof ld.dateModified === 'string') {
    r.check(Date.parse(ld.dateModified) >= Date.parse(ld.datePublished), 'dateModified is before datePublished')
  }

  const authors = asArray(ld.author)
  r.check(authors.length > 0, 'author is missing')
  authors.forEach((a, i) => checkPerson(r, a, `author[${i}]`, { url: true, origin: expect.origin }))

  const publisher = ld.publisher
  if (r.check(isObject(publisher) && ['Organization', 'NewsMediaOrganization'].includes(String(publisher['@type'])), 'publisher is not an Organization') && isObject(publisher)) {
    r.check(nonEmpty(publisher.name), 'publisher.name is missing')
    checkImageObject(r, publisher.logo, 'publisher.logo', expect.origin)
  }

  const page = ld.mainEntityOfPage
  const pageId = isObject(page) ? page['@id'] : page
  r.check(absoluteUrl(pageId, expect.origin), 'mainEntityOfPage is not an absolute URL on the site')
  if (expect.url) r.check(pageId === expect.url, `mainEntityOfPage is ${String(pageId)}, not ${expect.url}`)
  r.check(nonEmpty(ld.articleSection), 'articleSection is missing')

  r.check(Number.isInteger(ld.commentCount) && (ld.commentCount as number) >= 0, 'commentCount is not a whole number')
  const comments = asArray(ld.comment)
  r.check(comments.length <= (ld.commentCount as number), 'more comments than commentCount')
  if (expect.comments !== undefined) r.check(ld.commentCount === expect.comments, `commentCount is ${String(ld.commentCount)}, not ${expect.comments}`)
  comments.forEach((c, i) => {
    if (!r.check(isObject(c) && c['@type'] === 'Comment', `comment[${i}] is not a Comment`) || !isObject(c)) return
    checkPerson(r, c.author, `comment[${i}].author`, { url: false })
    r.check(typeof c.dateCreated === 'string' && ISO_DATE_TIME_TZ.test(c.dateCreated), `comment[${i}].dateCreated is not ISO 8601 with a time zone`)
    r.check(nonEmpty(c.text), `comment[${i}].text is missing`)
  })
  return r.problems
}

/** A BreadcrumbList whose items are numbered from 1 in order, each with a name and an absolute URL. */
export function checkBreadcrumbList(ld: unknown, expectNames?: string[], origin?: string): string[] {
  const r = new Report()
  if (!r.check(isObject(ld) && ld['@type'] === 'BreadcrumbList', 'not a BreadcrumbList') || !isObject(ld)) return r.problems
  r.check(ld['@context'] === 'https://schema.org', '@context is not https://schema.org')
  const items = asArray(ld.itemListElement)
  r.check(items.length >= 2, 'fewer than two items')
  items.forEach((item, i) => {
    if (!r.check(isObject(item) && item['@type'] === 'ListItem', `item ${i} is not a ListItem`) || !isObject(item)) return
    r.check(item.position === i + 1, `item ${i} has position ${String(item.position)}`)
    r.check(nonEmpty(item.name), `item ${i} has no name`)
    r.check(absoluteUrl(item.item, origin), `item ${i} has no absolute URL`)
  })
  if (expectNames) r.check(JSON.stringify(items.map((i) => (isObject(i) ? i.name : null))) === JSON.stringify(expectNames), `names are not ${expectNames.join(' › ')}`)
  return r.problems
}

/** The home page's WebSite with a SearchAction Google can use for a sitelinks search box. */
export function checkWebSite(ld: unknown, origin?: string): string[] {
  const r = new Report()
  if (!r.check(isObject(ld) && ld['@type'] === 'WebSite', 'not a WebSite') || !isObject(ld)) return r.problems
  r.check(ld['@context'] === 'https://schema.org', '@context is not https://schema.org')
  r.check(absoluteUrl(ld.url, origin), 'url is not an absolute URL on the site')
  r.check(nonEmpty(ld.name), 'name is missing')
  const action = ld.potentialAction
  if (!r.check(isObject(action) && action['@type'] === 'SearchAction', 'potentialAction is not a SearchAction') || !isObject(action)) return r.problems
  const target = isObject(action.target) ? action.target.urlTemplate : action.target
  r.check(typeof target === 'string' && target.includes('{search_term_string}') && absoluteUrl(target.replace('{search_term_string}', 'x'), origin), 'target has no URL template')
  r.check(action['query-input'] === 'required name=search_term_string', 'query-input does not name search_term_string')
  return r.problems
}

/** Every <script type="application/ld+json"> body in an HTML document, in order. */
export function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
}

// ---- XML ----

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['url', 'sitemap', 'item', 'category'].includes(name),
})

/** Parses XML after checking it is well-formed; throws with the parser's message when it is not. */
export function parseXml(xml: string): Json {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  return parser.parse(xml) as Json
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObject(v) && typeof v['#text'] === 'string' ? v['#text'] : undefined)

function checkEntries(r: Report, entries: unknown[], kind: 'url' | 'sitemap', origin?: string) {
  const seen = new Set<string>()
  r.check(entries.length <= 50_000, `${entries.length} entries: more than 50,000`)
  entries.forEach((entry, i) => {
    if (!r.check(isObject(entry), `${kind} ${i} is empty`) || !isObject(entry)) return
    const allowed = kind === 'url' ? ['loc', 'lastmod', 'changefreq', 'priority', 'news:news', 'image:image'] : ['loc', 'lastmod']
    for (const key of Object.keys(entry)) r.check(allowed.includes(key), `${kind} ${i} has an element <${key}> the schema does not allow`)
    const loc = text(entry.loc)
    if (r.check(absoluteUrl(loc, origin) && (loc?.length ?? 0) <= 2048, `${kind} ${i} loc is not an absolute URL on the site: ${String(loc)}`)) {
      r.check(!seen.has(loc as string), `${kind} ${i} repeats ${loc}`)
      seen.add(loc as string)
    }
    if (entry.lastmod !== undefined) r.check(W3C_DATETIME.test(text(entry.lastmod) ?? ''), `${kind} ${i} lastmod is not a W3C Datetime`)
  })
}

/** A sitemaps.org 0.9 <urlset> (or, with kind "index", a <sitemapindex>). */
export function checkSitemap(xml: string, options: { origin?: string; kind?: 'urlset' | 'index' } = {}): string[] {
  const r = new Report()
  r.check(Buffer.byteLength(xml) <= 50 * 1024 * 1024, 'larger than 50 MB')
  r.check(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), 'no UTF-8 XML declaration')
  const doc = parseXml(xml)
  const rootName = options.kind === 'index' ? 'sitemapindex' : 'urlset'
  const root = doc[rootName]
  if (!r.check(root !== undefined, `root element is not <${rootName}>`)) return r.problems
  const rootObject = isObject(root) ? root : {}
  r.check(rootObject['@_xmlns'] === SITEMAP_NS, `<${rootName}> is not in the ${SITEMAP_NS} namespace`)
  checkEntries(r, asArray(rootObject[options.kind === 'index' ? 'sitemap' : 'url']), options.kind === 'index' ? 'sitemap' : 'url', options.origin)
  return r.problems
}

/** Google News sitemap rules: the news namespace, publication name and language, date, title; 1,000 articles of the last 48 hours at most. */
export function checkNewsSitemap(xml: string, options: { origin?: string; now?: Date } = {}): string[] {
  const r = new Report()
  const doc = parseXml(xml)
  const root = doc.urlset
  if (!r.check(root !== undefined, 'root element is not <urlset>')) return r.problems
  const rootObject = isObject(root) ? root : {}
  r.check(rootObject['@_xmlns'] === SITEMAP_NS, 'urlset is not in the sitemap namespace')
  r.check(rootObject['@_xmlns:news'] === NEWS_NS, `the news prefix is not bound to ${NEWS_NS}`)
  const urls = asArray(rootObject.url)
  r.check(urls.length <= 1000, 'more than 1,000 articles')
  checkEntries(r, urls, 'url', options.origin)
  const now = (options.now ?? new Date()).getTime()
  urls.forEach((u, i) => {
    const news = isObject(u) ? u['news:news'] : undefined
    if (!r.check(isObject(news), `url ${i} has no news:news`) || !isObject(news)) return
    const publication = news['news:publication']
    r.check(isObject(publication) && nonEmpty(text(publication['news:name'])), `url ${i} has no news:publication/news:name`)
    r.check(isObject(publication) && /^[a-z]{2,3}(?:-[a-z]{2,4})?$/.test(text(publication['news:language']) ?? ''), `url ${i} news:language is not an ISO 639 code`)
    const date = text(news['news:publication_date']) ?? ''
    if (r.check(W3C_DATETIME.test(date), `url ${i} news:publication_date is not a W3C Datetime`)) {
      const age = now - Date.parse(date)
      r.check(age >= -60_000 && age <= 48 * 3600_000 + 60_000, `url ${i} was published ${Math.round(age / 3600_000)} hours ago, outside 48 hours`)
    }
    r.check(nonEmpty(text(news['news:title'])), `url ${i} has no news:title`)
  })
  return r.problems
}

export type RssItemJson = Json & { title?: string; link?: string; guid?: unknown; pubDate?: string; description?: string }

/** RSS 2.0: channel title, link and description; each item a title or description; dates in RFC 822. */
export function checkRss(xml: string, options: { origin?: string; itemFields?: string[] } = {}): { problems: string[]; items: RssItemJson[]; channel: Json } {
  const r = new Report()
  const doc = parseXml(xml)
  const rss = doc.rss
  const channel = isObject(rss) && isObject(rss.channel) ? rss.channel : {}
  r.check(isObject(rss) && rss['@_version'] === '2.0', 'root is not <rss version="2.0">')
  for (const key of ['title', 'link', 'description']) r.check(typeof text(channel[key]) === 'string', `channel has no <${key}>`)
  r.check(absoluteUrl(text(channel.link), options.origin), 'channel link is not an absolute URL on the site')
  if (channel.lastBuildDate !== undefined) r.check(RFC_822.test(text(channel.lastBuildDate) ?? ''), 'lastBuildDate is not RFC 822')
  const items = asArray(channel.item).filter(isObject) as RssItemJson[]
  const guids = new Set<string>()
  items.forEach((item, i) => {
    r.check(nonEmpty(text(item.title)) || nonEmpty(text(item.description)), `item ${i} has neither title nor description`)
    if (item.link !== undefined) r.check(absoluteUrl(text(item.link), options.origin), `item ${i} link is not an absolute URL on the site`)
    if (item.pubDate !== undefined) r.check(RFC_822.test(text(item.pubDate) ?? ''), `item ${i} pubDate is not RFC 822`)
    const guid = text(item.guid)
    if (item.guid !== undefined) {
      r.check(nonEmpty(guid) && !guids.has(guid as string), `item ${i} guid is empty or repeated`)
      guids.add(guid as string)
    }
    for (const field of options.itemFields ?? []) r.check(item[field] !== undefined, `item ${i} has no <${field}>`)
  })
  return { problems: r.problems, items, channel }
}

export { text as xmlText }
