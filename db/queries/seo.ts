// Reads for sitemaps and feeds: published (non-stub) articles only, approved comments only, explicit columns, batched.
import 'server-only'
import { and, asc, count, desc, eq, gte, inArray, lte, max, ne, sql } from 'drizzle-orm'
import { getDb } from '../client'
import { articles, articleTags, authors, comments, images, sections, tags } from '../schema'
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/content/slug'
import { latest } from '@/lib/seo/dates'

/** A site path and the instant it last changed. */
export type PathLastmod = { path: string; lastmod: string }

const published = eq(articles.isStub, false)

/**
 * The latest approval (or edit) among an article's approved comments: a new public comment changes the page.
 * Written out in full because drizzle leaves column names unqualified in a one-table select, and an unqualified
 * "id" inside this subquery would mean the comment's id. Uses comments_article_status_created_idx.
 */
const lastApprovedComment = sql<string | null>`(
  select max(c.updated_at) from comments c where c.article_id = "articles"."id" and c.status = 'approved'
)`

export function countSitemapArticles(): number {
  return getDb().select({ n: count() }).from(articles).where(published).get()?.n ?? 0
}

/** One slice of the published articles in id order (stable, so new articles only extend the last sitemap file). */
export function listSitemapArticles(offset: number, limit: number): PathLastmod[] {
  if (limit <= 0) return []
  return getDb()
    .select({ slug: articles.slug, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt, lastComment: lastApprovedComment })
    .from(articles)
    .where(published)
    .orderBy(asc(articles.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => ({
      path: articlePath(r.publishedAt, r.slug),
      lastmod: latest(r.updatedAt, r.lastComment) ?? r.updatedAt,
    }))
}

/**
 * How many URLs listSitemapListings returns, from one index probe per section, author and tag. The tags' probe walks
 * the tag's article_tags rows first (CROSS JOIN keeps that order) and checks each article in the catalogue index:
 * reading is_stub from the row would mean reading past the body.
 */
export function countSitemapListings(): number {
  const row = getDb().get<{ home: number; sections: number; authors: number; tags: number }>(sql`
    select
      exists (select 1 from articles where is_stub = 0) as home,
      (select count(*) from sections s where exists (select 1 from articles a where a.section_id = s.id and a.is_stub = 0)) as sections,
      (select count(*) from authors w where exists (select 1 from articles a where a.author_id = w.id and a.is_stub = 0)) as authors,
      (select count(*) from tags t where exists (
        select 1 from article_tags x cross join articles a indexed by articles_catalogue_idx on a.is_stub = 0 and a.id = x.article_id
        where x.tag_id = t.id
      )) as tags`)
  return row ? row.home + row.sections + row.authors + row.tags : 0
}

/**
 * The listing pages worth a crawler's visit: the home page, then every section, author and tag with at least one
 * published article (an empty listing is a soft 404), each last changed when its newest-changed article did.
 */
export function listSitemapListings(): PathLastmod[] {
  const db = getDb()
  const home = db.select({ lastmod: max(articles.updatedAt) }).from(articles).where(published).get()?.lastmod
  const sectionRows = db
    .select({ slug: sections.slug, lastmod: max(articles.updatedAt) })
    .from(sections)
    .innerJoin(articles, and(eq(articles.sectionId, sections.id), published))
    .groupBy(sections.id)
    .orderBy(asc(sections.slug))
    .all()
  const authorRows = db
    .select({ slug: authors.slug, lastmod: max(articles.updatedAt) })
    .from(authors)
    .innerJoin(articles, and(eq(articles.authorId, authors.id), published))
    .groupBy(authors.id)
    .orderBy(asc(authors.slug))
    .all()
  const tagRows = db
    .select({ slug: tags.slug, lastmod: max(articles.updatedAt) })
    .from(tags)
    .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
    .innerJoin(articles, and(eq(articles.id, articleTags.articleId), published))
    .groupBy(tags.id)
    .orderBy(asc(tags.slug))
    .all()
  const rows: PathLastmod[] = []
  if (home) rows.push({ path: '/', lastmod: home })
  for (const [list, toPath] of [
    [sectionRows, sectionPath],
    [authorRows, authorPath],
    [tagRows, tagPath],
  ] as const) {
    for (const r of list) if (r.lastmod) rows.push({ path: toPath(r.slug), lastmod: r.lastmod })
  }
  return rows
}

export type NewsSitemapArticle = { path: string; title: string; publishedAt: string }

/** Articles published between `since` and `until` (future-dated ones wait), newest first, at most `limit`. */
export function listNewsArticles(since: Date, until: Date, limit: number): NewsSitemapArticle[] {
  return getDb()
    .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(published, gte(articles.publishedAt, since.toISOString()), lte(articles.publishedAt, until.toISOString())))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => ({ path: articlePath(r.publishedAt, r.slug), title: r.title, publishedAt: r.publishedAt }))
}

export type FeedArticle = {
  id: number
  path: string
  title: string
  standfirst: string
  publishedAt: string
  updatedAt: string
  sectionName: string
  authorName: string
  tags: string[]
  image: { src: string; width: number; height: number; alt: string } | null
}

/** The latest published articles for /feed, with author, section, tags and lead image in three queries. */
export function listFeedArticles(limit: number, until: Date = new Date()): FeedArticle[] {
  const db = getDb()
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      sectionName: sections.name,
      authorName: authors.name,
      imageSrc: images.src,
      imageWidth: images.width,
      imageHeight: images.height,
      imageAlt: images.alt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(images, eq(images.id, articles.leadImageId))
    .where(and(published, lte(articles.publishedAt, until.toISOString())))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
  const ids = rows.map((r) => r.id)
  const tagRows = ids.length
    ? db
        .select({ articleId: articleTags.articleId, name: tags.name })
        .from(articleTags)
        .innerJoin(tags, eq(tags.id, articleTags.tagId))
        .where(inArray(articleTags.articleId, ids))
        .orderBy(asc(articleTags.articleId), asc(articleTags.position))
        .all()
    : []
  const tagsById = new Map<number, string[]>()
  for (const t of tagRows) tagsById.set(t.articleId, [...(tagsById.get(t.articleId) ?? []), t.name])
  return rows.map((r) => ({
    id: r.id,
    path: articlePath(r.publishedAt, r.slug),
    title: r.title,
    standfirst: r.standfirst,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    sectionName: r.sectionName,
    authorName: r.authorName,
    tags: tagsById.get(r.id) ?? [],
    image:
      r.imageSrc !== null && r.imageWidth !== null && r.imageHeight !== null
        ? { src: r.imageSrc, width: r.imageWidth, height: r.imageHeight, alt: r.imageAlt ?? '' }
        : null,
  }))
}

export type FeedArticleHead = { id: number; slug: string; path: string; title: string; publishedAt: string; updatedAt: string; isStub: boolean }

/** Just enough of an article for its comments feed. */
export function getArticleHead(slug: string): FeedArticleHead | null {
  const row = getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      isStub: articles.isStub,
    })
    .from(articles)
    .where(eq(articles.slug, slug))
    .get()
  return row ? { ...row, path: articlePath(row.publishedAt, row.slug) } : null
}

export type FeedComment = { id: number; authorName: string; body: string; createdAt: string; updatedAt: string }

/** An article's latest approved comments, newest first. Never the email, IP or user agent. */
export function listLatestApprovedComments(articleId: number, limit: number): FeedComment[] {
  return getDb()
    .select({
      id: comments.id,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
      updatedAt: comments.updatedAt,
    })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, 'approved')))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all()
}

/**
 * When an article's public discussion last changed, erring late: the latest moderation of any comment that is no
 * longer pending (approving, unapproving, trashing, editing), so a removed comment also moves the date on.
 */
export function getLastCommentChange(articleId: number): string | null {
  return (
    getDb()
      .select({ at: max(comments.updatedAt) })
      .from(comments)
      .where(and(eq(comments.articleId, articleId), ne(comments.status, 'pending')))
      .get()?.at ?? null
  )
}
