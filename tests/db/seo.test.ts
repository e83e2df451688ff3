// Sitemap and feed reads against a real migrated database: what they include, what they leave out, and the split past 2,000 URLs.
import path from 'node:path'
import { childSitemap, rootSitemap } from '@/app/_lib/sitemaps'
import { getDb } from '@/db/client'
import {
  countSitemapArticles,
  countSitemapListings,
  getArticleHead,
  getLastCommentChange,
  listFeedArticles,
  listLatestApprovedComments,
  listNewsArticles,
  listSitemapArticles,
  listSitemapListings,
} from '@/db/queries/seo'
import { articles, comments, type CommentStatus } from '@/db/schema'
import { SITEMAP_FILE_URLS } from '@/lib/seo/sitemap'
import { importFile } from '@/lib/import/run'
import { checkSitemap, parseXml } from '@/tests/support/seo-checks'
import { useTempDatabase } from './helpers'

const seed = path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt')
const SEED_PATH = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
const SITE = 'https://news.example.com'

function addComment(articleId: number, status: CommentStatus, body: string, at: string) {
  return getDb()
    .insert(comments)
    .values({ articleId, status, body, authorName: `${status} author`, authorEmail: `${status}@example.test`, ip: '192.0.2.1', createdAt: at, updatedAt: at })
    .returning({ id: comments.id })
    .get().id
}

function seedArticleId(): number {
  const head = getArticleHead('kazakh-soldiers-un-blue-helmets')
  if (!head) throw new Error('seed not imported')
  return head.id
}

/** A published article copied from the seed's section and author, at `publishedAt`. */
function addArticle(slug: string, publishedAt: string, isStub = false): number {
  const template = getDb().select({ sectionId: articles.sectionId, authorId: articles.authorId }).from(articles).limit(1).get()
  if (!template) throw new Error('seed not imported')
  return getDb()
    .insert(articles)
    .values({ ...template, slug, title: `Title of ${slug}`, body: '[]', publishedAt, updatedAt: publishedAt, isStub })
    .returning({ id: articles.id })
    .get().id
}

describe('sitemap reads', () => {
  useTempDatabase()

  it('list the published article and its listing pages, never the placeholders', async () => {
    await importFile(seed)
    expect(countSitemapArticles()).toBe(1)
    expect(listSitemapArticles(0, 10).map((a) => a.path)).toEqual([SEED_PATH])
    expect(listSitemapListings().map((l) => l.path)).toEqual([
      '/',
      '/section/world',
      '/author/staff',
      '/tag/kazakhstan',
      '/tag/peacekeeping',
      '/tag/united-nations',
    ])
  })

  it('date an article by its last approved comment, not by pending, spam or trashed ones', async () => {
    await importFile(seed)
    const id = seedArticleId()
    expect(listSitemapArticles(0, 1)[0]?.lastmod).toBe('2022-01-14T12:00:00.000Z')
    addComment(id, 'approved', 'approved', '2024-03-01T10:00:00.000Z')
    addComment(id, 'pending', 'pending', '2025-01-01T00:00:00.000Z')
    addComment(id, 'spam', 'spam', '2025-01-02T00:00:00.000Z')
    addComment(id, 'trash', 'trash', '2025-01-03T00:00:00.000Z')
    expect(listSitemapArticles(0, 1)[0]?.lastmod).toBe('2024-03-01T10:00:00.000Z')
  })

  it('leave out sections, authors and tags that have only placeholders', async () => {
    await importFile(seed)
    getDb().update(articles).set({ isStub: true }).run()
    expect(listSitemapListings()).toEqual([])
    expect(countSitemapArticles()).toBe(0)
  })
})

describe('the split past SITEMAP_FILE_URLS (2,000) URLs', () => {
  useTempDatabase()

  it('turns /sitemap.xml into an index of files that together hold every URL once', async () => {
    await importFile(seed)
    const template = getDb().select({ sectionId: articles.sectionId, authorId: articles.authorId }).from(articles).limit(1).get()
    const insert = getDb().$client.prepare(
      `insert into articles (slug, title, body, section_id, author_id, published_at, updated_at) values (?, ?, '[]', ?, ?, ?, ?)`,
    )
    getDb().$client.transaction(() => {
      for (let i = 0; i < SITEMAP_FILE_URLS; i++) insert.run(`bulk-${i}`, `Bulk ${i}`, template?.sectionId, template?.authorId, '2023-05-06T07:08:09.000Z', '2023-05-06T07:08:09.000Z')
    })()
    const listings = listSitemapListings().length
    expect(countSitemapListings()).toBe(listings)
    const total = listings + countSitemapArticles()
    expect(total).toBe(6 + SITEMAP_FILE_URLS + 1)

    const root = rootSitemap(SITE)
    expect(checkSitemap(root.body, { origin: SITE, kind: 'index' })).toEqual([])
    const index = parseXml(root.body) as { sitemapindex: { sitemap: { loc: string }[] } }
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([`${SITE}/sitemaps/1.xml`, `${SITE}/sitemaps/2.xml`])

    const locs: string[] = []
    for (const n of [1, 2]) {
      const file = childSitemap(SITE, n)
      if (!file) throw new Error(`no sitemap file ${n}`)
      expect(checkSitemap(file.body, { origin: SITE })).toEqual([])
      const doc = parseXml(file.body) as { urlset: { url: { loc: string }[] } }
      locs.push(...doc.urlset.url.map((u) => u.loc))
    }
    expect(locs).toHaveLength(total)
    expect(new Set(locs).size).toBe(total)
    expect(locs.slice(0, 2)).toEqual([`${SITE}/`, `${SITE}/section/world`])
    expect(locs).toContain(`${SITE}${SEED_PATH}`)
    expect(locs).toContain(`${SITE}/2023/05/06/bulk-${SITEMAP_FILE_URLS - 1}`)
    expect(childSitemap(SITE, 3)).toBeNull()
  }, 60_000)

  it('keeps everything in /sitemap.xml while it fits, with no numbered files', async () => {
    await importFile(seed)
    const root = rootSitemap(SITE)
    expect(checkSitemap(root.body, { origin: SITE })).toEqual([])
    expect(root.body).toContain(`<loc>${SITE}${SEED_PATH}</loc>`)
    expect(childSitemap(SITE, 1)).toBeNull()
  })
})

describe('news sitemap reads', () => {
  useTempDatabase()

  it('take articles of the window only, newest first, without placeholders or future dates', async () => {
    await importFile(seed)
    const now = new Date('2026-06-01T12:00:00.000Z')
    const hour = 3600_000
    addArticle('fresh', new Date(now.getTime() - hour).toISOString())
    addArticle('yesterday', new Date(now.getTime() - 30 * hour).toISOString())
    addArticle('old', new Date(now.getTime() - 49 * hour).toISOString())
    addArticle('scheduled', new Date(now.getTime() + hour).toISOString())
    addArticle('fresh-stub', new Date(now.getTime() - hour).toISOString(), true)
    const found = listNewsArticles(new Date(now.getTime() - 48 * hour), now, 1000)
    expect(found.map((a) => a.path)).toEqual(['/2026/06/01/fresh', '/2026/05/31/yesterday'])
    expect(found[0]?.title).toBe('Title of fresh')
  })
})

describe('feed reads', () => {
  useTempDatabase()

  it('give the latest published articles with author, section, tags and lead image', async () => {
    await importFile(seed)
    const feed = listFeedArticles(30)
    expect(feed).toHaveLength(1)
    expect(feed[0]).toMatchObject({
      path: SEED_PATH,
      authorName: 'Staff',
      sectionName: 'World',
      tags: ['Kazakhstan', 'United Nations', 'Peacekeeping'],
      image: { src: '/media/kazakh-blue-helmets-1.jpg', width: 1600, height: 1067 },
    })
  })

  it('give an article’s approved comments only, newest first, without email or IP', async () => {
    await importFile(seed)
    const id = seedArticleId()
    const first = addComment(id, 'approved', 'first approved', '2024-03-01T10:00:00.000Z')
    const second = addComment(id, 'approved', 'second approved', '2024-03-02T10:00:00.000Z')
    for (const status of ['pending', 'spam', 'trash'] as const) addComment(id, status, `${status} text`, '2024-03-03T10:00:00.000Z')
    const list = listLatestApprovedComments(id, 50)
    expect(list.map((c) => c.id)).toEqual([second, first])
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['authorName', 'body', 'createdAt', 'id', 'updatedAt'])
  })

  it('date the discussion by its latest moderation, counting removals but not new pending comments', async () => {
    await importFile(seed)
    const id = seedArticleId()
    expect(getLastCommentChange(id)).toBeNull()
    addComment(id, 'approved', 'approved', '2024-03-01T10:00:00.000Z')
    addComment(id, 'pending', 'pending', '2024-05-01T10:00:00.000Z')
    expect(getLastCommentChange(id)).toBe('2024-03-01T10:00:00.000Z')
    addComment(id, 'trash', 'was approved, then trashed', '2024-04-01T10:00:00.000Z')
    expect(getLastCommentChange(id)).toBe('2024-04-01T10:00:00.000Z')
  })
})
