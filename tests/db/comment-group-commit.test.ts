import path from 'node:path'
import { getDb } from '@/db/client'
import { getArticleBySlug } from '@/db/queries/articles'
import { createCommentGrouped } from '@/db/queries/comments'
import { comments } from '@/db/schema'
import { postCommentGrouped, TOKEN_FIELD } from '@/lib/comments/post'
import { issueFormToken } from '@/lib/comments/token'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'

const T0 = new Date('2026-01-01T12:00:00Z')
let articleId = 0

const form = (author: string, comment = `Words from ${author}.`) => ({
  author,
  email: `${author.toLowerCase()}@example.com`,
  url: '',
  comment,
  comment_parent: '0',
  [TOKEN_FIELD]: issueFormToken(T0.getTime() - 60_000),
})
const post = (author: string, ip: string, comment?: string) => postCommentGrouped({ articleId, form: form(author, comment), ip, userAgent: 'jest', now: T0 })

describe('posts sharing one commit (the server action path)', () => {
  useTempDatabase()
  beforeEach(async () => {
    process.env.AUTH_SECRET = 'test-secret-test-secret-test-secret-123'
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
    articleId = getArticleBySlug('kazakh-soldiers-un-blue-helmets')?.id ?? 0
  })

  it('commits concurrent posts in one transaction, each answered with its own outcome', async () => {
    const sqlite = getDb().$client
    const spy = jest.spyOn(sqlite, 'transaction')
    const results = await Promise.all([post('Ann', '192.0.2.1'), post('Bob', '192.0.2.2'), post('Cy', '192.0.2.3')])
    const transactions = spy.mock.calls.length
    spy.mockRestore()
    expect(results.map((r) => r.ok && r.comment.authorName)).toEqual(['Ann', 'Bob', 'Cy'])
    expect(getDb().select({ author: comments.authorName }).from(comments).all().map((c) => c.author)).toEqual(['Ann', 'Bob', 'Cy'])
    // One outer transaction for the three, and one savepoint wrapper they share: better-sqlite3's transaction() twice,
    // however many posts the group holds (a transaction per post would make it three or more).
    expect(transactions).toBe(2)
  })

  it('applies the rules in arrival order inside the group: the second post from one address is a flood', async () => {
    const [first, second] = await Promise.all([post('Ann', '192.0.2.9'), post('Bob', '192.0.2.9')])
    expect(first).toMatchObject({ ok: true })
    expect(second).toMatchObject({ ok: false, rule: 'flood' })
    expect(getDb().select().from(comments).all()).toHaveLength(1)
  })

  it('rolls back only the post that failed; the others are committed', async () => {
    const input = { articleId, parentId: 0, authorName: 'X', authorEmail: 'x@example.com', authorUrl: '', body: 'x', ip: '', userAgent: '' }
    const options = { now: T0, threadDepth: 5, closeAfterDays: null }
    const ok = createCommentGrouped({ ...input, authorName: 'Kept' }, options, () => ({ outcome: 'pending', reason: 'test' }))
    const failing = createCommentGrouped({ ...input, authorName: 'Lost', authorEmail: 'lost@example.com' }, options, () => {
      throw new Error('policy blew up')
    })
    const alsoOk = createCommentGrouped({ ...input, authorName: 'Also kept', authorEmail: 'also@example.com' }, options, () => ({ outcome: 'pending', reason: 'test' }))
    await expect(failing).rejects.toThrow('policy blew up')
    await expect(ok).resolves.toMatchObject({ comment: { authorName: 'Kept' } })
    await expect(alsoOk).resolves.toMatchObject({ comment: { authorName: 'Also kept' } })
    expect(getDb().select({ author: comments.authorName }).from(comments).all().map((c) => c.author)).toEqual(['Kept', 'Also kept'])
  })
})
