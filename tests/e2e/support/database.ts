// Direct access to the browser tests' database (the running site's SQLite file, in WAL mode) to arrange rows.
import { eq } from 'drizzle-orm'
import { openDatabase, type Database } from '@/db/open'
import { articles, authors, comments, sections, type CommentStatus } from '@/db/schema'

let db: Database | undefined

export function e2eDatabase(): Database {
  const file = process.env.E2E_DATABASE_PATH
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the browser tests through jest')
  db ??= openDatabase(file, { migrate: false })
  return db
}

export function closeE2eDatabase(): void {
  db?.$client.close()
  db = undefined
}

/** An article of the test's own, dated long ago so it sorts after the seed in every listing. */
export function insertTestArticle(slug: string, title: string): { id: number; url: string } {
  const d = e2eDatabase()
  const section = d.select({ id: sections.id }).from(sections).get()
  const author = d.select({ id: authors.id }).from(authors).get()
  if (!section || !author) throw new Error('the seed has not run')
  const publishedAt = '2015-06-01T08:00:00.000Z'
  const existing = d.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()
  const id =
    existing?.id ??
    d
      .insert(articles)
      .values({ slug, title, body: JSON.stringify([{ type: 'paragraph', text: 'An article for the moderation tests.' }]), sectionId: section.id, authorId: author.id, publishedAt, updatedAt: publishedAt, wordCount: 6 })
      .returning({ id: articles.id })
      .get().id
  return { id, url: `/2015/06/01/${slug}` }
}

export function insertTestComment(c: {
  articleId: number
  authorName: string
  body: string
  status?: CommentStatus
  reason?: string
  parentId?: number
  email?: string
}): number {
  const at = new Date().toISOString()
  return e2eDatabase()
    .insert(comments)
    .values({
      articleId: c.articleId,
      parentId: c.parentId ?? null,
      authorName: c.authorName,
      authorEmail: c.email ?? `${c.authorName.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      body: c.body,
      status: c.status ?? 'pending',
      reason: c.reason ?? 'Held for moderation: first comment from this author',
      ip: '203.0.113.50',
      userAgent: 'e2e',
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: comments.id })
    .get().id
}

export function commentStatus(id: number): CommentStatus | undefined {
  return e2eDatabase().select({ s: comments.status }).from(comments).where(eq(comments.id, id)).get()?.s
}
