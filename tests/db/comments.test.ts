import { spawn } from 'node:child_process'
import path from 'node:path'
import { getDb } from '@/db/client'
import { getArticleBySlug } from '@/db/queries/articles'
import { listApprovedComments } from '@/db/queries/comments'
import { saveDiscussionSettings } from '@/db/queries/settings'
import { articles, comments } from '@/db/schema'
import { eq } from 'drizzle-orm'
import { DUPLICATE_MESSAGE } from '@/lib/comments/policy'
import { HONEYPOT_FIELD, postComment, TOKEN_FIELD } from '@/lib/comments/post'
import { defaultDiscussionSettings } from '@/lib/comments/settings'
import { issueFormToken } from '@/lib/comments/token'
import { importFile } from '@/lib/import/run'
import { useTempDatabase } from './helpers'

const T0 = new Date('2026-01-01T12:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
let articleId = 0

function form(over: Record<string, string> = {}, servedSecondsAgo = 60, now = T0) {
  return {
    author: 'Ann',
    email: 'ann@example.com',
    url: '',
    comment: 'A fair point.',
    comment_parent: '0',
    [TOKEN_FIELD]: issueFormToken(now.getTime() - servedSecondsAgo * 1000),
    ...over,
  }
}
const post = (f: Record<string, string>, now = T0, ip = '203.0.113.7') => postComment({ articleId, form: f, ip, userAgent: 'jest', now })
const rows = () => getDb().select().from(comments).all()

describe('the comment pipeline against a real database', () => {
  useTempDatabase()
  beforeEach(async () => {
    process.env.AUTH_SECRET = 'test-secret-test-secret-test-secret-123'
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
    articleId = getArticleBySlug('kazakh-soldiers-un-blue-helmets')?.id ?? 0
  })

  it('holds a first comment with its reason, IP and user agent, and commits it', () => {
    const r = post(form())
    expect(r).toMatchObject({ ok: true, isPublic: false, comment: { status: 'pending' } })
    expect(rows()).toEqual([
      expect.objectContaining({ status: 'pending', reason: 'Held for moderation: first comment from this name and email', ip: '203.0.113.7', userAgent: 'jest', parentId: null }),
    ])
    expect(listApprovedComments(articleId)).toEqual([])
  })

  it('approves a returning author with an approved comment under the same name and email', () => {
    post(form())
    getDb().update(comments).set({ status: 'approved' }).run()
    const r = post(form({ comment: 'Another thought.' }, 60, at(20)), at(20))
    expect(r).toMatchObject({ ok: true, isPublic: true, comment: { status: 'approved' } })
    expect(listApprovedComments(articleId).map((c) => c.body)).toEqual(['A fair point.', 'Another thought.'])
  })

  it('refuses an invalid form and writes nothing', () => {
    const r = post(form({ email: 'nope' }))
    expect(r).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/valid email/) } })
    expect(rows()).toEqual([])
  })

  it('refuses a duplicate with the WordPress message and keeps only the first', () => {
    post(form())
    const r = post(form({}, 60, at(30)), at(30))
    expect(r).toMatchObject({ ok: false, rule: 'duplicate', message: DUPLICATE_MESSAGE })
    expect(rows()).toHaveLength(1)
  })

  it('refuses a flood from the same email or IP inside 15 s (injected clock) and accepts at 15 s', () => {
    post(form())
    expect(post(form({ comment: 'Two' }, 60, at(14.9)), at(14.9))).toMatchObject({ ok: false, rule: 'flood' })
    expect(post(form({ comment: 'Three', email: 'other@example.com' }, 60, at(14.9)), at(14.9))).toMatchObject({ ok: false, rule: 'flood' })
    expect(post(form({ comment: 'Four', email: 'x@example.com' }, 60, at(10)), at(10), '198.51.100.1')).toMatchObject({ ok: true })
    expect(post(form({ comment: 'Five' }, 60, at(15)), at(15), '198.51.100.2')).toMatchObject({ ok: true })
  })

  it('answers spam like a pending comment (honeypot, missing token, too fast), with the reason stored', () => {
    const honeypot = post(form({ [HONEYPOT_FIELD]: 'http://spam.example' }))
    const noToken = post({ ...form({ comment: 'b', email: 'b@example.com' }), [TOKEN_FIELD]: '' }, T0, '1.1.1.1')
    const tooFast = post(form({ comment: 'c', email: 'c@example.com' }, 1), T0, '2.2.2.2')
    for (const r of [honeypot, noToken, tooFast]) expect(r).toMatchObject({ ok: true, isPublic: false })
    expect(rows().map((c) => [c.status, c.reason.split(':')[0]])).toEqual([
      ['spam', 'Spam'],
      ['spam', 'Spam'],
      ['spam', 'Spam'],
    ])
  })

  it('threads replies, refuses replies to unapproved comments, and caps depth at the setting', () => {
    saveDiscussionSettings({ ...defaultDiscussionSettings, threadDepth: 3 })
    post(form())
    const [first] = rows()
    expect(post(form({ comment: 'reply', comment_parent: String(first?.id), email: 'r@example.com' }), at(20), '9.9.9.9')).toMatchObject({
      ok: false,
      errors: { comment_parent: expect.any(String) },
    })
    getDb().update(comments).set({ status: 'approved' }).run()
    let parent = first?.id ?? 0
    for (let i = 1; i <= 4; i++) {
      const r = post(form({ comment: `level ${i + 1}`, comment_parent: String(parent), email: `d${i}@example.com` }), at(20 * i), `10.0.0.${i}`)
      if (!r.ok) throw new Error(r.message)
      getDb().update(comments).set({ status: 'approved' }).run()
      parent = r.comment.id
    }
    const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(rows().find((c) => c.id === id)?.parentId ?? null))
    expect(Math.max(...rows().map((c) => depth(c.id)))).toBe(3)
  })

  it('refuses a reply to a comment of another article', () => {
    post(form())
    getDb().update(comments).set({ status: 'approved' }).run()
    const [first] = rows()
    // Another article that takes comments: publish one of the stubs.
    const otherId = getArticleBySlug('spain-fears-power-outages-on-social-media')?.id ?? 0
    getDb().update(articles).set({ isStub: false }).where(eq(articles.id, otherId)).run()
    const r = postComment({ articleId: otherId, form: form({ comment_parent: String(first?.id), comment: 'elsewhere' }), ip: '', userAgent: '', now: at(60) })
    expect(r).toMatchObject({ ok: false, errors: { comment_parent: expect.any(String) } })
    expect(rows()).toHaveLength(1)
  })

  it('refuses comments when the article is closed', () => {
    saveDiscussionSettings({ ...defaultDiscussionSettings, closeAfterDays: 30 })
    expect(post(form())).toMatchObject({ ok: false, message: 'Comments are closed on this article.' })
    expect(rows()).toEqual([])
  })

  it('lets exactly one of several identical posts racing from separate processes through', async () => {
    const dbPath = process.env.DATABASE_PATH ?? ''
    const startAt = Date.now() + 2500
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'tests/db/support/post-worker.ts', String(articleId), String(startAt), 'Racer'], {
            env: { ...process.env, DATABASE_PATH: dbPath },
          })
          let out = ''
          child.stdout.on('data', (d) => (out += d))
          child.stderr.on('data', (d) => (out += d))
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))))
        }),
    )
    const results = (await Promise.all(runs)).map((o) => JSON.parse(o) as { ok: boolean; rule: string | null })
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => r.rule === 'duplicate' || r.rule === 'flood')).toBe(true)
    expect(rows()).toHaveLength(1)
  }, 30_000)
})
