// Every admin server action, called as an attacker would: without a session, with an expired one, after sign-out,
// and from another origin. Each must change nothing, re-render nothing, and leave a "refused" row in the audit log.
import { getDb } from '@/db/client'
import { listAudit } from '@/db/queries/audit'
import { getDiscussionSettings } from '@/db/queries/settings'
import { getUserByEmail, upsertAdmin } from '@/db/queries/users'
import { articles, auditLog, settings } from '@/db/schema'
import { SESSION_MAX_AGE_S, type SessionClaims } from '@/lib/auth/config'
import { signOutAdmin } from '@/app/admin/(desk)/actions'
import {
  approveComment,
  bulkModerate,
  deleteComment,
  notSpamComment,
  replyToComment,
  restoreComment,
  saveCommentEdit,
  spamComment,
  trashComment,
  unapproveComment,
  undoModeration,
} from '@/app/admin/(desk)/comments/actions'
import { saveSettings, setCommentsOpen } from '@/app/admin/(desk)/settings/actions'
import { revalidatePath } from 'next/cache'
import { insertArticle, insertComment, snapshotComments, snapshotUsers } from './fixtures'
import { useTempDatabase } from './helpers'
import { moderateComments } from '@/db/queries/moderation'
import { settingsToForm } from '@/lib/admin/settings-form'
import { defaultDiscussionSettings } from '@/lib/comments/settings'
import { loadAuditLog, loadDashboard, loadQueue, loadSettings } from '@/lib/admin/desk'
import { defaultView } from '@/lib/admin/queue-params'

class MockRedirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`)
  }
}

const mockRequest = {
  session: null as null | { user: { email: string }; claims: SessionClaims; expires: string },
  headers: {} as Record<string, string>,
}

jest.mock('@/lib/auth', () => ({
  auth: jest.fn(async () => mockRequest.session),
  signIn: jest.fn(),
  signOut: jest.fn(async () => undefined),
}))
jest.mock('next/headers', () => ({ headers: jest.fn(async () => new Headers(mockRequest.headers)) }))
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw new MockRedirect(url)
  }),
}))
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }))

const SITE = 'http://localhost:3000'
const sameOrigin = { host: 'localhost:3000', origin: SITE, 'x-forwarded-for': '203.0.113.77', 'user-agent': 'jest' }

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value)
  return data
}

/** Runs an action and returns where it redirected (actions end in a redirect, or return form state). */
async function run(call: () => Promise<unknown>): Promise<string | { returned: unknown }> {
  try {
    return { returned: await call() }
  } catch (e) {
    if (e instanceof MockRedirect) return e.url
    throw e
  }
}

/** What lib/cache/revalidate.ts drops for one article's discussion: its page, its feed, the comment pages. */
const discussionPaths = () => [[articleUrl], [`${articleUrl}/feed`], ['/[yyyy]/[mm]/[dd]/[slug]/comments/[n]', 'page']]

let adminId = 0
let fixtures: Record<string, number> = {}
let articleUrl = ''

function signedIn(claims: Partial<SessionClaims> = {}) {
  const user = getUserByEmail('mod@example.com')
  mockRequest.session = {
    user: { email: 'mod@example.com' },
    claims: { uid: adminId, sv: user?.sessionVersion ?? 1, sat: Date.now() - 60_000, ...claims },
    expires: new Date(Date.now() + 3600_000).toISOString(),
  }
}

describe('admin server actions', () => {
  useTempDatabase()

  beforeEach(async () => {
    process.env.SITE_URL = SITE
    jest.mocked(revalidatePath).mockClear()
    mockRequest.headers = { ...sameOrigin }
    // A real argon2id hash is not needed here: nobody signs in with a password in this file.
    adminId = upsertAdmin({ email: 'mod@example.com', name: 'Mod', passwordHash: 'not-a-hash' }, { id: null, email: 'test', ip: '' }).id
    const article = insertArticle()
    articleUrl = article.url
    fixtures = {
      article: article.id,
      pending: insertComment({ articleId: article.id, status: 'pending' }),
      approved: insertComment({ articleId: article.id, status: 'approved' }),
      spam: insertComment({ articleId: article.id, status: 'spam' }),
      trash: insertComment({ articleId: article.id, status: 'trash' }),
    }
    signedIn()
  })

  afterEach(() => {
    delete process.env.SITE_URL
  })

  type Case = { name: string; call: () => Promise<unknown> }
  const cases = (): Case[] => [
    { name: 'approveComment', call: () => approveComment(form({ id: String(fixtures.pending), back: '' })) },
    { name: 'unapproveComment', call: () => unapproveComment(form({ id: String(fixtures.approved), back: '' })) },
    { name: 'spamComment', call: () => spamComment(form({ id: String(fixtures.approved), back: '' })) },
    { name: 'notSpamComment', call: () => notSpamComment(form({ id: String(fixtures.spam), back: '' })) },
    { name: 'trashComment', call: () => trashComment(form({ id: String(fixtures.approved), back: '' })) },
    { name: 'restoreComment', call: () => restoreComment(form({ id: String(fixtures.trash), back: '' })) },
    { name: 'deleteComment', call: () => deleteComment(form({ id: String(fixtures.spam), back: '' })) },
    { name: 'bulkModerate', call: () => bulkModerate(form({ action: 'trash', ids: [String(fixtures.pending), String(fixtures.approved)], back: '' })) },
    { name: 'undoModeration', call: () => undoModeration(form({ action: 'approve', ids: String(fixtures.approved), back: '' })) },
    {
      name: 'saveCommentEdit',
      call: () =>
        saveCommentEdit(
          { message: null, errors: {}, values: { body: '', authorName: '', authorEmail: '', authorUrl: '' } },
          form({ id: String(fixtures.approved), back: '', body: 'Vandalised', authorName: 'X', authorEmail: 'x@example.com', authorUrl: '' }),
        ),
    },
    { name: 'replyToComment', call: () => replyToComment({ message: null, errors: {}, body: '' }, form({ id: String(fixtures.approved), back: '', body: 'Hi' })) },
    {
      name: 'saveSettings',
      call: () => {
        const values = { ...settingsToForm(defaultDiscussionSettings), approval: 'all', threadDepth: '3' }
        return saveSettings({ message: null, errors: {}, values }, form({ ...values, closeOld: '' }))
      },
    },
    { name: 'setCommentsOpen', call: () => setCommentsOpen(form({ articleId: String(fixtures.article), open: '0' })) },
    { name: 'signOutAdmin', call: () => signOutAdmin() },
  ]

  function state() {
    const db = getDb()
    return {
      comments: snapshotComments(),
      users: snapshotUsers(),
      settings: db.select().from(settings).all(),
      articles: db.select({ id: articles.id, open: articles.commentsOpen }).from(articles).all(),
    }
  }

  const refusals: { when: string; setUp: () => Promise<void> | void; reason: RegExp }[] = [
    { when: 'without a session', setUp: () => void (mockRequest.session = null), reason: /no session/ },
    {
      when: 'with a session older than 12 hours',
      setUp: () => signedIn({ sat: Date.now() - SESSION_MAX_AGE_S * 1000 - 1000 }),
      reason: /session expired/,
    },
    {
      when: 'after sign-out, replaying the old cookie',
      setUp: async () => {
        const oldCookie = mockRequest.session
        expect(await run(() => signOutAdmin())).toBe('/admin/sign-in?signedOut=1')
        mockRequest.session = oldCookie
      },
      reason: /session ended by sign-out/,
    },
    { when: 'without an Origin header', setUp: () => void delete mockRequest.headers.origin, reason: /cross-origin post \(Origin: none\)/ },
    {
      when: 'from another site',
      setUp: () => void (mockRequest.headers.origin = 'https://evil.example'),
      reason: /cross-origin post \(Origin: https:\/\/evil\.example\)/,
    },
  ]

  for (const refusal of refusals) {
    describe(refusal.when, () => {
      for (const { name } of cases()) {
        it(`${name} changes nothing, re-renders nothing and is logged as refused`, async () => {
          await refusal.setUp()
          const auditBefore = getDb().select().from(auditLog).all().length
          const before = state()
          const { call } = cases().find((c) => c.name === name) as Case
          expect(await run(call)).toBe('/admin/sign-in?reason=expired')
          expect(state()).toEqual(before)
          expect(revalidatePath).not.toHaveBeenCalled()
          expect(getDb().select().from(auditLog).all()).toHaveLength(auditBefore + 1)
          const [entry] = listAudit({ action: 'refused' }, 1).items
          expect(entry?.detail).toMatch(refusal.reason)
          expect(entry?.ip).toBe('203.0.113.77')
        })
      }
    })
  }

  describe('admin data reads', () => {
    const loaders = () => [
      ['loadQueue', () => loadQueue(defaultView)],
      ['loadDashboard', () => loadDashboard()],
      ['loadAuditLog', () => loadAuditLog({}, 1)],
      ['loadSettings', () => loadSettings()],
    ] as const

    it.each(loaders().map(([name]) => name))('%s sends a visitor without a valid session to sign in, and returns nothing', async (name) => {
      const load = loaders().find(([n]) => n === name)?.[1] as () => Promise<unknown>
      for (const setUp of [() => (mockRequest.session = null), () => signedIn({ sat: Date.now() - SESSION_MAX_AGE_S * 1000 - 1 }), () => signedIn({ sv: 0 })]) {
        setUp()
        expect(await run(load)).toBe('/admin/sign-in')
      }
      signedIn()
      expect(await run(load)).toEqual({ returned: expect.objectContaining({ admin: expect.objectContaining({ email: 'mod@example.com' }) }) })
    })

    it('the queue has its counts and rows', async () => {
      const result = await run(() => loadQueue(defaultView))
      expect(result).toEqual({
        returned: expect.objectContaining({
          counts: { pending: 1, approved: 1, spam: 1, trash: 1, all: 4 },
          page: expect.objectContaining({ total: 1, items: [expect.objectContaining({ id: fixtures.pending })] }),
        }),
      })
    })
  })

  describe('with a valid session', () => {
    it('approve: changes the status, re-renders the article and its feed only, and returns to the same view', async () => {
      const url = await run(() => approveComment(form({ id: String(fixtures.pending), back: 'status=pending&q=x&page=2' })))
      expect(url).toBe(`/admin/comments?q=x&page=2&done=approve&ids=${fixtures.pending}`)
      expect(snapshotComments().find((c) => c.id === fixtures.pending)?.status).toBe('approved')
      expect(jest.mocked(revalidatePath).mock.calls).toEqual(discussionPaths())
      expect(listAudit({ action: 'approve' }, 1).items[0]).toMatchObject({ actorEmail: 'mod@example.com', ip: '203.0.113.77' })
    })

    it('a change readers cannot see re-renders nothing', async () => {
      await run(() => trashComment(form({ id: String(fixtures.pending), back: '' })))
      await run(() => deleteComment(form({ id: String(fixtures.spam), back: '' })))
      expect(revalidatePath).not.toHaveBeenCalled()
    })

    it('each single action does what its button says', async () => {
      const statusOf = (id: number | undefined) => snapshotComments().find((c) => c.id === id)?.status
      await run(() => unapproveComment(form({ id: String(fixtures.approved) })))
      expect(statusOf(fixtures.approved)).toBe('pending')
      await run(() => spamComment(form({ id: String(fixtures.approved) })))
      expect(statusOf(fixtures.approved)).toBe('spam')
      await run(() => notSpamComment(form({ id: String(fixtures.approved) })))
      expect(statusOf(fixtures.approved)).toBe('pending')
      await run(() => trashComment(form({ id: String(fixtures.approved) })))
      expect(statusOf(fixtures.approved)).toBe('trash')
      await run(() => restoreComment(form({ id: String(fixtures.approved) })))
      expect(statusOf(fixtures.approved)).toBe('pending')
      await run(() => deleteComment(form({ id: String(fixtures.trash) })))
      expect(statusOf(fixtures.trash)).toBeUndefined()
    })

    it('an action that does not apply to the comment’s status says so and changes nothing', async () => {
      const before = state()
      expect(await run(() => approveComment(form({ id: String(fixtures.spam), back: '' })))).toBe('/admin/comments?done=approve&ids=&skipped=1')
      expect(state()).toEqual(before)
    })

    it('malformed input changes nothing', async () => {
      const before = state()
      expect(await run(() => approveComment(form({ id: 'abc' })))).toBe('/admin/comments?error=invalid')
      expect(await run(() => bulkModerate(form({ action: 'explode', ids: String(fixtures.pending) })))).toBe('/admin/comments?error=invalid')
      expect(await run(() => bulkModerate(form({ action: 'approve' })))).toBe('/admin/comments?error=invalid')
      expect(state()).toEqual(before)
    })

    it('bulk: one action on every checked row, skipping those it does not apply to', async () => {
      const url = await run(() => bulkModerate(form({ action: 'trash', ids: [String(fixtures.pending), String(fixtures.approved), String(fixtures.spam)], back: 'status=all' })))
      expect(url).toBe(`/admin/comments?status=all&done=trash&ids=${fixtures.pending}.${fixtures.approved}&skipped=1`)
      expect(revalidatePath).toHaveBeenCalledWith(articleUrl)
    })

    it('undo reverts the last action on those comments', async () => {
      moderateComments([fixtures.pending as number], 'approve', { id: adminId, email: 'mod@example.com', ip: '' })
      const url = await run(() => undoModeration(form({ action: 'approve', ids: String(fixtures.pending), back: '' })))
      expect(url).toBe(`/admin/comments?done=undo&ids=${fixtures.pending}`)
      expect(snapshotComments().find((c) => c.id === fixtures.pending)?.status).toBe('pending')
      expect(revalidatePath).toHaveBeenCalledWith(articleUrl)
    })

    it('edit: returns field errors without saving, then saves and re-renders the article', async () => {
      const bad = await run(() =>
        saveCommentEdit(
          { message: null, errors: {}, values: { body: '', authorName: '', authorEmail: '', authorUrl: '' } },
          form({ id: String(fixtures.approved), back: '', body: ' ', authorName: 'N', authorEmail: 'not-an-email', authorUrl: 'javascript:alert(1)' }),
        ),
      )
      expect(bad).toEqual({
        returned: expect.objectContaining({
          errors: { body: 'The comment cannot be empty.', authorEmail: 'A valid email address is required.', authorUrl: expect.stringContaining('http') },
        }),
      })
      expect(revalidatePath).not.toHaveBeenCalled()
      const ok = await run(() =>
        saveCommentEdit(
          { message: null, errors: {}, values: { body: '', authorName: '', authorEmail: '', authorUrl: '' } },
          form({ id: String(fixtures.approved), back: '', body: 'Fixed typo', authorName: 'N', authorEmail: 'n@example.com', authorUrl: 'https://n.example' }),
        ),
      )
      expect(ok).toBe(`/admin/comments?edited=${fixtures.approved}#comment-${fixtures.approved}`)
      expect(snapshotComments().find((c) => c.id === fixtures.approved)).toMatchObject({ body: 'Fixed typo', authorUrl: 'https://n.example' })
      expect(revalidatePath).toHaveBeenCalledWith(articleUrl)
    })

    it('reply: publishes a staff reply under the comment', async () => {
      const url = await run(() => replyToComment({ message: null, errors: {}, body: '' }, form({ id: String(fixtures.pending), back: '', body: 'Thanks!' })))
      const reply = snapshotComments().find((c) => c.isStaff)
      expect(url).toBe(`/admin/comments?replied=${reply?.id}`)
      expect(reply).toMatchObject({ parentId: fixtures.pending, status: 'approved', authorEmail: 'mod@example.com', authorName: 'Mod', userAgent: 'jest' })
      expect(revalidatePath).toHaveBeenCalledWith(articleUrl)
      const empty = await run(() => replyToComment({ message: null, errors: {}, body: '' }, form({ id: String(fixtures.pending), body: '  ' })))
      expect(empty).toEqual({ returned: { message: null, errors: { body: 'The reply cannot be empty.' }, body: '  ' } })
    })

    it('settings: saved with an audit row; every page re-rendered only when rendering settings changed', async () => {
      const base = settingsToForm(defaultDiscussionSettings)
      const submit = (values: typeof base) => run(() => saveSettings({ message: null, errors: {}, values }, form({ ...values, closeOld: values.closeOld ? 'on' : '' })))
      expect(await submit({ ...base, approval: 'all', moderationWords: 'casino\nViagra\n\ncasino' })).toBe('/admin/settings?saved=1')
      expect(getDiscussionSettings()).toMatchObject({ approval: 'all', moderationWords: ['casino', 'viagra'] })
      expect(revalidatePath).not.toHaveBeenCalled()
      expect(await submit({ ...base, closeOld: true, closeAfterDays: '30' })).toBe('/admin/settings?saved=1')
      expect(getDiscussionSettings().closeAfterDays).toBe(30)
      expect(revalidatePath).toHaveBeenCalledWith('/', 'layout')
      expect(listAudit({ action: 'settings' }, 1).items.map((e) => e.detail)).toEqual([
        'Changed approval, moderationWords, closeAfterDays',
        'Changed approval, moderationWords',
      ])
      const bad = await submit({ ...base, linkThreshold: '0', threadDepth: 'deep' })
      expect(bad).toEqual({ returned: expect.objectContaining({ errors: { linkThreshold: 'A whole number from 1 to 100.', threadDepth: 'A whole number from 1 to 10.' } }) })
    })

    it('closing comments on one article re-renders that article', async () => {
      expect(await run(() => setCommentsOpen(form({ articleId: String(fixtures.article), open: '0' })))).toBe('/admin/settings?saved=article#articles')
      expect(state().articles).toEqual([{ id: fixtures.article, open: false }])
      expect(jest.mocked(revalidatePath).mock.calls).toEqual(discussionPaths())
    })

    it('sign-out bumps the session version, so the same cookie is refused afterwards', async () => {
      const version = getUserByEmail('mod@example.com')?.sessionVersion ?? 0
      expect(await run(() => signOutAdmin())).toBe('/admin/sign-in?signedOut=1')
      expect(getUserByEmail('mod@example.com')?.sessionVersion).toBe(version + 1)
      expect(await run(() => approveComment(form({ id: String(fixtures.pending) })))).toBe('/admin/sign-in?reason=expired')
    })
  })
})
