// An admin's path in a real browser: sign in (wrong, then right), moderate in the queue, see the public page change
// at once, bulk actions, edit, staff reply, keyboard shortcuts, no JavaScript, sign out and be locked out.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { closeE2eDatabase, commentStatus, insertTestArticle, insertTestComment } from './support/database'
import { ARTIFACTS_DIR, baseUrl, closePage, newPage, screenshot, settle, waitForReact, type TrackedPage } from './support/page'

jest.setTimeout(120_000)

const EMAIL = () => process.env.E2E_ADMIN_EMAIL ?? 'admin@example.test'
const PASSWORD = () => process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password'

let browser: Browser
let article: { id: number; url: string }
let adminCookies: Cookie[] = []
const pages: Page[] = []
const timings: { action: string; clickToPublicMs: number; clickToQueueMs: number }[] = []

async function tracked(options: Parameters<typeof newPage>[1] & { signedIn?: boolean } = {}): Promise<TrackedPage> {
  const page = await newPage(browser, options)
  if (options.signedIn) await page.context().addCookies(adminCookies)
  pages.push(page)
  return page
}

async function signIn(page: Page, password = PASSWORD(), email = EMAIL()): Promise<void> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * A refused attempt has been answered once the message shows and the form was reset (the password emptied);
 * without JavaScript, once the page the post answered with has loaded.
 */
async function signInRefused(page: Page, password: string, email = EMAIL(), javaScript = true): Promise<string | null> {
  if (!javaScript) {
    await Promise.all([page.waitForEvent('load'), signIn(page, password, email)])
    return page.locator('#sign-in-error').textContent()
  }
  await signIn(page, password, email)
  await page.waitForFunction(() => {
    const field = document.querySelector<HTMLInputElement>('#password')
    return document.querySelector('#sign-in-error') !== null && field !== null && field.value === ''
  })
  return page.locator('#sign-in-error').textContent()
}

/** The article page as the next reader gets it: a plain request, no cookies. */
async function publicPage(url = article.url): Promise<{ cache: string | null; html: string }> {
  const response = await fetch(baseUrl() + url)
  return { cache: response.headers.get('x-nextjs-cache'), html: await response.text() }
}

const shows = (html: string, id: number) => html.includes(`id="comment-${id}"`)

/** Polls the public page until `test` holds; returns how long it took from `since`. */
async function publicUntil(test: (html: string) => boolean, since: number): Promise<number> {
  for (;;) {
    const { html } = await publicPage()
    if (test(html)) return Date.now() - since
    if (Date.now() - since > 10_000) throw new Error('the public page did not change within 10 s')
    await new Promise((r) => setTimeout(r, 25))
  }
}

const row = (page: Page, id: number) => page.locator(`#comment-${id}`)

async function openQueue(page: Page, query = ''): Promise<void> {
  await page.goto(`/admin/comments${query}`)
  await page.waitForLoadState('load')
}

beforeAll(async () => {
  browser = await launchBrowser()
  article = insertTestArticle('moderation-desk-e2e', 'A test article for the moderation desk')
})

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => closePage(page)))
})

afterAll(async () => {
  await browser?.close()
  closeE2eDatabase()
  if (timings.length) {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'admin-timings.json'), JSON.stringify(timings, null, 2))
  }
})

describe('signing in', () => {
  test('the desk sends a signed-out visitor to sign in; a wrong password gets one generic message; the right one opens it', async () => {
    const page = await tracked()
    await page.goto('/admin/comments?status=spam')
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in')
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow')

    await expect(signInRefused(page, 'not-the-password')).resolves.toBe('Wrong email or password.')
    await expect(signInRefused(page, PASSWORD(), 'nobody@example.test')).resolves.toBe('Wrong email or password.')
    // The form keeps the email typed; the message is the same whether the email or the password was wrong.
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe('nobody@example.test')
    await screenshot(page, 'admin-sign-in-error')

    await signIn(page)
    await page.waitForURL('**/admin/comments?status=spam')
    expect(await page.locator('h1').allTextContents()).toEqual(['Comments'])
    const session = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false })
    const hours = ((session?.expires ?? 0) * 1000 - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)
    adminCookies = await page.context().cookies()
    expect(page.errors).toEqual([])
  })

  test('works without JavaScript', async () => {
    const page = await tracked({ javaScriptEnabled: false })
    await page.goto('/admin')
    await expect(signInRefused(page, 'wrong-password-again', EMAIL(), false)).resolves.toBe('Wrong email or password.')
    await signIn(page)
    await page.waitForURL('**/admin')
    expect(await page.locator('h1').allTextContents()).toEqual(['Dashboard'])
    await screenshot(page, 'admin-dashboard-no-js', { fullPage: true })
  })
})

describe('the moderation desk', () => {
  test('shows a pending comment with why it is held; Approve puts it on the public page at once', async () => {
    const id = insertTestComment({ articleId: article.id, authorName: 'Aigerim', body: 'Approve-me: a first comment.', reason: 'Held for moderation: first comment from this author' })
    // A reader has the page cached without the comment.
    await publicPage()
    const before = await publicPage()
    expect(before.cache).toBe('HIT')
    expect(shows(before.html, id)).toBe(false)

    const page = await tracked({ signedIn: true })
    await openQueue(page)
    const pending = row(page, id)
    await expect(pending.textContent()).resolves.toContain('Held for moderation: first comment from this author')
    await expect(pending.textContent()).resolves.toContain('aigerim@example.com')
    await expect(pending.textContent()).resolves.toContain('203.0.113.50')
    await screenshot(page, 'admin-queue', { fullPage: true })
    // Every control of the desk is at least 24×24 px (WCAG 2.5.8).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.admin-bar button, .admin-bar a, .queue-tabs a, [data-comment-row] button, [data-comment-row] input:not([type=hidden]), .bulk-actions button')]
        .map((el) => ({ el: `${el.tagName} ${el.textContent?.trim() ?? ''}`, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ el, box }) => `${el} ${Math.round(box.width)}×${Math.round(box.height)}`),
    )
    expect(small).toEqual([])

    const clicked = Date.now()
    await pending.getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(/done=approve/)
    const clickToQueueMs = Date.now() - clicked
    const clickToPublicMs = await publicUntil((html) => shows(html, id), clicked)
    timings.push({ action: 'approve', clickToPublicMs, clickToQueueMs })
    console.log(`approve → public page: ${clickToPublicMs} ms (queue answered in ${clickToQueueMs} ms)`)
    expect(clickToPublicMs).toBeLessThan(3000)

    // Re-rendered once, then served from the cache again, with the comment.
    const after = await publicPage()
    expect(after.cache).toBe('HIT')
    expect(shows(after.html, id)).toBe(true)
    await expect(page.locator('.queue-flash').textContent()).resolves.toContain('1 comment approved.')
    expect(commentStatus(id)).toBe('approved')
    // Who moderated it, and when, is shown where it is now.
    await openQueue(page, '?status=approved&q=Approve-me')
    await expect(row(page, id).textContent()).resolves.toContain(`Approved by ${EMAIL()}`)
    expect(page.errors).toEqual([])
  })

  test('Spam takes an approved comment off the public page', async () => {
    const id = insertTestComment({ articleId: article.id, authorName: 'Cheap Pills', body: 'Spam-me: buy now' })
    const page = await tracked({ signedIn: true })
    // Approved through the desk first, so the public page shows it.
    await openQueue(page, '?q=Spam-me')
    await row(page, id).getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(/done=approve/)
    expect(shows((await publicPage()).html, id)).toBe(true)
    await openQueue(page, '?status=approved&q=Spam-me')
    const clicked = Date.now()
    await row(page, id).getByRole('button', { name: 'Spam' }).click()
    await page.waitForURL(/done=spam/)
    const clickToPublicMs = await publicUntil((html) => !shows(html, id), clicked)
    timings.push({ action: 'spam', clickToPublicMs, clickToQueueMs: 0 })
    expect(commentStatus(id)).toBe('spam')
    await openQueue(page, '?status=spam&q=Spam-me')
    await expect(row(page, id).getByRole('button', { name: 'Not spam' }).count()).resolves.toBe(1)
    await expect(row(page, id).getByRole('button', { name: 'Delete permanently' }).count()).resolves.toBe(1)
  })

  test('a bulk action trashes every checked comment', async () => {
    const ids = [1, 2, 3].map((n) => insertTestComment({ articleId: article.id, authorName: `Bulk ${n}`, body: `Bulk-trash comment ${n}` }))
    const page = await tracked({ signedIn: true })
    await openQueue(page, '?q=Bulk-trash')
    await row(page, ids[0] as number).getByRole('checkbox').check()
    await row(page, ids[2] as number).getByRole('checkbox').check()
    await page.getByLabel('With the selected comments').selectOption('trash')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/done=trash/)
    await expect(page.locator('.queue-flash').textContent()).resolves.toContain('2 comments moved to the trash.')
    expect(ids.map(commentStatus)).toEqual(['trash', 'pending', 'trash'])
    await openQueue(page, '?status=trash&q=Bulk-trash')
    await expect(page.locator('[data-comment-row]').count()).resolves.toBe(2)
  })

  test('Edit changes the text, name, email and website, and the public page shows it', async () => {
    const id = insertTestComment({ articleId: article.id, authorName: 'Typo', body: 'Edit-me: teh text', status: 'approved' })
    await publicPage()
    const page = await tracked({ signedIn: true })
    await openQueue(page, '?status=approved&q=Edit-me')
    await row(page, id).getByRole('button', { name: 'Edit' }).click()
    const editor = row(page, id)
    // Typing before React hydrates the field: it set the textarea's default value between fill's select-all and its
    // typing, and the typed text landed before the old one.
    await waitForReact(page, `#edit-${id}-body`)
    await editor.getByLabel('Comment', { exact: true }).fill('Edit-me: the text, corrected')
    // A URL the browser accepts but the server does not: the error comes back on the field, nothing is saved.
    await editor.getByLabel('Website').fill('ftp://typo.example')
    await editor.getByRole('button', { name: 'Save changes' }).click()
    await editor.getByText('A web address starting with http:// or https://, or nothing.').waitFor()
    await expect(editor.getByLabel('Website').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(editor.getByLabel('Comment', { exact: true }).inputValue()).resolves.toBe('Edit-me: the text, corrected')
    await editor.getByLabel('Website').fill('https://typo.example')
    const clicked = Date.now()
    await editor.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(/edited=/)
    const clickToPublicMs = await publicUntil((html) => html.includes('Edit-me: the text, corrected'), clicked)
    timings.push({ action: 'edit', clickToPublicMs, clickToQueueMs: 0 })
    await expect(row(page, id).textContent()).resolves.toContain(`Edited by ${EMAIL()}`)
  })

  test('Reply publishes a staff reply at once, marked as staff on the public page', async () => {
    const id = insertTestComment({ articleId: article.id, authorName: 'Curious', body: 'Reply-me: is this sourced?' })
    const page = await tracked({ signedIn: true })
    await openQueue(page, '?q=Reply-me')
    await row(page, id).getByRole('button', { name: 'Reply' }).click()
    await waitForReact(page, `#comment-${id} textarea`)
    await row(page, id).getByLabel('Reply to Curious').fill('Staff-answer: yes, from the UN.')
    await screenshot(page, 'admin-reply-form')
    await row(page, id).getByRole('button', { name: 'Post reply' }).click()
    await page.waitForURL(/replied=/)
    const replyId = Number(new URL(page.url()).searchParams.get('replied'))
    // Replying approved the comment too; both are public, the reply under it with the staff badge.
    expect(commentStatus(id)).toBe('approved')
    const reader = await tracked({ javaScriptEnabled: false })
    await reader.goto(article.url)
    const reply = reader.locator(`#comment-${id} #comment-${replyId}`)
    await expect(reply.textContent()).resolves.toContain('Staff-answer: yes, from the UN.')
    await expect(reply.locator('.comment__staff').first().textContent()).resolves.toBe('Staff')
  })

  test('keyboard: j moves to a comment, a approves it, u undoes that', async () => {
    const ids = [1, 2].map((n) => insertTestComment({ articleId: article.id, authorName: `Keys ${n}`, body: `Keyboard-test ${n}` }))
    const page = await tracked({ signedIn: true })
    await openQueue(page, '?q=Keyboard-test')
    await page.locator('#select-all').waitFor()
    await settle(page)
    const first = await page.locator('[data-comment-row]').first().getAttribute('data-comment-row')
    await page.keyboard.press('j')
    await expect(page.locator('[data-comment-row][data-current]').getAttribute('data-comment-row')).resolves.toBe(first)
    await page.keyboard.press('a')
    await page.waitForURL(/done=approve/)
    expect(commentStatus(Number(first))).toBe('approved')
    await page.keyboard.press('u')
    await page.waitForURL(/done=undo/)
    expect(commentStatus(Number(first))).toBe('pending')
    expect(ids).toContain(Number(first))
    expect(page.errors).toEqual([])
  })

  test('everything works without JavaScript: approve, trash, edit', async () => {
    const [a, b] = [1, 2].map((n) => insertTestComment({ articleId: article.id, authorName: `Plain ${n}`, body: `No-JS ${n}` }))
    const page = await tracked({ signedIn: true, javaScriptEnabled: false })
    await openQueue(page, '?q=No-JS')
    await screenshot(page, 'admin-queue-no-js', { fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'admin-queue-phone', { fullPage: true })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })
    await row(page, a as number).getByRole('button', { name: 'Approve' }).click()
    await page.waitForURL(/done=approve/)
    await row(page, b as number).getByRole('button', { name: 'Trash' }).click()
    await page.waitForURL(/done=trash/)
    expect([commentStatus(a as number), commentStatus(b as number)]).toEqual(['approved', 'trash'])
    await openQueue(page, '?status=approved&q=No-JS')
    await row(page, a as number).getByRole('button', { name: 'Edit' }).click()
    await row(page, a as number).getByLabel('Comment', { exact: true }).fill('No-JS 1, edited without JavaScript')
    await row(page, a as number).getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(/edited=/)
    expect((await publicPage()).html).toContain('No-JS 1, edited without JavaScript')
  })

  test('the audit log, dashboard and settings pages render, one h1 each', async () => {
    for (const js of [true, false]) {
      const page = await tracked({ signedIn: true, javaScriptEnabled: js })
      for (const [url, h1] of [
        ['/admin', 'Dashboard'],
        ['/admin/log', 'Audit log'],
        ['/admin/settings', 'Discussion settings'],
      ] as const) {
        const response = await page.goto(url)
        expect(response?.status()).toBe(200)
        expect(await page.locator('h1').allTextContents()).toEqual([h1])
        await screenshot(page, `admin-${h1.toLowerCase().replace(/\s+/g, '-')}${js ? '' : '-no-js'}`, { fullPage: true })
        if (url === '/admin/log') {
          const log = await page.locator('table.audit').textContent()
          expect(log).toContain('Approved')
          expect(log).toContain('pending → approved')
          expect(log).toContain('Failed sign-in')
        }
      }
    }
  })
})

describe('signing out', () => {
  test('Sign out ends the session for good: a copy of the old cookie no longer opens the desk', async () => {
    const page = await tracked()
    await page.goto('/admin')
    await signIn(page)
    await page.waitForURL('**/admin')
    const copied = await page.context().cookies()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/admin/sign-in?signedOut=1')
    await expect(page.locator('.admin-alert').textContent()).resolves.toBe('You have signed out.')
    await page.goto('/admin/comments')
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in')

    // Someone who had copied the cookie before sign-out gets nowhere with it.
    const thief: BrowserContext = (await tracked()).context()
    await thief.addCookies(copied)
    const stolen = await thief.newPage()
    await stolen.goto('/admin/comments')
    expect(new URL(stolen.url()).pathname).toBe('/admin/sign-in')
    await expect(stolen.locator('h1').textContent()).resolves.toBe('Sign in')
  })

  test('signing out through next-auth’s own endpoint ends the session for good too', async () => {
    const page = await tracked()
    await page.goto('/admin')
    await signIn(page)
    await page.waitForURL('**/admin')
    const copied = await page.context().cookies()
    const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    const response = await page.request.post('/api/auth/signout', { form: { csrfToken }, maxRedirects: 0 })
    expect(response.status()).toBe(302)
    expect((await page.context().cookies()).some((c) => c.name === 'authjs.session-token')).toBe(false)
    const thief = (await tracked()).context()
    await thief.addCookies(copied)
    const stolen = await thief.newPage()
    await stolen.goto('/admin')
    expect(new URL(stolen.url()).pathname).toBe('/admin/sign-in')
  })
})
