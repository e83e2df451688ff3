// Rows for database tests, written straight into the tables (the public posting pipeline is tested on its own).
import { getDb } from '@/db/client'
import { articles, authors, comments, sections, users, type CommentStatus } from '@/db/schema'

let counter = 0

export function insertArticle(overrides: { slug?: string; publishedAt?: string; title?: string } = {}): { id: number; url: string } {
  const db = getDb()
  counter++
  const section = db.insert(sections).values({ slug: `s${counter}`, name: `Section ${counter}` }).returning({ id: sections.id }).get()
  const author = db.insert(authors).values({ slug: `a${counter}`, name: `Author ${counter}` }).returning({ id: authors.id }).get()
  const slug = overrides.slug ?? `article-${counter}`
  const publishedAt = overrides.publishedAt ?? '2024-03-05T10:00:00.000Z'
  const { id } = db
    .insert(articles)
    .values({
      slug,
      title: overrides.title ?? `Article ${counter}`,
      body: '[]',
      sectionId: section.id,
      authorId: author.id,
      publishedAt,
      updatedAt: publishedAt,
    })
    .returning({ id: articles.id })
    .get()
  const d = new Date(publishedAt)
  const pad = (n: number) => String(n).padStart(2, '0')
  return { id, url: `/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${slug}` }
}

export type CommentFixture = {
  articleId: number
  status?: CommentStatus
  parentId?: number | null
  authorName?: string
  authorEmail?: string
  authorUrl?: string
  body?: string
  reason?: string
  ip?: string
  createdAt?: string
}

export function insertComment(c: CommentFixture): number {
  const at = c.createdAt ?? new Date().toISOString()
  return getDb()
    .insert(comments)
    .values({
      articleId: c.articleId,
      parentId: c.parentId ?? null,
      authorName: c.authorName ?? 'Reader',
      authorEmail: c.authorEmail ?? 'reader@example.com',
      authorUrl: c.authorUrl ?? '',
      body: c.body ?? 'A comment.',
      status: c.status ?? 'pending',
      reason: c.reason ?? 'Held for moderation: first comment from this author',
      ip: c.ip ?? '203.0.113.1',
      userAgent: 'jest',
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: comments.id })
    .get().id
}

/** Every comment, by id: what tests compare before and after an action that should change nothing. */
export function snapshotComments() {
  return getDb().select().from(comments).orderBy(comments.id).all()
}

export function snapshotUsers() {
  return getDb().select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).orderBy(users.id).all()
}
