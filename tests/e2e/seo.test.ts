// What a crawler gets from the running site: markup, structured data, status codes, redirects, 304s, sitemaps and
// feeds, and never a pending, spam or trashed comment in any of them.
import http from 'node:http'
import BetterSqlite3 from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { launchBrowser } from './support/browser'
import { baseUrl, closePage, newPage } from './support/page'
import {
  checkBreadcrumbList,
  checkNewsArticle,
  checkNewsSitemap,
  checkRss,
  checkSitemap,
  checkWebSite,
  ISO_DATE_TIME_TZ,
  jsonLdBlocks,
  parseXml,
  xmlText,
} from '@/tests/support/seo-checks'

jest.setTimeout(120_000)

const SEED_PATH = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
const SEED_HEADLINE = 'What were Kazakh soldiers doing in the UN peacekeeping forces?'
const SEED_STANDFIRST =
  "Photos of Kazakh troops in UN peacekeepers' blue helmets during the January protests drew questions from the United Nations, which had authorised no mission in the country."

const url = (path: string) => `${baseUrl()}${path}`
const origin = () => new URL(baseUrl()).origin

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * A plain HTTP GET with exactly these headers, as a crawler sends it. Not fetch(): given If-None-Match, fetch adds
 * "Cache-Control: no-cache", which asks the server for a full answer and so never gets a 304 from `next start`.
 */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url(path), { headers, timeout: 60_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`GET ${path} timed out`)))
    request.on('error', reject)
  })
}

const header = (answer: Answer, name: string) => {
  const value = answer.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(', ') : (value ?? null)
}

type Head = {
  lang: string
  title: string
  meta: { key: string; content: string; inHead: boolean }[]
  links: { rel: string; href: string; type: string; title: string; inHead: boolean }[]
  jsonLd: string[]
}

let browser: Browser

/** The page as a crawler that runs no JavaScript parses it: Chromium with scripting off, reading the DOM. */
async function headOf(path: string): Promise<Head> {
  const page = await newPage(browser, { javaScriptEnabled: false })
  try {
    const response = await page.goto(url(path), { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    return await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      meta: [...document.querySelectorAll('meta')].map((m) => ({
        key: m.getAttribute('property') ?? m.getAttribute('name') ?? '',
        content: m.getAttribute('content') ?? '',
        inHead: m.parentElement === document.head,
      })),
      links: [...document.querySelectorAll('link')].map((l) => ({
        rel: l.rel,
        href: l.href,
        type: l.type,
        title: l.title,
        inHead: l.parentElement === document.head,
      })),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
    }))
  } finally {
    await closePage(page)
  }
}

const metaAll = (head: Head, key: string) => head.meta.filter((m) => m.key === key).map((m) => m.content)
function meta(head: Head, key: string): string {
  const found = head.meta.filter((m) => m.key === key)
  expect({ key, count: found.length, inHead: found.every((m) => m.inHead) }).toEqual({ key, count: 1, inHead: true })
  return found[0]?.content ?? ''
}

async function imageSize(src: string) {
  const response = await fetch(src, { signal: AbortSignal.timeout(60_000) })
  expect({ src, status: response.status, type: response.headers.get('content-type') }).toEqual({ src, status: 200, type: 'image/jpeg' })
  const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
  return { width, height }
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Internal links in a page's HTML, as a crawler reads them: no fragments, no assets, no feeds. */
function pageLinks(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = (match[1] ?? '').replace(/&amp;/g, '&')
    const target = new URL(href, baseUrl())
    if (target.origin !== origin()) continue
    if (/^\/(?:media|brand|_next)\//.test(target.pathname) || /\/(?:feed|reply\/\d+)$/.test(target.pathname)) continue
    found.add(target.pathname + target.search)
  }
  return [...found]
}

// First, while the database holds only the seed: later tests add an article the cached home page will not list yet.
describe('a crawler starting at the home page', () => {
  test('reaches every article in the sitemap, through links that answer 200 at their canonical URL', async () => {
    const sitemap = parseXml((await get('/sitemap.xml')).body) as { urlset: { url: { loc: string }[] } }
    const inSitemap = new Set(sitemap.urlset.url.map((u) => u.loc))
    const queue = ['/']
    const seen = new Set(queue)
    const answered: { path: string; status: number; canonical: string | null; noindex: boolean }[] = []
    while (queue.length > 0 && answered.length < 200) {
      const path = queue.shift() as string
      const { status, body } = await get(path)
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(body)?.[1] ?? null
      const noindex = /<meta name="robots" content="[^"]*noindex/.test(body)
      answered.push({ path, status, canonical, noindex })
      if (status !== 200) continue
      for (const link of pageLinks(body)) {
        if (!seen.has(link)) {
          seen.add(link)
          queue.push(link)
        }
      }
    }
    // Internal links go straight to canonical URLs: no redirect, no 404, no duplicate.
    expect(answered.filter((a) => a.status !== 200)).toEqual([])
    const canonicalOf = (a: (typeof answered)[number]) => (a.canonical === baseUrl() ? `${baseUrl()}/` : a.canonical)
    expect(answered.filter((a) => canonicalOf(a) !== url(a.path))).toEqual([])
    // Every indexable page reached is in the sitemap (later pages of a listing aside), and every article in it was reached.
    const indexable = answered.filter((a) => !a.noindex).map((a) => url(a.path))
    expect(indexable.filter((u) => !inSitemap.has(u) && !/\/page\/\d+$/.test(u))).toEqual([])
    const isArticle = (u: string) => /\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/.test(u)
    // Other test files may already have written fixture articles (slugs ending in -e2e) straight into the database,
    // behind the site's back: the sitemap is rendered per request and lists them, the cached home page does not yet.
    const fixture = (u: string) => /-e2e$/.test(new URL(u).pathname)
    const articlesListed = [...inSitemap].filter((u) => isArticle(u) && !fixture(u))
    expect(articlesListed.length).toBeGreaterThan(0)
    expect(articlesListed.filter((u) => !indexable.includes(u))).toEqual([])
    // Placeholders are reachable but say noindex, and are in no sitemap.
    const placeholders = answered.filter((a) => a.noindex)
    expect(placeholders.length).toBeGreaterThan(0)
    for (const p of placeholders) expect(inSitemap.has(url(p.path))).toBe(false)
  })
})

describe('the seed article as a crawler reads it', () => {
  let head: Head
  const canonical = () => url(SEED_PATH)

  beforeAll(async () => {
    head = await headOf(SEED_PATH)
  })

  test('has its title, description, canonical and language in the <head>', () => {
    expect(head.title).toBe(`${SEED_HEADLINE} – The Courier`)
    expect(head.lang).toBe('en')
    expect(meta(head, 'description')).toBe(SEED_STANDFIRST)
    const canonicals = head.links.filter((l) => l.rel === 'canonical')
    expect(canonicals).toEqual([expect.objectContaining({ href: canonical(), inHead: true })])
    expect(meta(head, 'robots')).toContain('max-image-preview:large')
    expect(meta(head, 'robots')).not.toContain('noindex')
  })

  test('has Open Graph and Twitter tags for an article, with a 1200-px image of the stated size', async () => {
    expect(meta(head, 'og:type')).toBe('article')
    expect(meta(head, 'og:title')).toBe(SEED_HEADLINE)
    expect(meta(head, 'og:description')).toBe(SEED_STANDFIRST)
    expect(meta(head, 'og:url')).toBe(canonical())
    expect(meta(head, 'og:site_name')).toBe('The Courier')
    expect(meta(head, 'article:published_time')).toMatch(ISO_DATE_TIME_TZ)
    expect(meta(head, 'article:modified_time')).toMatch(ISO_DATE_TIME_TZ)
    expect(meta(head, 'article:section')).toBe('World')
    expect(metaAll(head, 'article:tag')).toEqual(['Kazakhstan', 'United Nations', 'Peacekeeping'])
    expect(meta(head, 'twitter:card')).toBe('summary_large_image')
    const image = meta(head, 'og:image')
    expect(image.startsWith(`${origin()}/`)).toBe(true)
    const width = Number(meta(head, 'og:image:width'))
    const height = Number(meta(head, 'og:image:height'))
    expect(width).toBeGreaterThanOrEqual(1200)
    expect(await imageSize(image)).toEqual({ width, height })
    expect(meta(head, 'twitter:image')).toBe(image)
  })

  test('advertises the site feed and its comments feed', () => {
    const feeds = head.links.filter((l) => l.rel === 'alternate' && l.type === 'application/rss+xml')
    expect(feeds.map((f) => f.href).sort()).toEqual([url('/feed'), url(`${SEED_PATH}/feed`)].sort())
    expect(feeds.every((f) => f.inHead && f.title)).toBe(true)
  })

  test('carries a valid NewsArticle and breadcrumb, and each of its three crops answers at its stated size', async () => {
    expect(head.jsonLd).toHaveLength(2)
    const [article, breadcrumb] = head.jsonLd.map((text) => JSON.parse(text) as Record<string, unknown>)
    expect(checkNewsArticle(article, { origin: origin(), url: canonical() })).toEqual([])
    expect(checkBreadcrumbList(breadcrumb, ['The Courier', 'World', SEED_HEADLINE], origin())).toEqual([])
    expect(article).toMatchObject({ headline: SEED_HEADLINE, description: SEED_STANDFIRST, articleSection: 'World', author: [{ name: 'Staff', url: url('/author/staff') }] })
    const images = (article?.image ?? []) as { url: string; width: { value: number }; height: { value: number } }[]
    for (const image of images) {
      expect(await imageSize(image.url)).toEqual({ width: image.width.value, height: image.height.value })
    }
    const logo = (article?.publisher as { logo: { url: string } }).logo.url
    expect((await fetch(logo)).status).toBe(200)
  })

  test('has its text, figures, captions and related links in the HTML of the first response', async () => {
    const { body } = await get(SEED_PATH)
    expect(body).toContain('Kazbat unit')
    expect((body.match(/<figure\b/g) ?? []).length).toBe(2)
    expect(body).toContain('Vladimir Tretyakov / NUR.KZ via AP')
    expect(body).toContain('Spain, fears power outages on social media')
    expect(body).toContain('id="comments"')
  })
})

describe('the home page', () => {
  test('carries a WebSite with a SearchAction, and the feed link', async () => {
    const head = await headOf('/')
    expect(head.jsonLd).toHaveLength(1)
    expect(checkWebSite(JSON.parse(head.jsonLd[0] ?? ''), origin())).toEqual([])
    expect(head.links.some((l) => l.rel === 'alternate' && l.href === url('/feed') && l.inHead)).toBe(true)
    expect(meta(head, 'og:type')).toBe('website')
  })
})

describe('status codes and redirects', () => {
  test.each(['/2022/01/14/no-such-article', '/section/no-such-section', '/author/no-such-author', '/tag/no-such-tag', '/page/99'])(
    '%s answers 404 with noindex',
    async (path) => {
      const { status, body } = await get(path)
      expect(status).toBe(404)
      expect(body).toMatch(/<meta name="robots" content="noindex/)
    },
  )

  test.each([
    ['trailing slash', `${SEED_PATH}/`],
    ['wrong case', '/2022/01/14/Kazakh-Soldiers-UN-Blue-Helmets'],
    ['wrong date', '/2022/01/15/kazakh-soldiers-un-blue-helmets'],
    ['unpadded date', '/2022/1/14/kazakh-soldiers-un-blue-helmets'],
  ])('an article URL with a %s redirects permanently to the canonical one', async (_name, path) => {
    const answer = await get(path)
    expect(answer.status).toBe(308)
    // One Location header (Node joins repeated ones with ", "), pointing at the canonical URL.
    expect(new URL(header(answer, 'location') ?? '', baseUrl()).href).toBe(url(SEED_PATH))
  })

  test('the comments feed under a wrong date redirects to its canonical URL', async () => {
    const answer = await get('/2022/01/15/kazakh-soldiers-un-blue-helmets/feed')
    expect(answer.status).toBe(308)
    expect(new URL(header(answer, 'location') ?? '', baseUrl()).href).toBe(url(`${SEED_PATH}/feed`))
  })

  test('/page/1 redirects permanently to /', async () => {
    const answer = await get('/page/1')
    expect(answer.status).toBe(308)
    expect(new URL(header(answer, 'location') ?? '', baseUrl()).pathname).toBe('/')
  })

  test.each(['/admin', '/admin/sign-in', '/search?q=kazakh', `${SEED_PATH}/reply/1`])('%s is kept out of search indexes', async (path) => {
    const answer = await get(path)
    const robotsHeader = header(answer, 'x-robots-tag') ?? ''
    expect(robotsHeader.includes('noindex') || /<meta name="robots" content="[^"]*noindex/.test(answer.body)).toBe(true)
  })

  test('robots.txt allows the site, closes /admin and search, and lists both sitemaps', async () => {
    const { status, body } = await get('/robots.txt')
    expect(status).toBe(200)
    const lines = body.split('\n').map((l) => l.trim())
    expect(lines).toEqual(expect.arrayContaining(['User-Agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /search']))
    expect(lines).toEqual(expect.arrayContaining([`Sitemap: ${url('/sitemap.xml')}`, `Sitemap: ${url('/news-sitemap.xml')}`]))
  })
})

describe('conditional requests', () => {
  test.each(['/', SEED_PATH, '/section/world', '/author/staff', '/tag/kazakhstan', '/feed', `${SEED_PATH}/feed`, '/sitemap.xml', '/news-sitemap.xml'])(
    '%s sends an ETag and Cache-Control for shared caches, and answers If-None-Match with 304',
    async (path) => {
      await get(path) // the first request may render and cache the page
      const first = await get(path)
      expect(first.status).toBe(200)
      const etag = header(first, 'etag')
      expect(etag).toBeTruthy()
      expect(header(first, 'cache-control')).toMatch(/\bs-maxage=\d+/)
      // Pages must come from Next's cache: next.config.js marks them public, which a per-reader page must never be.
      if (!/feed$|\.xml$/.test(path)) expect(header(first, 'x-nextjs-cache')).toBe('HIT')
      const again = await get(path, { 'If-None-Match': etag ?? '' })
      expect(again.status).toBe(304)
      expect(again.body).toBe('')
      expect(header(again, 'etag')).toBe(etag)
      const changed = await get(path, { 'If-None-Match': '"something-else"' })
      expect(changed.status).toBe(200)
    },
  )

  test('the feed sends Last-Modified and answers If-Modified-Since with 304', async () => {
    const lastModified = header(await get('/feed'), 'last-modified')
    expect(lastModified).toBeTruthy()
    expect((await get('/feed', { 'If-Modified-Since': lastModified ?? '' })).status).toBe(304)
    expect((await get('/feed', { 'If-Modified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status).toBe(200)
  })
})

describe('an article with comments in every status', () => {
  const stamp = Date.now().toString(36)
  const slug = `seo-check-${stamp}`
  const now = Date.now()
  const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString()
  const title = `Crawlers & </script> checks ${stamp}`
  const HOSTILE = `Approved </script><script>window.__pwned = 1</script> line\u2028separator ${stamp}`
  const APPROVED_TOO = `Second approved comment ${stamp}`
  const HIDDEN = { pending: `PENDING-${stamp}`, spam: `SPAM-${stamp}`, trash: `TRASH-${stamp}` }
  const approvedAt = iso(30)
  let path = ''

  beforeAll(() => {
    const db = new BetterSqlite3(process.env.E2E_DATABASE_PATH ?? '')
    db.pragma('busy_timeout = 5000')
    try {
      const seed = db.prepare(`select section_id as sectionId, author_id as authorId, lead_image_id as imageId from articles where slug = ?`).get(SEED_PATH.split('/').pop()) as {
        sectionId: number
        authorId: number
        imageId: number
      }
      const publishedAt = iso(60)
      const body = JSON.stringify([{ type: 'paragraph', text: `A fresh story for the news sitemap, ${stamp}.` }])
      const articleId = db
        .prepare(
          `insert into articles (slug, title, standfirst, body, section_id, author_id, lead_image_id, published_at, updated_at, word_count)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, 9)`,
        )
        .run(slug, title, `What the crawler sees, ${stamp}.`, body, seed.sectionId, seed.authorId, seed.imageId, publishedAt, publishedAt).lastInsertRowid
      const comment = db.prepare(
        `insert into comments (article_id, author_name, author_email, body, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
      )
      comment.run(articleId, 'Reader One', 'one@example.test', HOSTILE, 'approved', iso(50), iso(45))
      comment.run(articleId, 'Reader Two', 'two@example.test', APPROVED_TOO, 'approved', iso(40), approvedAt)
      comment.run(articleId, 'Pending Person', 'pending@example.test', HIDDEN.pending, 'pending', iso(2), iso(2))
      comment.run(articleId, 'Spam Person', 'spam@example.test', HIDDEN.spam, 'spam', iso(3), iso(3))
      comment.run(articleId, 'Trash Person', 'trash@example.test', HIDDEN.trash, 'trash', iso(4), iso(4))
      const day = new Date(publishedAt)
      path = `/${day.getUTCFullYear()}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${slug}`
    } finally {
      db.close()
    }
  })

  const expectNoHiddenComment = (text: string) => {
    for (const marker of Object.values(HIDDEN)) expect(text).not.toContain(marker)
  }

  test('the page shows the approved comments in its first response and nothing else', async () => {
    const { status, body } = await get(path)
    expect(status).toBe(200)
    expect(body).toContain(APPROVED_TOO)
    expectNoHiddenComment(body)
  })

  test('its JSON-LD holds the approved comments intact, and no text breaks out of the script element', async () => {
    const { body } = await get(path)
    const blocks = jsonLdBlocks(body)
    expect(blocks).toHaveLength(2)
    const article = JSON.parse(blocks[0] ?? '') as { headline: string; comment: { text: string }[]; commentCount: number }
    expect(checkNewsArticle(article, { origin: origin(), url: url(path), comments: 2 })).toEqual([])
    expect(article.headline).toBe(title)
    expect(article.comment.map((c) => c.text)).toEqual([HOSTILE, APPROVED_TOO])
    expectNoHiddenComment(blocks.join(''))

    const head = await headOf(path)
    expect(head.jsonLd).toHaveLength(2)
    const page = await newPage(browser, { javaScriptEnabled: true })
    try {
      await page.goto(url(path), { waitUntil: 'load' })
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    } finally {
      await closePage(page)
    }
  })

  test('the comments feed is valid RSS of the approved comments only', async () => {
    const answer = await get(`${path}/feed`)
    const body = answer.body
    expect(answer.status).toBe(200)
    expect(header(answer, 'content-type')).toContain('application/rss+xml')
    const { problems, items } = checkRss(body, { origin: origin(), itemFields: ['title', 'link', 'guid', 'pubDate', 'description', 'dc:creator'] })
    expect(problems).toEqual([])
    expect(items.map((i) => xmlText(i.description))).toEqual([APPROVED_TOO, HOSTILE])
    expect(items.map((i) => xmlText(i.link))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${url(path)}#comment-\\d+$`))]))
    expectNoHiddenComment(body)
  })

  test('the site feed is valid RSS 2.0 whose items carry everything a reader needs', async () => {
    const answer = await get('/feed')
    const body = answer.body
    expect(header(answer, 'content-type')).toContain('application/rss+xml')
    const { problems, items } = checkRss(body, {
      origin: origin(),
      itemFields: ['title', 'link', 'guid', 'pubDate', 'description', 'dc:creator', 'category', 'media:content'],
    })
    expect(problems).toEqual([])
    expect(xmlText(items[0]?.title)).toBe(title)
    expect(xmlText(items[0]?.link)).toBe(url(path))
    const links = items.map((i) => xmlText(i.link) ?? '')
    expect(links).toContain(url(SEED_PATH))
    // Published articles only: every item is in the sitemap, which holds no placeholder.
    const sitemap = parseXml((await get('/sitemap.xml')).body) as { urlset: { url: { loc: string }[] } }
    const listed = new Set(sitemap.urlset.url.map((u) => u.loc))
    expect(links.filter((l) => !listed.has(l))).toEqual([])
    expectNoHiddenComment(body)
  })

  test('the sitemap lists it, dated by its last approved comment, and no placeholder', async () => {
    const { body } = await get('/sitemap.xml')
    expect(checkSitemap(body, { origin: origin() })).toEqual([])
    const doc = parseXml(body) as { urlset: { url: { loc: string; lastmod?: string }[] } }
    const entry = doc.urlset.url.find((u) => u.loc === url(path))
    expect(entry?.lastmod).toBe(approvedAt.replace(/\.\d{3}Z$/, 'Z'))
    expect(doc.urlset.url.map((u) => u.loc)).toEqual(expect.arrayContaining([url('/'), url('/section/world'), url('/author/staff'), url(SEED_PATH)]))
    // The seed's related links point at placeholders: reachable, noindex, and never in a sitemap.
    expect(doc.urlset.url.some((u) => /spain-fears-power-outages|seventy-fifth-birthday/.test(u.loc))).toBe(false)
    expectNoHiddenComment(body)
  })

  test('the news sitemap lists it and leaves out the 2022 seed', async () => {
    const answer = await get('/news-sitemap.xml')
    const body = answer.body
    expect(header(answer, 'content-type')).toContain('xml')
    expect(checkNewsSitemap(body, { origin: origin() })).toEqual([])
    const doc = parseXml(body) as { urlset: { url: { loc: string; 'news:news': { 'news:title': string } }[] } }
    const entry = doc.urlset.url.find((u) => u.loc === url(path))
    expect(entry?.['news:news']['news:title']).toBe(title)
    expect(doc.urlset.url.map((u) => u.loc)).not.toContain(url(SEED_PATH))
  })
})
