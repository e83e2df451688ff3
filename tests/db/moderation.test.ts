import { getDb } from '@/db/client'
import { listAudit, type Actor } from '@/db/queries/audit'
import {
  countByStatus,
  dailyCommentCounts,
  editComment,
  getModerationComment,
  listCommentedArticles,
  listQueue,
  moderateComments,
  postStaffReply,
  setArticleCommentsOpen,
  undoModeration,
} from '@/db/queries/moderation'
import { articles, auditLog, comments, type CommentStatus } from '@/db/schema'
import { actionsByStatus, moderationActions, type ModerationAction } from '@/lib/comments/moderation'
import { eq } from 'drizzle-orm'
import { insertArticle, insertComment, snapshotComments } from './fixtures'
import { useTempDatabase } from './helpers'

const actor: Actor = { id: 1, email: 'mod@example.com', ip: '127.0.0.1' }

const statusOf = (id: number) => getDb().select({ s: comments.status }).from(comments).where(eq(comments.id, id)).get()?.s

describe('moderation', () => {
  useTempDatabase()

  describe('every action from every status', () => {
    const expected: Record<CommentStatus, Partial<Record<ModerationAction, CommentStatus | null>>> = {
      pending: { approve: 'approved', spam: 'spam', trash: 'trash' },
      approved: { unapprove: 'pending', spam: 'spam', trash: 'trash' },
      spam: { 'not-spam': 'pending', delete: null },
      trash: { restore: 'pending', delete: null },
    }
    for (const from of ['pending', 'approved', 'spam', 'trash'] as const) {
      for (const action of moderationActions) {
        const to = expected[from][action]
        const allowed = to !== undefined
        it(`${action} on a ${from} comment ${allowed ? `→ ${to ?? 'deleted'}` : 'is refused and changes nothing'}`, () => {
          const article = insertArticle()
          const id = insertComment({ articleId: article.id, status: from, reason: 'Policy reason' })
          const before = snapshotComments()
          const result = moderateComments([id], action, actor)
          if (!allowed) {
            expect(result).toEqual({ changed: [], skipped: [id], articlePaths: [] })
            expect(snapshotComments()).toEqual(before)
            expect(listAudit({}, 1).total).toBe(0)
            return
          }
          expect(result.changed).toEqual([{ id, from, to }])
          expect(statusOf(id)).toBe(to ?? undefined)
          const public_ = from === 'approved' || to === 'approved'
          expect(result.articlePaths).toEqual(public_ ? [article.url] : [])
          const [entry] = listAudit({ commentId: id }, 1).items
          expect(entry).toMatchObject({ action, actorEmail: actor.email, commentId: id, fromStatus: from, toStatus: to, ip: actor.ip })
          expect(entry?.detail).toBe('Reason before: Policy reason')
          if (to) {
            const row = getModerationComment(id)
            expect(row?.reason).toMatch(/by mod@example\.com$/)
            expect(row?.updatedAt).not.toBe(row?.createdAt)
          }
        })
      }
    }
    it('offers in the UI exactly the actions the rules accept', () => {
      for (const [status, actions] of Object.entries(actionsByStatus)) {
        expect([...actions].sort()).toEqual(Object.keys(expected[status as CommentStatus]).sort())
      }
    })
  })

  it('Not spam and Restore return a comment to the status it had before', () => {
    const { id: articleId } = insertArticle()
    const a = insertComment({ articleId, status: 'approved' })
    const b = insertComment({ articleId, status: 'pending' })
    moderateComments([a], 'spam', actor)
    moderateComments([b], 'trash', actor)
    expect(moderateComments([a], 'not-spam', actor).changed).toEqual([{ id: a, from: 'spam', to: 'approved' }])
    expect(moderateComments([b], 'restore', actor).changed).toEqual([{ id: b, from: 'trash', to: 'pending' }])
    // Spammed by the posting pipeline: no history, so it waits for a moderator.
    const c = insertComment({ articleId, status: 'spam' })
    expect(moderateComments([c], 'not-spam', actor).changed[0]?.to).toBe('pending')
  })

  it('applies a bulk action in one go, skipping comments it does not apply to', () => {
    const article = insertArticle()
    const other = insertArticle()
    const ids = [
      insertComment({ articleId: article.id, status: 'pending' }),
      insertComment({ articleId: other.id, status: 'approved' }),
      insertComment({ articleId: article.id, status: 'spam' }),
    ]
    const result = moderateComments([...ids, 9999], 'trash', actor)
    expect(result.changed.map((c) => c.id)).toEqual([ids[0], ids[1]])
    expect(result.skipped.sort()).toEqual([ids[2], 9999].sort())
    // Only the approved comment was public: only its article is re-rendered.
    expect(result.articlePaths).toEqual([other.url])
    expect(countByStatus()).toEqual({ pending: 0, approved: 0, spam: 1, trash: 2, all: 3 })
  })

  it('writes the change and its audit row together: a failing write leaves neither', () => {
    const { id: articleId } = insertArticle()
    const id = insertComment({ articleId })
    const db = getDb()
    // Make the audit insert fail inside the transaction.
    db.$client.exec(`CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`)
    expect(() => moderateComments([id], 'approve', actor)).toThrow('audit down')
    expect(statusOf(id)).toBe('pending')
    db.$client.exec('DROP TRIGGER no_audit')
  })

  it('deleting a comment keeps its replies in the thread, under its parent', () => {
    const article = insertArticle()
    const root = insertComment({ articleId: article.id, status: 'approved' })
    const middle = insertComment({ articleId: article.id, status: 'trash', parentId: root })
    const reply = insertComment({ articleId: article.id, status: 'approved', parentId: middle })
    const result = moderateComments([middle], 'delete', actor)
    expect(result.changed).toEqual([{ id: middle, from: 'trash', to: null }])
    expect(getModerationComment(middle)).toBeNull()
    expect(getModerationComment(reply)?.parent?.id).toBe(root)
    // The approved reply moved in the public thread.
    expect(result.articlePaths).toEqual([article.url])
    expect(listAudit({ commentId: middle }, 1).items[0]).toMatchObject({ action: 'delete', fromStatus: 'trash', toStatus: null })
  })

  it('undo puts comments back where this moderator’s last action found them', () => {
    const article = insertArticle()
    const a = insertComment({ articleId: article.id, status: 'pending' })
    const b = insertComment({ articleId: article.id, status: 'approved' })
    moderateComments([a, b], 'spam', actor)
    const undone = undoModeration([a, b], 'spam', actor)
    expect(undone.changed).toEqual([
      { id: a, from: 'spam', to: 'pending' },
      { id: b, from: 'spam', to: 'approved' },
    ])
    expect(undone.articlePaths).toEqual([article.url])
    expect(listAudit({ action: 'undo' }, 1).total).toBe(2)
    // Nothing left to undo, and another moderator's action is not ours to undo.
    expect(undoModeration([a], 'spam', actor).changed).toEqual([])
    moderateComments([a], 'approve', { ...actor, id: 2, email: 'other@example.com' })
    expect(undoModeration([a], 'approve', actor).changed).toEqual([])
    expect(statusOf(a)).toBe('approved')
  })

  it('undo does nothing when the comment has moved on since', () => {
    const { id: articleId } = insertArticle()
    const a = insertComment({ articleId, status: 'pending' })
    moderateComments([a], 'approve', actor)
    moderateComments([a], 'trash', actor)
    expect(undoModeration([a], 'approve', actor)).toMatchObject({ changed: [], skipped: [a] })
    expect(statusOf(a)).toBe('trash')
  })

  describe('edit', () => {
    const fields = { body: 'Edited text', authorName: 'New Name', authorEmail: 'new@example.com', authorUrl: 'https://new.example' }

    it('saves text, name, email and website, and re-renders the article only when the comment is public', () => {
      const article = insertArticle()
      const approved = insertComment({ articleId: article.id, status: 'approved' })
      const pending = insertComment({ articleId: article.id, status: 'pending' })
      expect(editComment(approved, fields, actor)).toEqual({ ok: true, articlePath: article.url })
      expect(editComment(pending, fields, actor)).toEqual({ ok: true, articlePath: null })
      expect(getModerationComment(approved)).toMatchObject({ ...fields, status: 'approved', reason: 'Edited by mod@example.com' })
      expect(listAudit({ commentId: approved }, 1).items[0]).toMatchObject({ action: 'edit', detail: 'Changed text, name, email, website' })
    })

    it('refuses spam and trash, and unknown comments', () => {
      const { id: articleId } = insertArticle()
      const spam = insertComment({ articleId, status: 'spam' })
      const before = snapshotComments()
      expect(editComment(spam, fields, actor)).toEqual({ ok: false, reason: 'not-editable' })
      expect(editComment(4242, fields, actor)).toEqual({ ok: false, reason: 'not-found' })
      expect(snapshotComments()).toEqual(before)
    })

    it('writes nothing when nothing changed', () => {
      const { id: articleId } = insertArticle()
      const id = insertComment({ articleId, status: 'approved', body: 'Same', authorName: 'N', authorEmail: 'n@example.com' })
      expect(editComment(id, { body: 'Same', authorName: 'N', authorEmail: 'n@example.com', authorUrl: '' }, actor)).toEqual({ ok: true, articlePath: null })
      expect(listAudit({}, 1).total).toBe(0)
    })
  })

  describe('staff reply', () => {
    const admin = { id: 1, name: 'The Editor', email: 'mod@example.com' }

    it('is approved at once, marked as staff, under its parent', () => {
      const article = insertArticle()
      const parent = insertComment({ articleId: article.id, status: 'approved' })
      const result = postStaffReply(parent, 'Thanks, corrected.', admin, actor, 'UA')
      expect(result).toMatchObject({ ok: true, articlePath: article.url })
      if (!result.ok) return
      expect(getModerationComment(result.id)).toMatchObject({
        status: 'approved',
        isStaff: true,
        authorName: 'The Editor',
        authorEmail: 'mod@example.com',
        body: 'Thanks, corrected.',
        parent: { id: parent, status: 'approved' },
        article: { id: article.id },
      })
      expect(listAudit({ action: 'reply' }, 1).items[0]).toMatchObject({ commentId: result.id, toStatus: 'approved' })
    })

    it('approves a pending parent in the same transaction', () => {
      const { id: articleId } = insertArticle()
      const parent = insertComment({ articleId, status: 'pending' })
      expect(postStaffReply(parent, 'Welcome!', admin, actor).ok).toBe(true)
      expect(statusOf(parent)).toBe('approved')
      expect(listAudit({ commentId: parent }, 1).items[0]).toMatchObject({ action: 'approve', fromStatus: 'pending', toStatus: 'approved' })
    })

    it('is refused under spam or trash', () => {
      const { id: articleId } = insertArticle()
      const parent = insertComment({ articleId, status: 'trash' })
      const before = snapshotComments()
      expect(postStaffReply(parent, 'No', admin, actor)).toEqual({ ok: false, reason: 'not-replyable' })
      expect(postStaffReply(999, 'No', admin, actor)).toEqual({ ok: false, reason: 'not-found' })
      expect(snapshotComments()).toEqual(before)
    })
  })

  describe('the queue', () => {
    it('lists a tab newest first with the article, parent and reason; "all" puts pending first', () => {
      const article = insertArticle({ title: 'Peacekeepers' })
      const old = insertComment({ articleId: article.id, status: 'approved', createdAt: '2024-01-01T00:00:00.000Z', authorName: 'Old' })
      const reply = insertComment({ articleId: article.id, status: 'pending', parentId: old, createdAt: '2024-01-02T00:00:00.000Z', reason: 'Held: 2 links' })
      const newest = insertComment({ articleId: article.id, status: 'approved', createdAt: '2024-01-03T00:00:00.000Z' })
      expect(listQueue({ status: 'approved' }, 1).items.map((c) => c.id)).toEqual([newest, old])
      expect(listQueue({ status: 'all' }, 1).items.map((c) => c.id)).toEqual([reply, newest, old])
      const [row] = listQueue({ status: 'pending' }, 1).items
      expect(row).toMatchObject({
        id: reply,
        reason: 'Held: 2 links',
        ip: '203.0.113.1',
        article: { id: article.id, title: 'Peacekeepers', url: article.url },
        parent: { id: old, authorName: 'Old', status: 'approved' },
      })
    })

    it('searches author, email, IP and text, taking % and _ literally', () => {
      const { id: articleId } = insertArticle()
      const a = insertComment({ articleId, authorName: 'Aigerim', body: 'first' })
      const b = insertComment({ articleId, authorEmail: 'boris@example.kz', body: 'second' })
      const c = insertComment({ articleId, ip: '198.51.100.7', body: 'third' })
      const d = insertComment({ articleId, body: 'a 100% true story' })
      const ids = (q: string) => listQueue({ status: 'all', q }, 1).items.map((x) => x.id).sort()
      expect(ids('aiger')).toEqual([a])
      expect(ids('example.kz')).toEqual([b])
      expect(ids('198.51.100')).toEqual([c])
      expect(ids('100%')).toEqual([d])
      expect(ids('%')).toEqual([d])
      expect(ids('_')).toEqual([])
      expect(countByStatus({ q: 'aiger' })).toMatchObject({ pending: 1, all: 1 })
    })

    it('filters by article and pages through the results', () => {
      const one = insertArticle()
      const two = insertArticle()
      for (let i = 0; i < 5; i++) insertComment({ articleId: one.id, createdAt: `2024-01-0${i + 1}T00:00:00.000Z` })
      insertComment({ articleId: two.id })
      expect(listQueue({ status: 'pending', articleId: two.id }, 1).total).toBe(1)
      const page2 = listQueue({ status: 'pending', articleId: one.id }, 2, 2)
      expect(page2).toMatchObject({ total: 5, page: 2, pageCount: 3 })
      expect(page2.items).toHaveLength(2)
      // A page past the end shows the last page.
      expect(listQueue({ status: 'pending', articleId: one.id }, 9, 2)).toMatchObject({ page: 3, items: [expect.anything()] })
      expect(listCommentedArticles().map((a) => [a.id, a.count])).toEqual(
        expect.arrayContaining([
          [one.id, 5],
          [two.id, 1],
        ]),
      )
    })

    it('counts comments per day over the last 30 days, zeros included', () => {
      const { id: articleId } = insertArticle()
      const now = new Date('2024-06-30T12:00:00.000Z')
      insertComment({ articleId, createdAt: '2024-06-30T01:00:00.000Z' })
      insertComment({ articleId, createdAt: '2024-06-30T23:00:00.000Z' })
      insertComment({ articleId, createdAt: '2024-06-01T00:00:00.000Z' })
      insertComment({ articleId, createdAt: '2024-05-31T23:59:59.000Z' })
      const days = dailyCommentCounts(30, now)
      expect(days).toHaveLength(30)
      expect(days[0]).toEqual({ day: '2024-06-01', count: 1 })
      expect(days[29]).toEqual({ day: '2024-06-30', count: 2 })
      expect(days.reduce((s, d) => s + d.count, 0)).toBe(3)
    })
  })

  it('closes and opens comments on one article, with an audit row', () => {
    const article = insertArticle({ title: 'Closed topic' })
    expect(setArticleCommentsOpen(article.id, false, actor)).toBe(article.url)
    expect(getDb().select({ open: articles.commentsOpen }).from(articles).where(eq(articles.id, article.id)).get()?.open).toBe(false)
    expect(setArticleCommentsOpen(12345, false, actor)).toBeNull()
    expect(getDb().select().from(auditLog).all()).toEqual([expect.objectContaining({ action: 'close-comments', detail: '“Closed topic”' })])
  })
})
