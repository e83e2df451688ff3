import { count } from 'drizzle-orm'
import { getDb } from '@/db/client'
import { countByStatus } from '@/db/queries/moderation'
import { comments, commentStatuses } from '@/db/schema'
import { eq } from 'drizzle-orm'
import { insertArticle } from './fixtures'
import { useTempDatabase } from './helpers'

/** What counting the table says, status by status. */
function counted() {
  const rows = getDb().select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status).all()
  const all = Object.fromEntries(commentStatuses.map((s) => [s, 0])) as Record<string, number>
  for (const r of rows) all[r.status] = r.n
  return { ...all, all: rows.reduce((a, r) => a + r.n, 0) }
}

describe('comment counts by status (kept by triggers)', () => {
  useTempDatabase()

  it('follow inserts, status changes, edits that keep the status, and deletes', () => {
    const { id: articleId } = insertArticle()
    const at = '2024-01-01T00:00:00.000Z'
    const base = { articleId, authorName: 'A', authorEmail: 'a@example.com', body: 'x', createdAt: at, updatedAt: at }
    const ids = getDb()
      .insert(comments)
      .values([{ ...base, status: 'pending' }, { ...base, status: 'pending' }, { ...base, status: 'approved' }, { ...base, status: 'spam' }])
      .returning({ id: comments.id })
      .all()
      .map((r) => r.id)
    expect(countByStatus()).toEqual(counted())
    getDb().update(comments).set({ status: 'approved' }).where(eq(comments.id, ids[0] ?? 0)).run()
    getDb().update(comments).set({ body: 'edited', status: 'approved' }).where(eq(comments.id, ids[0] ?? 0)).run()
    getDb().update(comments).set({ status: 'trash' }).where(eq(comments.id, ids[3] ?? 0)).run()
    getDb().delete(comments).where(eq(comments.id, ids[1] ?? 0)).run()
    expect(countByStatus()).toEqual({ pending: 0, approved: 2, spam: 0, trash: 1, all: 3 })
    expect(countByStatus()).toEqual(counted())
  })
})
