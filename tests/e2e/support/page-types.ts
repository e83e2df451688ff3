// Every page type (and every state of a page a reader or an admin can reach) that the accessibility suite audits.
// To audit another page, add a descriptor to PAGE_TYPES: the suite runs each one in both themes on a phone and a desktop.
import type { Cookie, Page } from 'playwright-core'
import { articlePath } from '@/lib/content/slug'
import { ensureTestAdmin, sessionCookies, signInThroughForm, type TestAdmin } from './admin'
import { e2eDb } from './db'
import { waitForHydration } from './page'

export const ARTICLE_URL = '/2022/01/14/kazakh-soldiers-un-blue-helmets'

export type PageType = {
  /** Shown in test names and screenshot files. */
  name: string
  /** Where to go; a function when the address depends on data (it runs once, after the server has started). */
  path: string | (() => string)
  /** The HTTP status the page answers with. Default 200. */
  status?: number
  /** Runs before the page is opened, in the same browser context: sign in, store a theme choice, … */
  before?: (page: Page) => Promise<void>
  /** Runs once the page has loaded, to bring it into the state to audit: a dialog open, a form with errors, … */
  prepare?: (page: Page) => Promise<void>
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined
  return () => (value ??= { v: make() }).v
}

/** A placeholder article, created by the importer for a related link whose story is not here yet. */
const stubPath = once(() => {
  const db = e2eDb()
  const row = db.prepare('SELECT slug, published_at FROM articles WHERE is_stub = 1 ORDER BY id LIMIT 1').get() as { slug: string; published_at: string }
  db.close()
  return articlePath(row.published_at, row.slug)
})

/**
 * The reply page of an approved comment: the article with the form under that comment. The thread under it is as
 * awkward as readers make them: five levels deep, a long unbroken name, a long link, markup typed as text.
 */
const replyPath = once(() => {
  const db = e2eDb()
  const article = db.prepare('SELECT id FROM articles WHERE slug = ?').get(ARTICLE_URL.split('/').pop()) as { id: number }
  const insert = db.prepare(
    `INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, body, status, reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'approved', 'test fixture', '2025-02-01T09:30:00.000Z', '2025-02-01T09:30:00.000Z')`,
  )
  const first = insert.run(article.id, null, 'Audrey Axe', 'audrey@example.com', 'https://audrey.example', 'A comment for the accessibility audit.').lastInsertRowid
  const replies: [name: string, body: string][] = [
    ['Supercalifragilisticexpialidociouslylongname', 'https://example.org/a/very/long/path/without/any/break/at/all/whatsoever/index.html'],
    ['<img src=x onerror="alert(1)">', '<b>not bold</b> and a reply'],
    ['Dee Four', 'Fourth level.'],
    ['Fifi Five', 'Fifth level, as deep as threads go.'],
  ]
  let parent = first
  for (const [name, body] of replies) {
    parent = insert.run(article.id, parent, name, `${name.length}@example.com`, '', body).lastInsertRowid
  }
  db.close()
  return `${ARTICLE_URL}/reply/${first}`
})

/** The accessibility suite's own admin (see support/admin.ts for why each file has one). */
const AUDIT_ADMIN: TestAdmin = { email: 'a11y-audit@example.test', password: 'a11y-audit-password' }

let auditSession: Promise<Cookie[]> | undefined

/**
 * Signs the page's browser context in as the audit admin: through the sign-in form the first time, then with that
 * session's cookie, so the suite signs in once, not once per page type, theme and viewport.
 */
async function signedIn(page: Page): Promise<void> {
  if (auditSession) return page.context().addCookies(await auditSession)
  auditSession = (async () => {
    await ensureTestAdmin(AUDIT_ADMIN)
    await signInThroughForm(page, AUDIT_ADMIN)
    return sessionCookies(await page.context().cookies())
  })()
  await auditSession
}

/** A word only the queue fixtures contain, to open the queue on them alone. */
const QUEUE_MARK = 'A11y-queue'

/**
 * Comments for the moderation desk, in every state and as awkward as real ones: held for different reasons, a
 * reply to a held comment, a long unbroken name and link, markup typed as text. None is public, so the article
 * pages this suite audits do not change.
 */
const queueFixtures = once(() => {
  const db = e2eDb()
  const article = db.prepare('SELECT id FROM articles WHERE slug = ?').get(ARTICLE_URL.split('/').pop()) as { id: number }
  const insert = db.prepare(
    `INSERT INTO comments (article_id, parent_id, author_name, author_email, author_url, body, status, reason, ip, user_agent, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '203.0.113.60', 'e2e', ?, ?)`,
  )
  const at = new Date().toISOString()
  const add = (parent: number | bigint | null, name: string, url: string, body: string, status: string, reason: string) =>
    Number(insert.run(article.id, parent, name, `${name.length}@example.com`, url, `${QUEUE_MARK}: ${body}`, status, reason, at, at).lastInsertRowid)
  const first = add(null, 'Aigerim Nurlanovna', 'https://aigerim.example', 'a first comment from a new reader.', 'pending', 'Held for moderation: first comment from this author')
  const reply = add(first, 'Supercalifragilisticexpialidociouslylongname', 'https://example.org/a/very/long/path/without/any/break/at/all/index.html', 'see https://example.org/one and https://example.org/two and https://example.org/three', 'pending', 'Held for moderation: 3 links (the limit is 2)')
  add(null, '<img src=x onerror="alert(1)">', '', '<b>not bold</b>, and a held word.', 'pending', 'Held for moderation: contains “casino”')
  add(null, 'Cheap Pills', 'https://pills.example', 'buy now, cheap, cheap.', 'spam', 'Spam: sent from an address that spammed before')
  add(null, 'Rude Reader', '', 'a comment with a disallowed word.', 'trash', 'Trash: contains a disallowed word')
  db.close()
  return { first, reply }
})

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/' },
  { name: 'article', path: ARTICLE_URL },
  {
    name: 'article with the gallery open',
    path: ARTICLE_URL,
    prepare: async (page) => {
      await waitForHydration(page, 'a[data-lightbox-index]')
      await page.locator('a[data-lightbox-index]').first().click()
      await page.getByRole('dialog').waitFor({ state: 'visible' })
    },
  },
  {
    name: 'article with comment form errors',
    path: ARTICLE_URL,
    prepare: async (page) => {
      await waitForHydration(page, '#respond form')
      await page.locator('#email').fill('not-an-email')
      await page.locator('#respond button[type=submit]').click()
      await page.locator('#respond [role=alert] .form-message--error').waitFor()
    },
  },
  { name: 'placeholder article', path: stubPath },
  { name: 'reply page', path: replyPath },
  { name: 'section', path: '/section/world' },
  { name: 'author', path: '/author/staff' },
  { name: 'tag', path: '/tag/kazakhstan' },
  { name: 'search results', path: '/search?q=kazakh+soldiers' },
  { name: 'search without results', path: '/search?q=xylophonist' },
  { name: 'search without a query', path: '/search' },
  { name: 'not found', path: '/no-such-page', status: 404 },
  { name: 'admin sign-in', path: '/admin/sign-in' },
  {
    name: 'admin sign-in after a wrong password',
    path: '/admin/sign-in',
    prepare: async (page) => {
      await waitForHydration(page, 'form.sign-in-form')
      await page.getByLabel('Email').fill(AUDIT_ADMIN.email)
      await page.getByLabel('Password').fill('not-the-password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.locator('#sign-in-error').waitFor()
    },
  },
  { name: 'admin dashboard', path: '/admin', before: signedIn },
  {
    name: 'admin queue, pending',
    path: () => (queueFixtures(), '/admin/comments'),
    before: signedIn,
    // Other test files add comments too: the fixtures are there, though maybe not on the first page.
    prepare: (page) => page.locator('[data-comment-row]').first().waitFor(),
  },
  { name: 'admin queue, spam', path: () => (queueFixtures(), '/admin/comments?status=spam'), before: signedIn },
  { name: 'admin queue, all', path: () => (queueFixtures(), `/admin/comments?status=all&q=${QUEUE_MARK}`), before: signedIn },
  { name: 'admin queue, nothing matches', path: '/admin/comments?q=no-comment-says-this', before: signedIn },
  // The message after an action, with its Undo button, as the action's redirect shows it.
  { name: 'admin queue after an action', path: () => `/admin/comments?q=${QUEUE_MARK}&done=spam&ids=${queueFixtures().first}`, before: signedIn },
  { name: 'admin queue, editing a comment', path: () => `/admin/comments?q=${QUEUE_MARK}&edit=${queueFixtures().first}`, before: signedIn },
  {
    name: 'admin queue, edit with a field error',
    path: () => `/admin/comments?q=${QUEUE_MARK}&edit=${queueFixtures().first}`,
    before: signedIn,
    prepare: async (page) => {
      const editor = page.locator(`#comment-${queueFixtures().first} form.queue-editor`)
      await waitForHydration(page, `#comment-${queueFixtures().first} form.queue-editor`)
      // A URL the browser accepts and the server refuses: nothing is saved, the field shows why.
      await editor.getByLabel('Website').fill('ftp://aigerim.example')
      await editor.getByRole('button', { name: 'Save changes' }).click()
      await editor.locator('.field-error').waitFor()
    },
  },
  { name: 'admin queue, replying to a comment', path: () => `/admin/comments?q=${QUEUE_MARK}&reply=${queueFixtures().reply}`, before: signedIn },
  { name: 'admin audit log', path: '/admin/log', before: signedIn },
  { name: 'admin settings', path: '/admin/settings', before: signedIn },
  {
    name: 'admin settings with a field error',
    path: '/admin/settings',
    before: signedIn,
    prepare: async (page) => {
      await waitForHydration(page, 'form.settings-form')
      // Closing old articles' comments without saying after how many days: refused by the server, nothing saved.
      await page.getByLabel('Close comments on articles older than the number of days below').check()
      await page.getByLabel('Days', { exact: true }).fill('')
      await page.getByRole('button', { name: 'Save settings' }).click()
      await page.locator('#closeAfterDays-error').waitFor()
    },
  },
]

export function pathOf(type: PageType): string {
  return typeof type.path === 'string' ? type.path : type.path()
}

export const THEMES = [
  { name: 'light', colorScheme: 'light' },
  { name: 'dark', colorScheme: 'dark' },
] as const

export const VIEWPORTS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
] as const
