import { parseFlash, flashParams, parseView, queueHref, viewFromBack, type Flash } from '@/lib/admin/queue-params'
import { describeSettingsChange, parseSettingsForm, settingsToForm } from '@/lib/admin/settings-form'
import { passwordProblem } from '@/lib/auth/password'
import { clientIp, isSameOrigin, safeAdminPath } from '@/lib/auth/request'
import { MAX_FAILURES, retryMessage, throttleDecision, WINDOW_MS } from '@/lib/auth/throttle'
import { commentEditSchema, isPublicChange, moderatorReason, targetStatus } from '@/lib/comments/moderation'
import { defaultDiscussionSettings } from '@/lib/comments/settings'

const headers = (h: Record<string, string>) => new Headers(h)

describe('password policy', () => {
  it.each([
    ['short', 'The password must be at least 8 characters long.'],
    ['x'.repeat(129), 'The password must be at most 128 characters long.'],
    ['Password123', 'This password is one of the most common ones: choose another.'],
    ['qwertyuiop', 'This password is one of the most common ones: choose another.'],
    ['correct horse battery', null],
    ['12345678a', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem)
  })
})

describe('throttling', () => {
  const now = new Date('2025-01-01T12:00:00.000Z')
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString()

  it('locks at the limit for one email or one IP, until the oldest failure leaves the window', () => {
    expect(throttleDecision({ email: { count: MAX_FAILURES - 1, oldest: at(5) }, ip: { count: 0, oldest: null } }, now)).toEqual({ locked: false })
    expect(throttleDecision({ email: { count: MAX_FAILURES, oldest: at(4) }, ip: { count: 0, oldest: null } }, now)).toEqual({ locked: true, retryAfterMs: 6 * 60_000 })
    expect(throttleDecision({ email: { count: 0, oldest: null }, ip: { count: MAX_FAILURES + 5, oldest: at(9.5) } }, now)).toEqual({ locked: true, retryAfterMs: 60_000 })
    expect(WINDOW_MS).toBe(10 * 60_000)
  })

  it('says how long to wait', () => {
    expect(retryMessage(6 * 60_000)).toBe('Too many failed sign-in attempts. For your security, signing in is paused: try again in 6 minutes.')
    expect(retryMessage(1)).toMatch(/try again in 1 minute\.$/)
  })
})

describe('where to go after signing in', () => {
  it.each([
    ['/admin/comments?status=spam', '/admin/comments?status=spam'],
    ['/admin', '/admin'],
    [undefined, '/admin'],
    ['https://evil.example/admin', '/admin'],
    ['//evil.example/admin', '/admin'],
    ['/\\evil.example', '/admin'],
    ['/2022/01/14/article', '/admin'],
    ['/admin/sign-in', '/admin'],
    ['/administrator', '/admin'],
  ])('%s → %s', (value, expected) => {
    expect(safeAdminPath(value)).toBe(expected)
  })
})

describe('request headers', () => {
  afterEach(() => {
    delete process.env.SITE_URL
  })

  it('takes the last X-Forwarded-For entry, the one the nearest hop vouches for', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientIp(headers({ 'x-real-ip': '203.0.113.5' }))).toBe('203.0.113.5')
    expect(clientIp(headers({}))).toBe('')
  })

  it('accepts posts from SITE_URL or the host addressed, and nothing without an Origin', () => {
    process.env.SITE_URL = 'https://news.example'
    expect(isSameOrigin(headers({ origin: 'https://news.example', host: 'internal:3000' }))).toBe(true)
    expect(isSameOrigin(headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true)
    expect(isSameOrigin(headers({ origin: 'https://news.example.evil', host: 'news.example' }))).toBe(false)
    expect(isSameOrigin(headers({ host: 'news.example' }))).toBe(false)
    expect(isSameOrigin(headers({ origin: 'null', host: 'news.example' }))).toBe(false)
  })
})

describe('moderation rules', () => {
  it('sends Not spam and Restore back to the previous status, never straight to public without approval', () => {
    expect(targetStatus('restore', 'approved')).toBe('approved')
    expect(targetStatus('restore', 'spam')).toBe('pending')
    expect(targetStatus('not-spam', null)).toBe('pending')
    expect(targetStatus('delete')).toBeNull()
  })

  it('knows which changes readers can see', () => {
    expect(isPublicChange('pending', 'approved')).toBe(true)
    expect(isPublicChange('approved', 'trash')).toBe(true)
    expect(isPublicChange('pending', 'trash')).toBe(false)
    expect(isPublicChange('spam', null)).toBe(false)
  })

  it('words the moderator’s reason', () => {
    expect(moderatorReason('approve', 'a@b.c')).toBe('Approved by a@b.c')
    expect(moderatorReason('spam', 'a@b.c')).toBe('Marked as spam by a@b.c')
  })

  it('validates an edit', () => {
    expect(commentEditSchema.safeParse({ body: ' Hi ', authorName: ' A ', authorEmail: 'a@example.com', authorUrl: '' }).data).toEqual({
      body: 'Hi',
      authorName: 'A',
      authorEmail: 'a@example.com',
      authorUrl: '',
    })
    expect(commentEditSchema.safeParse({ body: 'x', authorName: 'A', authorEmail: 'a@example.com', authorUrl: 'javascript:alert(1)' }).success).toBe(false)
  })
})

describe('queue URLs', () => {
  it('parses strictly and falls back to the pending tab', () => {
    expect(parseView({ status: 'spam', q: '  ip ', article: '3', page: '2' })).toEqual({ status: 'spam', q: 'ip', article: 3, page: 2 })
    expect(parseView({ status: 'deleted', article: '-1', page: 'x' })).toEqual({ status: 'pending', q: '', article: null, page: 1 })
  })

  it('builds links that keep the view, and reads a form’s hidden back field', () => {
    const view = viewFromBack('status=all&q=a%26b&page=3&evil=1')
    expect(view).toEqual({ status: 'all', q: 'a&b', article: null, page: 3 })
    expect(queueHref(view, { done: 'approve' })).toBe('/admin/comments?status=all&q=a%26b&page=3&done=approve')
    expect(queueHref(viewFromBack(undefined))).toBe('/admin/comments')
  })

  it('round-trips the flash message', () => {
    const flash: Flash = { kind: 'done', action: 'spam', ids: [3, 4], skipped: 1 }
    expect(parseFlash(flashParams(flash))).toEqual(flash)
    expect(parseFlash({ done: 'explode' })).toBeNull()
    expect(parseFlash({ edited: '7' })).toEqual({ kind: 'edited', id: 7 })
  })
})

describe('settings form', () => {
  it('round-trips the defaults', () => {
    expect(parseSettingsForm(settingsToForm(defaultDiscussionSettings))).toEqual({ ok: true, settings: defaultDiscussionSettings })
  })

  it('reads word lists one per line, and closing only when ticked', () => {
    const values = { ...settingsToForm(defaultDiscussionSettings), disallowedWords: ' Casino \r\n\r\nloan', closeOld: false, closeAfterDays: '10' }
    const parsed = parseSettingsForm(values)
    expect(parsed).toMatchObject({ ok: true, settings: { disallowedWords: ['casino', 'loan'], closeAfterDays: null } })
  })

  it('explains what is wrong in plain words', () => {
    const parsed = parseSettingsForm({ ...settingsToForm(defaultDiscussionSettings), commentsPerPage: '2.5', closeOld: true, closeAfterDays: '' })
    expect(parsed).toEqual({ ok: false, errors: { commentsPerPage: 'A whole number from 5 to 500.', closeAfterDays: 'A whole number of days from 1 to 36,500.' } })
  })

  it('describes a change for the audit log', () => {
    expect(describeSettingsChange(defaultDiscussionSettings, { ...defaultDiscussionSettings, threadDepth: 3 })).toBe('Changed threadDepth')
  })
})
