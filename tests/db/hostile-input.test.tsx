// Hostile input through the real pipeline and database: arbitrary Unicode round-trips (10,000 runs in full mode), every field's
// limit to the byte, `javascript:` in every disguise, and a failing write answered clearly with nothing stored.
import path from 'node:path'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { renderToStaticMarkup } from 'react-dom/server'
import { CommentList } from '@/components/comments/comment-list'
import { PostedComment } from '@/components/comments/posted-comment'
import { getDb } from '@/db/client'
import { getArticleBySlug } from '@/db/queries/articles'
import { comments } from '@/db/schema'
import { postComment as postAction } from '@/app/[yyyy]/[mm]/[dd]/[slug]/actions'
import { initialCommentFormState } from '@/lib/comments/form-state'
import { postComment, TOKEN_FIELD } from '@/lib/comments/post'
import { issueFormToken } from '@/lib/comments/token'
import { COMMENT_LIMITS } from '@/lib/comments/validate'
import { importFile } from '@/lib/import/run'
import { FULL } from '../support/mode'
import { expectedLine, expectedText, expectedUrl, utf8Bytes } from '../support/hostile-input'
import { useTempDatabase } from './helpers'

jest.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.50', 'user-agent': 'jest' }),
}))
jest.mock('@/lib/cache/revalidate', () => ({ revalidateDiscussion: jest.fn() }))

// Each run is one durable transaction (an fsync): 10,000 take a while on a busy machine, so `npm test` runs 2,000.
const UNICODE_RUNS = FULL ? 10_000 : 2_000
const T0 = Date.parse('2026-01-01T12:00:00Z')
let articleId = 0
let n = 0

function submit(fields: { author?: string; email?: string; url?: string; comment?: string }) {
  n++
  const now = new Date(T0 + n * 1000)
  const form = { author: 'Ann', email: `reader${n}@example.com`, url: '', comment: 'Hello.', comment_parent: '0', ...fields, [TOKEN_FIELD]: issueFormToken(now.getTime() - 60_000) }
  return postComment({ articleId, form, ip: `198.51.100.${n % 250}`, userAgent: 'jest', now })
}
const count = () => (getDb().$client.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
const stored = (id: number) => getDb().select().from(comments).where(eq(comments.id, id)).get()

/** Tag names and attribute names in server-rendered HTML (text cannot contain a raw `<`: React escapes it). */
function markup(html: string) {
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)]
  return {
    tags: new Set(tags.map((m) => m[1]?.toLowerCase())),
    attributes: new Set(tags.flatMap((m) => [...(m[2] ?? '').matchAll(/\s([^\s=/>]+)=/g)].map((a) => a[1]?.toLowerCase()))),
    hrefs: [...html.matchAll(/ href="([^"]*)"/g)].map((m) => m[1] ?? ''),
  }
}
const RENDERED_TAGS = new Set(['ol', 'li', 'article', 'footer', 'svg', 'rect', 'path', 'div', 'b', 'a', 'span', 'time', 'p', 'br'])

describe('hostile input through the pipeline', () => {
  useTempDatabase()
  beforeEach(async () => {
    process.env.AUTH_SECRET = 'test-secret-test-secret-test-secret-123'
    await importFile(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'))
    articleId = getArticleBySlug('kazakh-soldiers-un-blue-helmets')?.id ?? 0
  })

  it(`round-trips arbitrary Unicode through validate → store → render without an exception (${UNICODE_RUNS} runs)`, () => {
    const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength })
    let accepted = 0
    fc.assert(
      fc.property(text(120), text(600), fc.oneof(fc.constant(''), fc.webUrl(), text(60)), (author, comment, url) => {
        const before = count()
        const result = submit({ author, comment, url })
        const want = { author: expectedLine(author), comment: expectedText(comment), url: expectedUrl(url) }
        const valid =
          want.author !== '' &&
          utf8Bytes(want.author) <= COMMENT_LIMITS.author &&
          want.comment !== '' &&
          utf8Bytes(want.comment) <= COMMENT_LIMITS.comment &&
          'url' in want.url &&
          utf8Bytes(url.trim()) <= COMMENT_LIMITS.url &&
          utf8Bytes(want.url.url) <= COMMENT_LIMITS.url
        expect(result.ok).toBe(valid)
        if (!result.ok) {
          expect(count()).toBe(before)
          return
        }
        accepted++
        const row = stored(result.comment.id)
        expect(row).toMatchObject({ authorName: want.author, body: want.comment, authorUrl: 'url' in want.url ? want.url.url : null })
        const dto = { ...result.comment, isStaff: false }
        const html =
          renderToStaticMarkup(<CommentList comments={[dto]} articleUrl="/2022/01/14/a" />) +
          renderToStaticMarkup(<PostedComment comment={{ ...result.comment, status: 'pending' }} />)
        const { tags, attributes, hrefs } = markup(html)
        expect([...tags].filter((t) => !RENDERED_TAGS.has(t ?? ''))).toEqual([])
        expect([...attributes].filter((a) => a?.startsWith('on'))).toEqual([])
        for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#|\/)/i)
      }),
      { numRuns: UNICODE_RUNS, seed: 8 },
    )
    expect(accepted).toBeGreaterThan(UNICODE_RUNS / 10)
  }, 600_000)

  it.each([
    ['author', COMMENT_LIMITS.author, (bytes: number) => 'é'.repeat(Math.floor(bytes / 2)) + 'a'.repeat(bytes % 2)],
    ['email', COMMENT_LIMITS.email, (bytes: number) => `${'a'.repeat(bytes - '@example.com'.length)}@example.com`],
    ['url', COMMENT_LIMITS.url, (bytes: number) => `https://example.com/${'a'.repeat(bytes - 'https://example.com/'.length)}`],
    ['comment', COMMENT_LIMITS.comment, (bytes: number) => '🙂'.repeat(Math.floor(bytes / 4)) + 'a'.repeat(bytes % 4)],
  ] as const)('stores the %s at its limit of %i bytes, and refuses one byte more with nothing stored', (field, limit, fill) => {
    expect(utf8Bytes(fill(limit))).toBe(limit)
    const at = submit({ [field]: fill(limit) })
    expect(at.ok).toBe(true)
    const before = count()
    const over = submit({ [field]: fill(limit + 1) })
    expect(utf8Bytes(fill(limit + 1))).toBe(limit + 1)
    expect(over).toMatchObject({ ok: false, errors: { [field]: expect.stringMatching(/too long/) } })
    expect(count()).toBe(before)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001\u0002javascript:alert(1)',
    ' \t\njavascript:alert(1)',
    'javascript\t:alert(1)',
    'javascript:alert(1)//http://example.com',
    'javascript://example.com/%0Aalert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    '%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)',
    'jajavascript:vascript:alert(1)',
    'javas\u200bcript:alert(1)',
    'ｊａｖａｓｃｒｉｐｔ：alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    'blob:https://example.com/uuid',
  ])('refuses the website %j, or stores it empty, never as a script link', (url) => {
    const before = count()
    const result = submit({ url })
    if (result.ok) {
      // Only an http(s) link with the whole text as its path or host is acceptable.
      expect(stored(result.comment.id)?.authorUrl).toMatch(/^https?:\/\//)
      expect(new URL(stored(result.comment.id)?.authorUrl ?? '').protocol).toMatch(/^https?:$/)
    } else {
      expect(result.errors.url).toBeTruthy()
      expect(count()).toBe(before)
    }
  })

  it('never links a script URL written in a comment', () => {
    const body = 'javascript:alert(1) JavaScript:alert(2) data:text/html,x vbscript:y <a href="javascript:alert(3)">x</a> https://ok.example/ok'
    const result = submit({ comment: body })
    if (!result.ok) throw new Error(result.message)
    const html = renderToStaticMarkup(<CommentList comments={[{ ...result.comment, isStaff: false }]} articleUrl="/a" />)
    const links = [...html.matchAll(/<a href="([^"]*)" rel="([^"]*)" class="comment__link">/g)].map((m) => [m[1], m[2]])
    expect(links).toEqual([['https://ok.example/ok', 'nofollow ugc noopener']])
    for (const { 1: href } of html.matchAll(/ href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|#|\/)/)
  })

  it('answers a failing database write with a clear message, stores nothing and shows no SQL', async () => {
    getDb().$client.exec(`CREATE TRIGGER refuse_comments BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'disk I/O error in INSERT INTO comments'); END`)
    const form = new FormData()
    for (const [k, v] of Object.entries({ author: 'Ann', email: 'ann@example.com', url: '', comment: 'Hello.', comment_parent: '0', [TOKEN_FIELD]: issueFormToken(Date.now() - 60_000) })) form.append(k, v)
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    const state = await postAction(articleId, initialCommentFormState(), form)
    spy.mockRestore()
    expect(state).toMatchObject({ status: 'error', message: 'Sorry, your comment could not be saved just now. Nothing was posted; please try again in a moment.', posted: null })
    expect(JSON.stringify(state)).not.toMatch(/INSERT|SQLITE|RAISE|trigger|\bat \w+ \(/i)
    // What was typed comes back, so nothing is lost on the reader's side either.
    expect(state.values).toMatchObject({ author: 'Ann', email: 'ann@example.com', comment: 'Hello.' })
    expect(count()).toBe(0)
  })
})
