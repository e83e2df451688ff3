import path from 'node:path'
import { getDb } from '@/db/client'
import { getArticleBySlug } from '@/db/queries/articles'
import { listApprovedCommentPage } from '@/db/queries/comments'
import { comments } from '@/db/schema'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'

describe('comment pages', () => {
  useTempDatabase()

  it('pages top-level comments oldest first, each with its whole approved thread, and never leaks the email', async () => {
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
    const articleId = getArticleBySlug('kazakh-soldiers-un-blue-helmets')?.id ?? 0
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString()
    const base = { articleId, authorEmail: 'x@example.com', status: 'approved' as const, updatedAt: at(0) }
    const top = getDb()
      .insert(comments)
      .values(Array.from({ length: 5 }, (_, i) => ({ ...base, authorName: `Top ${i + 1}`, body: `top ${i + 1}`, createdAt: at(i) })))
      .returning({ id: comments.id })
      .all()
    const reply = getDb().insert(comments).values({ ...base, parentId: top[0]?.id, authorName: 'R', body: 'reply to 1', createdAt: at(10) }).returning({ id: comments.id }).get()
    getDb().insert(comments).values({ ...base, parentId: reply.id, authorName: 'RR', body: 'reply to reply', createdAt: at(11) }).run()
    getDb().insert(comments).values({ ...base, parentId: top[0]?.id, authorName: 'P', body: 'pending reply', status: 'pending', createdAt: at(12) }).run()
    getDb().insert(comments).values({ ...base, authorName: 'S', body: 'spam', status: 'spam', createdAt: at(13) }).run()

    const page1 = listApprovedCommentPage(articleId, 1, 2)
    expect(page1).toMatchObject({ page: 1, pageCount: 3, total: 7 })
    expect(page1.comments.map((c) => c.body)).toEqual(['top 1', 'top 2', 'reply to 1', 'reply to reply'])
    expect(JSON.stringify(page1)).not.toContain('x@example.com')
    expect(listApprovedCommentPage(articleId, 3, 2).comments.map((c) => c.body)).toEqual(['top 5'])
  })
})
