// Every page type (and every state of a page a reader can reach) that the accessibility suite audits.
// To audit another page, add a descriptor to PAGE_TYPES: the suite runs each one in both themes on a phone and a desktop.
import type { Page } from 'playwright-core'
import { articlePath } from '@/lib/content/slug'
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
