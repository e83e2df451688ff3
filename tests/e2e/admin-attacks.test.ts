// Attacks on the admin desk through the running site, as an attacker would make them: every admin server action
// called directly by its action id (read from the build's manifest) with no cookie, expired cookies, a cookie from
// before sign-out, a forged `x-middleware-subrequest` header, and a cross-site, `null` or missing Origin. Nothing may
// change, and each attempt that reaches the action is in the audit log. Then sign-in: the same answer, in a similar
// time, for a known and an unknown email; and the admin pages' nonce Content-Security-Policy.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { hashPassword } from '@/lib/auth/password'
import { e2eDb } from './support/db'
import { baseUrl } from './support/page'

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, '..', '..')
const COOKIE = 'authjs.session-token'
const EMAIL = 'attack-target@example.test'
const PASSWORD = 'a correct horse for the attack tests'

type Action = { id: string; name: string; page: string }

/** Every server action of the admin desk, with the page it belongs to, from the build's own manifest. */
function adminActions(): Action[] {
  const file = path.join(ROOT, '.next', 'server', 'server-reference-manifest.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> }
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename.startsWith('app/admin/(desk)/'))
    .map(([id, a]) => {
      const worker = Object.keys(a.workers)[0] ?? ''
      return { id, name: a.exportedName, page: worker.replace(/^app/, '').replace('/(desk)', '').replace(/\/page$/, '') || '/' }
    })
}

/** React's reply encoding of the action's arguments, as the browser sends it (`encodeReply`). */
async function encodeArgs(args: unknown[]): Promise<FormData | string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as { encodeReply: (a: unknown[]) => Promise<FormData | string> }
  return encodeReply(args)
}

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one)
  return data
}

type Fixtures = { articleId: number; pending: number; approved: number; spam: number; trash: number }

/** Arguments that would change something for each action, were the caller allowed. */
function argumentsFor(name: string, f: Fixtures): unknown[] {
  const one = (id: number) => [form({ id: String(id), back: '' })]
  switch (name) {
    case 'approveComment':
      return one(f.pending)
    case 'unapproveComment':
    case 'spamComment':
    case 'trashComment':
      return one(f.approved)
    case 'notSpamComment':
    case 'deleteComment':
      return one(f.spam)
    case 'restoreComment':
      return one(f.trash)
    case 'bulkModerate':
      return [form({ action: 'trash', ids: [String(f.pending), String(f.approved)], back: '' })]
    case 'undoModeration':
      return [form({ action: 'approve', ids: String(f.approved), back: '' })]
    case 'saveCommentEdit':
      return [undefined, form({ id: String(f.approved), body: 'Edited by an attacker.', authorName: 'Mallory', authorEmail: 'm@example.com', authorUrl: '', back: '' })]
    case 'replyToComment':
      return [undefined, form({ id: String(f.approved), body: 'A staff reply forged by an attacker.', back: '' })]
    case 'saveSettings':
      return [undefined, form({ approval: 'all', linkThreshold: '9', threadDepth: '5', commentsPerPage: '50', moderationWords: '', disallowedWords: '', closeAfterDays: '14' })]
    case 'setCommentsOpen':
      return [form({ articleId: String(f.articleId), open: '0' })]
    case 'signOutAdmin':
      return []
    default:
      throw new Error(`no arguments written for the admin action ${name}: add them here`)
  }
}

type Call = { cookie?: string; origin?: string | null; extra?: Record<string, string> }

/** Calls a server action by its id, fetch-style (Next-Action header), as the desk's own JavaScript does. */
async function callAction(action: Action, args: unknown[], { cookie, origin = baseUrl(), extra = {} }: Call) {
  const headers: Record<string, string> = { 'Next-Action': action.id, Accept: 'text/x-component', 'X-Forwarded-For': '203.0.113.99', ...extra }
  if (origin !== null) headers.Origin = origin
  if (cookie) headers.Cookie = cookie
  const response = await fetch(baseUrl() + action.page, { method: 'POST', headers, body: await encodeArgs(args), redirect: 'manual' })
  // A redirect from a fetch-style action is an instruction in the answer, not an HTTP redirect.
  return { status: response.status, redirect: response.headers.get('x-action-redirect'), body: await response.text() }
}

/** The fields of the page's one form (the sign-in form), as a browser without JavaScript would post them. */
async function signInForm(): Promise<[string, string][]> {
  const html = await (await fetch(baseUrl() + '/admin/sign-in')).text()
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&')
  return [...html.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1] ?? ''), decode(m[2] ?? '')])
}

/** Signs in through the real form without JavaScript; returns the session cookie (or null) and the answer. */
async function signIn(email: string, password: string, ip: string) {
  const body = new FormData()
  for (const [k, v] of await signInForm()) body.append(k, v)
  body.append('email', email)
  body.append('password', password)
  const started = performance.now()
  const response = await fetch(baseUrl() + '/admin/sign-in', { method: 'POST', body, redirect: 'manual', headers: { Origin: baseUrl(), 'X-Forwarded-For': ip } })
  const html = await response.text()
  const ms = performance.now() - started
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))
  const value = cookie?.split(';')[0]?.slice(COOKIE.length + 1)
  const message = /id="sign-in-error"[^>]*>([^<]*)</.exec(html)?.[1] ?? null
  return { cookie: value ? `${COOKIE}=${value}` : null, status: response.status, message, ms }
}

/** A session cookie signed with the site's own secret (kept beside its database), for claims a real sign-in never gives. */
function forgeCookie(claims: Record<string, unknown>, maxAgeS: number): string {
  const secret = fs.readFileSync(path.join(path.dirname(process.env.E2E_DATABASE_PATH ?? ''), 'auth-secret'), 'utf8').trim()
  const script = `import('next-auth/jwt').then(async ({ encode }) => process.stdout.write(await encode({ token: JSON.parse(process.env.CLAIMS), secret: process.env.SECRET, salt: '${COOKIE}', maxAge: Number(process.env.MAX_AGE) })))`
  const jwt = execFileSync(process.execPath, ['-e', script], { cwd: ROOT, env: { ...process.env, CLAIMS: JSON.stringify(claims), SECRET: secret, MAX_AGE: String(maxAgeS) }, encoding: 'utf8' })
  return `${COOKIE}=${jwt}`
}

const db = e2eDb()
let fixtures: Fixtures
let userId: number
let revokedCookie: string
let validCookie: string

/** Everything an admin action could change for these fixtures and this user. */
function snapshot() {
  return {
    comments: db.prepare('SELECT * FROM comments WHERE article_id = ? ORDER BY id').all(fixtures.articleId),
    article: db.prepare('SELECT comments_open FROM articles WHERE id = ?').get(fixtures.articleId),
    user: db.prepare('SELECT session_version FROM users WHERE id = ?').get(userId),
    settings: db.prepare('SELECT * FROM settings ORDER BY 1').all(),
  }
}

const refusedCount = () => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'refused'").get() as { n: number }).n
const lastRefusal = () => db.prepare("SELECT detail, ip FROM audit_log WHERE action = 'refused' ORDER BY id DESC LIMIT 1").get() as { detail: string; ip: string }

beforeAll(async () => {
  const now = new Date().toISOString()
  db.prepare("DELETE FROM users WHERE email = ?").run(EMAIL)
  userId = Number(db.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)').run(EMAIL, 'Attack Target', await hashPassword(PASSWORD), now).lastInsertRowid)
  const section = db.prepare('SELECT id FROM sections LIMIT 1').get() as { id: number }
  const author = db.prepare('SELECT id FROM authors LIMIT 1').get() as { id: number }
  const slug = `admin-attacks-${process.pid}-e2e`
  db.prepare("DELETE FROM articles WHERE slug = ?").run(slug)
  const articleId = Number(
    db
      .prepare(`INSERT INTO articles (slug, title, body, section_id, author_id, published_at, updated_at, word_count) VALUES (?, 'An article the attackers aim at', ?, ?, ?, '2015-05-01T08:00:00.000Z', '2015-05-01T08:00:00.000Z', 5)`)
      .run(slug, JSON.stringify([{ type: 'paragraph', text: 'Attack surface.' }]), section.id, author.id).lastInsertRowid,
  )
  const insert = db.prepare(
    `INSERT INTO comments (article_id, author_name, author_email, body, status, reason, ip, user_agent, created_at, updated_at) VALUES (?, ?, 'x@example.com', ?, ?, 'fixture', '203.0.113.5', 'e2e', ?, ?)`,
  )
  const add = (status: string) => Number(insert.run(articleId, `A ${status} reader`, `A ${status} comment.`, status, now, now).lastInsertRowid)
  fixtures = { articleId, pending: add('pending'), approved: add('approved'), spam: add('spam'), trash: add('trash') }

  // A cookie from before sign-out: sign in, sign out with it (which ends every session of this user), sign in again.
  const first = await signIn(EMAIL, PASSWORD, '203.0.113.10')
  if (!first.cookie) throw new Error(`could not sign in the attack target (${first.status}: ${first.message})`)
  revokedCookie = first.cookie
  const signOut = adminActions().find((a) => a.name === 'signOutAdmin')
  if (!signOut) throw new Error('no signOutAdmin in the manifest')
  const before = db.prepare('SELECT session_version AS v FROM users WHERE id = ?').get(userId) as { v: number }
  await callAction(signOut, [], { cookie: revokedCookie })
  expect(db.prepare('SELECT session_version AS v FROM users WHERE id = ?').get(userId)).toEqual({ v: before.v + 1 })
  const second = await signIn(EMAIL, PASSWORD, '203.0.113.11')
  if (!second.cookie) throw new Error('could not sign in again')
  validCookie = second.cookie
})

afterAll(() => db.close())

describe('admin server actions called directly by their action id', () => {
  it('are all found in the build, the desk’s every action', () => {
    expect(adminActions().map((a) => a.name).sort()).toEqual([
      'approveComment', 'bulkModerate', 'deleteComment', 'notSpamComment', 'replyToComment', 'restoreComment', 'saveCommentEdit',
      'saveSettings', 'setCommentsOpen', 'signOutAdmin', 'spamComment', 'trashComment', 'unapproveComment', 'undoModeration',
    ].sort())
  })

  const sessionVersion = () => (db.prepare('SELECT session_version AS v FROM users WHERE id = ?').get(userId) as { v: number }).v
  const sat = (ms: number) => ({ sub: String(userId), email: EMAIL, name: 'Attack Target', uid: userId, sv: sessionVersion(), sat: ms })

  // `reason` is what the audit row says. Posts from another site are refused (403) and logged by proxy.ts before any
  // action runs; every other attempt reaches the action, which refuses it, logs it and sends the caller to sign in.
  const attacks: { name: string; call: () => Call; reason: RegExp; crossSite?: true }[] = [
    { name: 'no cookie', call: () => ({}), reason: /no session/ },
    { name: 'a cookie whose sign-in was 13 hours ago', call: () => ({ cookie: forgeCookie(sat(Date.now() - 13 * 3600_000), 3600) }), reason: /session expired/ },
    { name: 'a cookie past its expiry', call: () => ({ cookie: forgeCookie(sat(Date.now() - 3600_000), -60) }), reason: /no session/ },
    { name: 'a cookie signed with another secret', call: () => ({ cookie: `${COOKIE}=${validCookie.split('=')[1]?.replace(/^(.{20})./, '$1A')}` }), reason: /no session/ },
    { name: 'the cookie from before sign-out', call: () => ({ cookie: revokedCookie }), reason: /session ended by sign-out/ },
    ...['proxy', 'middleware', 'proxy:proxy:proxy:proxy:proxy', 'middleware:middleware:middleware:middleware:middleware', 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware'].map(
      (value) => ({ name: `no cookie and a forged x-middleware-subrequest: ${value}`, call: () => ({ extra: { 'x-middleware-subrequest': value } }), reason: /no session/ }),
    ),
    { name: 'a valid cookie without an Origin header', call: () => ({ cookie: validCookie, origin: null }), reason: /cross-origin post \(Origin: none\)/ },
    { name: 'a valid cookie and Origin: null', call: () => ({ cookie: validCookie, origin: 'null' }), reason: /cross-origin post \(Origin: null\)/, crossSite: true },
    { name: 'a valid cookie from another site', call: () => ({ cookie: validCookie, origin: 'https://evil.example' }), reason: /cross-origin post \(Origin: https:\/\/evil\.example\)/, crossSite: true },
    {
      name: 'a valid cookie, another site and a forged x-middleware-subrequest',
      call: () => ({ cookie: validCookie, origin: 'https://evil.example', extra: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } }),
      reason: /cross-origin post/,
      crossSite: true,
    },
  ]

  for (const attack of attacks) {
    it(`with ${attack.name}: every action changes nothing and is logged as refused`, async () => {
      const call = attack.call()
      for (const action of adminActions()) {
        const before = snapshot()
        const refusals = refusedCount()
        const answer = await callAction(action, argumentsFor(action.name, fixtures), call)
        expect({ action: action.name, changed: snapshot() }).toEqual({ action: action.name, changed: before })
        expect({ action: action.name, refusals: refusedCount() }).toEqual({ action: action.name, refusals: refusals + 1 })
        expect({ action: action.name, ...lastRefusal() }).toEqual({ action: action.name, detail: expect.stringMatching(attack.reason), ip: '203.0.113.99' })
        // The answer refuses, or sends the caller to sign in; it never carries the desk's data.
        const expected = attack.crossSite ? { status: 403, redirect: null } : { status: 200, redirect: expect.stringMatching(/^\/admin\/sign-in\?reason=expired(;|$)/) }
        expect({ action: action.name, status: answer.status, redirect: answer.redirect }).toEqual({ action: action.name, ...expected })
        expect(answer.body).not.toMatch(/A pending comment|x@example\.com/)
      }
    })
  }

  it('the same calls with the valid cookie from this site do change things: the attacks above were refused, not malformed', async () => {
    const approve = adminActions().find((a) => a.name === 'approveComment') as Action
    const answer = await callAction(approve, argumentsFor('approveComment', fixtures), { cookie: validCookie })
    expect(answer.redirect).toMatch(/^\/admin\/comments\?/)
    expect(db.prepare('SELECT status FROM comments WHERE id = ?').get(fixtures.pending)).toEqual({ status: 'approved' })
    const reply = adminActions().find((a) => a.name === 'replyToComment') as Action
    await callAction(reply, argumentsFor('replyToComment', fixtures), { cookie: validCookie })
    expect(db.prepare("SELECT count(*) AS n FROM comments WHERE parent_id = ? AND body LIKE 'A staff reply%'").get(fixtures.approved)).toEqual({ n: 1 })
  })
})

describe('admin pages with a forged x-middleware-subrequest header', () => {
  it.each(['/admin', '/admin/comments', '/admin/log', '/admin/settings'])('%s still sends a visitor without a session to sign in', async (page) => {
    for (const value of ['proxy', 'middleware', 'proxy:proxy:proxy:proxy:proxy', 'middleware:middleware:middleware:middleware:middleware']) {
      const response = await fetch(baseUrl() + page, { redirect: 'manual', headers: { 'x-middleware-subrequest': value } })
      const body = await response.text()
      expect({ page, value, status: response.status }).toEqual({ page, value, status: 307 })
      expect(new URL(response.headers.get('location') ?? '', baseUrl()).pathname).toBe('/admin/sign-in')
      expect(body).not.toMatch(/x@example\.com|Pending/)
    }
  })
})

describe('signing in with a known or an unknown email', () => {
  it('gets the same answer, in a similar time (argon2id runs for an unknown email too)', async () => {
    const known = { email: EMAIL, password: 'not the password at all' }
    const unknown = { email: 'nobody-here@example.test', password: 'not the password at all' }
    const times: { known: number[]; unknown: number[] } = { known: [], unknown: [] }
    const answers = new Set<string>()
    // Alternating, from distinct addresses, and fewer than the throttle's 10 failures per email.
    for (let round = 0; round < 8; round++) {
      for (const [kind, who] of [['known', known], ['unknown', unknown]] as const) {
        const attempt = await signIn(who.email, who.password, `203.0.113.${120 + round}`)
        expect(attempt.cookie).toBeNull()
        answers.add(JSON.stringify({ status: attempt.status, message: attempt.message }))
        if (round > 0) times[kind].push(attempt.ms)
      }
    }
    expect([...answers]).toEqual([JSON.stringify({ status: 200, message: 'Wrong email or password.' })])
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    const ratio = median(times.unknown) / median(times.known)
    console.log(`sign-in medians: known email ${median(times.known).toFixed(1)} ms, unknown ${median(times.unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`)
    // Skipping argon2id for an unknown email would answer it about 20× faster; side by side, the two stay close.
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})

describe('the Content-Security-Policy of the admin pages', () => {
  const scriptSources = (policy: string | null) => (/script-src ([^;]*)/.exec(policy ?? '')?.[1] ?? '').split(' ')

  it('allows scripts only by a fresh nonce (and the theme script by its hash), never inline, on the sign-in page and the desk', async () => {
    const nonces = new Set<string>()
    for (const [page, cookie] of [['/admin/sign-in', ''], ['/admin/sign-in', ''], ['/admin', validCookie], ['/admin/comments', validCookie], ['/admin/log', validCookie], ['/admin/settings', validCookie]] as const) {
      const response = await fetch(baseUrl() + page, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
      const html = await response.text()
      expect({ page, status: response.status }).toEqual({ page, status: 200 })
      const policies = response.headers.get('content-security-policy') ?? ''
      // One policy only: a second, static one would be enforced as well and would still name 'unsafe-inline'.
      expect(policies).not.toMatch(/,/)
      const sources = scriptSources(policies)
      expect(sources).not.toContain("'unsafe-inline'")
      expect(sources).toContain("'strict-dynamic'")
      expect(sources.some((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true)
      const nonce = /'nonce-([^']+)'/.exec(sources.join(' '))?.[1] ?? ''
      expect(nonce.length).toBeGreaterThanOrEqual(16)
      nonces.add(nonce)
      // Every script Next rendered carries this request's nonce, but the hashed theme script.
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '')
      expect(scripts.length).toBeGreaterThan(0)
      for (const attrs of scripts.filter((a) => !/nonce=/.test(a))) expect({ page, attrs }).toEqual({ page, attrs: '' })
      expect(scripts.filter((a) => a.includes(`nonce="${nonce}"`)).length).toBe(scripts.length - 1)
    }
    expect(nonces.size).toBe(6)
  })

  it('keeps the static policy with no nonce on public pages, so they stay cached', async () => {
    const response = await fetch(baseUrl() + '/')
    await response.text()
    expect(scriptSources(response.headers.get('content-security-policy'))).toEqual(["'self'", "'unsafe-inline'"])
  })
})
