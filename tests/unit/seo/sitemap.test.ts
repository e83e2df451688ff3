import { MAX_SITEMAP_URLS, newsSitemap, sitemapFileCount, sitemapIndex, sitemapSlice, urlset } from '@/lib/seo/sitemap'
import { checkNewsSitemap, checkSitemap, parseXml } from '@/tests/support/seo-checks'

const ORIGIN = 'https://news.example.com'

describe('urlset', () => {
  it('is a valid sitemap with escaped locations and W3C dates', () => {
    const xml = urlset([
      { loc: `${ORIGIN}/`, lastmod: '2022-01-14T12:00:00.000Z' },
      { loc: `${ORIGIN}/tag/r&d?x=<1>`, lastmod: null },
    ])
    expect(checkSitemap(xml, { origin: ORIGIN })).toEqual([])
    expect(xml).toContain('<loc>https://news.example.com/tag/r&amp;d?x=&lt;1&gt;</loc>')
    expect(xml).toContain('<lastmod>2022-01-14T12:00:00Z</lastmod>')
  })

  it('refuses more than 50,000 URLs rather than write an invalid file', () => {
    const many = Array.from({ length: MAX_SITEMAP_URLS + 1 }, (_, i) => ({ loc: `${ORIGIN}/${i}` }))
    expect(() => urlset(many)).toThrow(/at most 50000/)
  })

  it('is valid when empty', () => {
    expect(checkSitemap(urlset([]))).toEqual([])
  })
})

describe('sitemap index', () => {
  it('lists its files', () => {
    const xml = sitemapIndex([{ loc: `${ORIGIN}/sitemaps/1.xml` }, { loc: `${ORIGIN}/sitemaps/2.xml` }])
    expect(checkSitemap(xml, { origin: ORIGIN, kind: 'index' })).toEqual([])
    const doc = parseXml(xml) as { sitemapindex: { sitemap: { loc: string }[] } }
    expect(doc.sitemapindex.sitemap.map((s) => s.loc)).toEqual([`${ORIGIN}/sitemaps/1.xml`, `${ORIGIN}/sitemaps/2.xml`])
  })
})

describe('splitting past 50,000 URLs', () => {
  it('needs one file up to the limit and another for each 50,000 after', () => {
    expect(sitemapFileCount(0)).toBe(1)
    expect(sitemapFileCount(50_000)).toBe(1)
    expect(sitemapFileCount(50_001)).toBe(2)
    expect(sitemapFileCount(150_001)).toBe(4)
  })

  it('puts listing pages first and articles after, every URL in exactly one file', () => {
    const pages = 7
    const articles = 23
    const limit = 10
    const files = sitemapFileCount(pages + articles, limit)
    const seen: string[] = []
    for (let n = 1; n <= files; n++) {
      const slice = sitemapSlice(n, pages, articles, limit)
      if (!slice) throw new Error(`no file ${n}`)
      for (let i = slice.pages.start; i < slice.pages.end; i++) seen.push(`page-${i}`)
      for (let i = 0; i < slice.articles.limit; i++) seen.push(`article-${slice.articles.offset + i}`)
      expect(slice.pages.end - slice.pages.start + slice.articles.limit).toBeLessThanOrEqual(limit)
    }
    expect(seen).toEqual([...Array.from({ length: pages }, (_, i) => `page-${i}`), ...Array.from({ length: articles }, (_, i) => `article-${i}`)])
  })

  it('has no file past the last, nor a file 0', () => {
    expect(sitemapSlice(4, 7, 23, 10)).toBeNull()
    expect(sitemapSlice(0, 7, 23, 10)).toBeNull()
    expect(sitemapSlice(1, 0, 0, 10)).toEqual({ pages: { start: 0, end: 0 }, articles: { offset: 0, limit: 0 } })
  })

  it('handles more listing pages than fit in one file', () => {
    expect(sitemapSlice(2, 15, 5, 10)).toEqual({ pages: { start: 10, end: 15 }, articles: { offset: 0, limit: 5 } })
  })
})

describe('news sitemap', () => {
  const now = new Date('2026-01-02T12:00:00Z')

  it('follows Google News rules: namespace, publication, language, date and title', () => {
    const xml = newsSitemap(
      [{ loc: `${ORIGIN}/2026/01/02/budget`, title: 'Budget: R&D <up>', publishedAt: '2026-01-02T09:00:00.000Z' }],
      { name: 'The Courier', language: 'en' },
    )
    expect(checkNewsSitemap(xml, { origin: ORIGIN, now })).toEqual([])
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    expect(xml).toContain('<news:title>Budget: R&amp;D &lt;up&gt;</news:title>')
    expect(xml).toContain('<news:publication><news:name>The Courier</news:name><news:language>en</news:language></news:publication>')
  })

  it('holds at most 1,000 articles', () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ loc: `${ORIGIN}/a/${i}`, title: `A${i}`, publishedAt: '2026-01-02T09:00:00Z' }))
    const doc = parseXml(newsSitemap(entries, { name: 'The Courier', language: 'en' })) as { urlset: { url: unknown[] } }
    expect(doc.urlset.url).toHaveLength(1000)
  })

  it('is flagged by the checker when an article is older than 48 hours', () => {
    const xml = newsSitemap([{ loc: `${ORIGIN}/old`, title: 'Old', publishedAt: '2025-12-30T09:00:00Z' }], { name: 'The Courier', language: 'en' })
    expect(checkNewsSitemap(xml, { now })).toEqual([expect.stringContaining('outside 48 hours')])
  })
})
