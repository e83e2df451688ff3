// Keyboard-only journeys in a real browser: no clicks, no fills, only Tab, Enter, Space, arrows, Escape and typing.
// Read an article and use its gallery; post a comment (fixing errors first) and reply to it; search from the header.
// Sign in to the admin desk and approve, spam and trash comments, with the buttons and with the shortcuts.
import type { Browser, Cookie, Page } from 'playwright-core'
import { ensureTestAdmin, sessionCookies, type TestAdmin } from './support/admin'
import { launchBrowser } from './support/browser'
import { closeE2eDatabase, commentStatus, insertTestArticle, insertTestComment } from './support/database'
import { e2eDb, readerIp } from './support/db'
import { tabThroughPage } from './support/focus'
import { ARTICLE_URL } from './support/page-types'
import { closePage, newPage, screenshot, waitForHydration, waitForReact, type TrackedPage } from './support/page'

let browser: Browser
let articleId: number
const pages: Page[] = []

beforeAll(async () => {
  browser = await launchBrowser()
  const db = e2eDb()
  articleId = (db.prepare('SELECT id FROM articles WHERE slug = ?').get(ARTICLE_URL.split('/').pop()) as { id: number }).id
  db.close()
})

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => closePage(page)))
})

afterAll(async () => {
  await browser?.close()
  closeE2eDatabase()
})

async function reader(viewport?: { width: number; height: number }): Promise<TrackedPage> {
  const page = await newPage(browser, { headers: { 'X-Forwarded-For': readerIp() }, viewport })
  pages.push(page)
  return page
}

const focused = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
const activeName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').replace(/\s+/g, ' ').trim()
  })

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 150 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    if (await focused(page, selector)) return presses
  }
  throw new Error(`${selector} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`)
}

/** Gives `email` an approved comment on record, so the policy publishes their next one at once. */
function makeKnownAuthor(name: string, email: string): void {
  const db = e2eDb()
  db.prepare(
    `INSERT INTO comments (article_id, author_name, author_email, body, status, reason, created_at, updated_at)
     VALUES (?, ?, ?, 'An earlier comment.', 'approved', 'test fixture', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  ).run(articleId, name, email)
  db.close()
}

function stored(email: string): { id: number; status: string; parent_id: number | null; body: string }[] {
  const db = e2eDb()
  const rows = db.prepare('SELECT id, status, parent_id, body FROM comments WHERE author_email = ? AND body != ? ORDER BY id').all(email, 'An earlier comment.')
  db.close()
  return rows as never[]
}

/** Waits for the comment island's next answer (it stamps data-answered-at). */
async function nextAnswer(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction((b) => {
    const answered = document.querySelector('#respond .comment-answer')?.getAttribute('data-answered-at')
    return !!answered && answered !== b
  }, before)
}
const answeredAt = (page: Page) => page.locator('#respond .comment-answer').getAttribute('data-answered-at')

describe('with the keyboard only', () => {
  test('read an article: skip to it, open the gallery, move through it, close it, follow a related link', async () => {
    const page = await reader()
    await page.goto(ARTICLE_URL)
    await waitForHydration(page, 'a[data-lightbox-index]')

    await page.keyboard.press('Tab')
    expect(await focused(page, '.skip-link')).toBe(true)
    await page.keyboard.press('Enter')
    expect(await focused(page, 'main')).toBe(true)

    // From the top of the content, the first photo is a handful of stops away: section, byline, …
    const presses = await tabTo(page, 'a[data-lightbox-index="0"]')
    expect(presses).toBeLessThan(8)
    const scrolled = await page.evaluate(() => window.scrollY)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await activeName(page)).toBe('Close')
    await screenshot(page, 'keyboard-gallery-open')

    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => window.location.hash === '#photo-2')
    expect(await dialog.getAttribute('aria-label')).toBe('Photo 2 of 2')
    expect(await dialog.locator('[aria-live]').innerText()).toMatch(/^Photo 2 of 2: /)
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(() => window.location.hash === '#photo-1')

    // Tab and Shift+Tab stay inside the dialog, on its three buttons.
    const names: string[] = []
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key)
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true)
      names.push(await activeName(page))
    }
    expect(names).toEqual(['Previous photo', 'Next photo', 'Close', 'Previous photo', 'Close', 'Next photo'])
    await page.keyboard.press('Enter') // on Next photo
    await page.waitForFunction(() => window.location.hash === '#photo-2')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Focus goes back to the photo that opened it, and the page has not moved: the reader is where they were,
    // though the skip link left #main in the address.
    await page.waitForFunction(() => document.activeElement?.matches('a[data-lightbox-index="0"]'), undefined, { timeout: 5_000 })
    await page.waitForTimeout(300)
    expect(await focused(page, 'a[data-lightbox-index="0"]')).toBe(true)
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(50)
    expect(await page.evaluate(() => window.location.hash)).toBe('#main')

    // Read on: the next related link, then follow it.
    await tabTo(page, 'aside.related a')
    const title = await activeName(page)
    await Promise.all([page.waitForURL((url) => url.pathname !== ARTICLE_URL), page.keyboard.press('Enter')])
    await page.locator('h1').waitFor()
    expect((await page.locator('h1').innerText()).trim()).toBe(title)
    expect(page.errors).toEqual([])
  })

  test('post a comment, fixing two errors first, then reply to it', async () => {
    makeKnownAuthor('Keyboard Kim', 'kim@example.com')
    makeKnownAuthor('Replying Ray', 'ray@example.com')
    const page = await reader()
    await page.goto(ARTICLE_URL)
    await waitForHydration(page, '#respond form')

    await tabTo(page, '#comment', { max: 200 })
    await page.keyboard.type('Typed without a mouse.')
    await page.keyboard.press('Tab')
    expect(await focused(page, '#author')).toBe(true)
    await page.keyboard.type('Keyboard Kim')
    await page.keyboard.press('Tab')
    await page.keyboard.type('kim.example.com')
    await page.keyboard.press('Tab')
    expect(await focused(page, '#url')).toBe(true)
    await page.keyboard.type('javascript:alert(1)')
    // Forms sent under 3 seconds after they were served count as spam; people take longer.
    await page.waitForTimeout(3200)
    let before = await answeredAt(page)
    await page.keyboard.press('Enter')
    await nextAnswer(page, before)

    // The error is announced (role=alert) and focus moves to it; each message links to its field.
    expect(await page.locator('#respond [role=alert]').innerText()).toMatch(/Please correct the 2 fields marked below/)
    expect(await focused(page, '.comment-answer')).toBe(true)
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'keyboard-comment-errors')
    await page.keyboard.press('Tab')
    expect(await activeName(page)).toMatch(/valid email address/)
    await page.keyboard.press('Enter')
    expect(await focused(page, '#email')).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('kim@example.com')
    await page.keyboard.press('Tab')
    expect(await focused(page, '#url')).toBe(true)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Backspace')
    before = await answeredAt(page)
    await page.keyboard.press('Enter')
    await nextAnswer(page, before)
    expect(await page.locator('#respond [role=status]').innerText()).toMatch(/published/)
    const [kim] = stored('kim@example.com')
    expect(kim).toMatchObject({ status: 'approved', body: 'Typed without a mouse.', parent_id: null })

    // Reply: back up to the new comment's Reply link; the form moves under it with the caret in the comment box.
    await page.locator(`#comment-${kim?.id}`).waitFor()
    // Someone else replies from this browser (one sender may post once every 15 seconds), from their own address.
    await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': readerIp() })
    await tabTo(page, `#comment-${kim?.id} a.comment__reply`, { backwards: true, max: 60 })
    await page.keyboard.press('Enter')
    expect(await focused(page, `#comment-${kim?.id} #respond #comment`)).toBe(true)
    expect(await page.locator('#reply-title').innerText()).toContain('Leave a Reply to Keyboard Kim')
    // Changing one's mind: Cancel reply puts the form back and focus on the Reply link; Enter opens it again.
    await tabTo(page, '.cancel-reply', { backwards: true, max: 5 })
    await page.keyboard.press('Enter')
    expect(await focused(page, `#comment-${kim?.id} a.comment__reply`)).toBe(true)
    expect(await page.locator(`#comment-${kim?.id} #respond`).count()).toBe(0)
    await page.keyboard.press('Enter')
    expect(await focused(page, `#comment-${kim?.id} #respond #comment`)).toBe(true)
    await page.keyboard.type('And a reply, also by keyboard.')
    await page.keyboard.press('Tab')
    expect(await page.inputValue('#author')).toBe('Keyboard Kim') // kept from the first post
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Replying Ray')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('ray@example.com')
    await page.waitForTimeout(3200)
    before = await answeredAt(page)
    await page.keyboard.press('Enter')
    await nextAnswer(page, before)
    expect(await page.locator('#respond [role=status]').innerText()).toMatch(/published/)
    const [reply] = stored('ray@example.com')
    expect(reply).toMatchObject({ status: 'approved', parent_id: kim?.id, body: 'And a reply, also by keyboard.' })
    await page.locator(`#comment-${kim?.id} .comment-children #comment-${reply?.id}`).waitFor()
    expect(page.errors).toEqual([])
  })

  test('search from the header', async () => {
    const page = await reader({ width: 390, height: 844 })
    await page.goto('/')
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Tab') // site name
    await page.keyboard.press('Tab')
    expect(await focused(page, 'input[type=search][name=q]')).toBe(true)
    await page.keyboard.type('blue helmets')
    await Promise.all([page.waitForURL(/\/search\?q=blue\+helmets$/), page.keyboard.press('Enter')])
    expect(await page.locator('.search-hit').count()).toBe(1)
    await tabTo(page, '.search-hit h2 a', { max: 30 })
    await Promise.all([page.waitForURL((url) => url.pathname === ARTICLE_URL), page.keyboard.press('Enter')])
  })
})

describe('the admin desk with the keyboard only', () => {
  // This file's own admin: another file's sign-out test ends every session of the account it signs out.
  const ADMIN: TestAdmin = { email: 'keyboard-desk@example.test', password: 'keyboard-desk-password' }
  let article: { id: number; url: string }
  let session: Cookie[] = []

  beforeAll(async () => {
    await ensureTestAdmin(ADMIN)
    article = insertTestArticle('keyboard-desk-e2e', 'A test article for the keyboard desk')
  })

  /** From the top of the sign-in page: Tab to Email, type, Tab to Password, type, Enter. */
  async function signInWithKeys(page: Page, password: string): Promise<void> {
    await tabTo(page, '#email', { max: 20 })
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(ADMIN.email)
    await page.keyboard.press('Tab')
    expect(await focused(page, '#password')).toBe(true)
    await page.keyboard.type(password)
    await page.keyboard.press('Enter')
  }

  /** A signed-in page: signs in with the keyboard the first time, then reuses that session. */
  async function moderator(viewport?: { width: number; height: number }): Promise<TrackedPage> {
    const page = await reader(viewport)
    if (session.length) {
      await page.context().addCookies(session)
      return page
    }
    await page.goto('/admin/sign-in')
    await waitForReact(page, 'form.sign-in-form')
    await signInWithKeys(page, ADMIN.password)
    await page.waitForURL((url) => url.pathname === '/admin')
    session = sessionCookies(await page.context().cookies())
    return page
  }

  /**
   * The shortcuts island renders the select-all box once hydrated, after its effect has added the key listener.
   * (No wait for network quiet: Chromium can hold a repeated prefetch of a header link for half a minute.)
   */
  const shortcutsReady = (page: Page) => page.locator('#select-all').waitFor()

  /** Tagged on opening the page, to check later that messages arrive in this same element (see heard()). */
  const tagLiveRegion = (page: Page) => page.locator('#queue-flash').evaluate((el) => void Object.assign(el, { e2eLiveRegion: true }))

  async function openQueue(page: Page, query: string): Promise<number[]> {
    await page.goto(`/admin/comments${query}`)
    await shortcutsReady(page)
    await tagLiveRegion(page)
    return page.locator('[data-comment-row]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-comment-row'))))
  }

  /**
   * What a screen reader is told after an action: a new message in the polite live region (role=status) that was
   * already in the page, so assistive technology reports it, even when it says the same words as the one before.
   */
  async function heard(page: Page, message: string): Promise<void> {
    type Message = Element & { e2eHeard?: boolean }
    await page.waitForFunction(
      (m) => {
        const p = document.querySelector<Message>('#queue-flash p')
        return !!p && p.textContent === m && !p.e2eHeard
      },
      message,
      { timeout: 15_000 },
    )
    await page.locator('#queue-flash p').evaluate((p) => Object.assign(p, { e2eHeard: true }))
    const region = await page.locator('#queue-flash').evaluate((el) => ({
      role: el.getAttribute('role'),
      sameElement: (el as HTMLElement & { e2eLiveRegion?: boolean }).e2eLiveRegion === true,
    }))
    expect(region).toEqual({ role: 'status', sameElement: true })
  }

  /** Where focus is, and whether it can be seen: an outline of 2 px or more, on an element in view. */
  const focusState = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return { on: 'body', visible: false }
      const style = getComputedStyle(el)
      const rect = el.getBoundingClientRect()
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
      return { on: el.id || el.tagName.toLowerCase(), visible: outlined && rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0 }
    })

  /** Gives keys that should do nothing time to do something, and checks they sent nothing (an action is a POST). */
  async function nothingSent(page: Page, keys: () => Promise<void>): Promise<void> {
    const posts: string[] = []
    const record = (request: { method(): string; url(): string }) => void (request.method() === 'POST' && posts.push(request.url()))
    page.on('request', record)
    await keys()
    await page.waitForTimeout(800)
    page.off('request', record)
    expect(posts).toEqual([])
  }

  test('sign in: Tab to the fields, a wrong password is announced, the right one opens the dashboard', async () => {
    const page = await reader()
    await page.goto('/admin/comments')
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in')
    await waitForReact(page, 'form.sign-in-form')
    await signInWithKeys(page, 'not-the-password')
    const alert = page.getByRole('alert')
    await alert.filter({ hasText: 'Wrong email or password.' }).waitFor()
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true')
    // The password was emptied and the caret is still in it: type it again and press Enter.
    expect(await page.inputValue('#password')).toBe('')
    expect(await focused(page, '#password')).toBe(true)
    await screenshot(page, 'keyboard-admin-sign-in-error')
    await page.keyboard.type(ADMIN.password)
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/admin/comments')
    expect(await page.locator('h1').innerText()).toBe('Comments')
    session = sessionCookies(await page.context().cookies())
    expect(session.length).toBeGreaterThan(0)
    expect(page.errors).toEqual([])
  })

  test('approve, spam and trash with Tab and Enter or Space; focus moves on to the next comment, then to the message', async () => {
    const ids = [1, 2, 3].map((n) => insertTestComment({ articleId: article.id, authorName: `Tabby ${n}`, body: `Desk-tab comment ${n}` }))
    const page = await moderator()
    const [r0, r1, r2] = (await openQueue(page, '?q=Desk-tab')) as [number, number, number]
    expect([r0, r1, r2].sort()).toEqual([...ids].sort())

    await tabTo(page, `#comment-${r0} button[data-action="approve"]`)
    await page.keyboard.press('Enter')
    await heard(page, '1 comment approved.')
    expect(commentStatus(r0)).toBe('approved')
    // The approved comment left the list; the one that took its place has focus, outlined.
    expect(await focusState(page)).toEqual({ on: `comment-${r1}`, visible: true })
    await screenshot(page, 'keyboard-admin-after-approve')

    // From there a few Tabs reach its buttons.
    await tabTo(page, `#comment-${r1} button[data-action="spam"]`, { max: 12 })
    await page.keyboard.press('Space')
    await heard(page, '1 comment marked as spam.')
    expect(commentStatus(r1)).toBe('spam')
    expect(await focusState(page)).toEqual({ on: `comment-${r2}`, visible: true })

    await tabTo(page, `#comment-${r2} button[data-action="trash"]`, { max: 12 })
    await page.keyboard.press('Enter')
    await heard(page, '1 comment moved to the trash.')
    expect(commentStatus(r2)).toBe('trash')
    // Nothing is left to move on to: focus is on the message, whose Undo button is the next stop.
    expect(await focusState(page)).toEqual({ on: 'queue-flash', visible: true })
    expect(await page.locator('.admin-empty').innerText()).toBe('No comments match.')
    await screenshot(page, 'keyboard-admin-list-emptied')
    await page.keyboard.press('Tab')
    expect(await activeName(page)).toBe('Undo')
    await page.keyboard.press('Enter')
    await heard(page, '1 comment restored to its previous state.')
    expect(commentStatus(r2)).toBe('pending')
    expect(await focusState(page)).toEqual({ on: 'queue-flash', visible: true })
    expect(await page.locator(`#comment-${r2}`).count()).toBe(1)
    expect(page.errors).toEqual([])
  })

  test('j and k move, a, s and d act, u undoes; focus stays on the list, every action is announced', async () => {
    const ids = [1, 2, 3, 4].map((n) => insertTestComment({ articleId: article.id, authorName: `Keys ${n}`, body: `Desk-keys comment ${n}` }))
    const page = await moderator()
    const [r0, r1, r2, r3] = (await openQueue(page, '?q=Desk-keys')) as [number, number, number, number]
    expect([r0, r1, r2, r3].sort()).toEqual([...ids].sort())
    const current = () => page.locator('[data-comment-row][data-current]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-comment-row'))))

    for (const key of ['j', 'j', 'k']) await page.keyboard.press(key)
    expect(await current()).toEqual([r0])
    expect(await focusState(page)).toEqual({ on: `comment-${r0}`, visible: true })

    await page.keyboard.press('a')
    await heard(page, '1 comment approved.')
    expect(commentStatus(r0)).toBe('approved')
    // As in a mail client, the next comment takes the place (and the focus) of the one that left.
    expect(await focusState(page)).toEqual({ on: `comment-${r1}`, visible: true })
    expect(await current()).toEqual([r1])

    await page.keyboard.press('j')
    expect(await focusState(page)).toEqual({ on: `comment-${r2}`, visible: true })
    await page.keyboard.press('s')
    await heard(page, '1 comment marked as spam.')
    expect(commentStatus(r2)).toBe('spam')
    expect(await focusState(page)).toEqual({ on: `comment-${r3}`, visible: true })

    await page.keyboard.press('d')
    await heard(page, '1 comment moved to the trash.')
    expect(commentStatus(r3)).toBe('trash')
    // The last row left: focus goes to the one before it.
    expect(await focusState(page)).toEqual({ on: `comment-${r1}`, visible: true })

    await page.keyboard.press('u')
    await heard(page, '1 comment restored to its previous state.')
    expect(commentStatus(r3)).toBe('pending')
    expect(await focusState(page)).toEqual({ on: `comment-${r1}`, visible: true })

    // Two approvals in a row say the same words twice: the second is a new message all the same (see heard()).
    await page.keyboard.press('a')
    await heard(page, '1 comment approved.')
    expect(commentStatus(r1)).toBe('approved')
    expect(await focusState(page)).toEqual({ on: `comment-${r3}`, visible: true })
    await page.keyboard.press('a')
    await heard(page, '1 comment approved.')
    expect(commentStatus(r3)).toBe('approved')
    expect(await focusState(page)).toEqual({ on: 'queue-flash', visible: true })
    // With the list empty the shortcuts still work: u brings the comment back.
    await page.keyboard.press('u')
    await heard(page, '1 comment restored to its previous state.')
    expect(commentStatus(r3)).toBe('pending')
    expect(await page.locator(`#comment-${r3}`).count()).toBe(1)
    expect(page.errors).toEqual([])
  })

  test('the shortcuts never fire while typing in a field, and can be turned off (and on again)', async () => {
    const id = insertTestComment({ articleId: article.id, authorName: 'Typist', body: 'Desk-typing comment' })
    const page = await moderator()
    await openQueue(page, '?q=Desk-typing')

    await tabTo(page, '#queue-q')
    await page.keyboard.press('ControlOrMeta+A')
    await nothingSent(page, () => page.keyboard.type('jkasdu'))
    expect(await page.inputValue('#queue-q')).toBe('jkasdu')
    expect(commentStatus(id)).toBe('pending')
    expect(await page.locator('[data-comment-row][data-current]').count()).toBe(0)
    expect(page.url()).not.toContain('done=')

    // The reply box opens with the caret in it; a reply full of shortcut letters is just text.
    await page.goto(`/admin/comments?q=Desk-typing&reply=${id}`)
    await shortcutsReady(page)
    expect(await focused(page, `#reply-${id}-body`)).toBe(true)
    await nothingSent(page, () => page.keyboard.type('a sad duck, j k'))
    expect(await page.inputValue(`#reply-${id}-body`)).toBe('a sad duck, j k')
    expect(commentStatus(id)).toBe('pending')

    // Turned off (WCAG 2.1.4), a stays a letter even with focus on the comment's own link; the choice is remembered.
    await openQueue(page, '?q=Desk-typing')
    await tabTo(page, '#shortcuts-on')
    expect(await page.locator('#shortcuts-on').isChecked()).toBe(true)
    await page.keyboard.press('Space')
    expect(await page.locator('#shortcuts-on').isChecked()).toBe(false)
    await page.reload()
    await shortcutsReady(page)
    await tagLiveRegion(page)
    expect(await page.locator('#shortcuts-on').isChecked()).toBe(false)
    await tabTo(page, `#comment-${id} a[href^="mailto:"]`)
    await nothingSent(page, async () => {
      await page.keyboard.press('j')
      await page.keyboard.press('a')
    })
    expect(commentStatus(id)).toBe('pending')
    expect(await page.locator('[data-comment-row][data-current]').count()).toBe(0)

    // On again, the same key on the same link approves the comment.
    await tabTo(page, '#shortcuts-on', { backwards: true })
    await page.keyboard.press('Space')
    expect(await page.locator('#shortcuts-on').isChecked()).toBe(true)
    await tabTo(page, `#comment-${id} a[href^="mailto:"]`)
    await page.keyboard.press('a')
    await heard(page, '1 comment approved.')
    expect(commentStatus(id)).toBe('approved')
  })

  const tours = [
    { name: 'sign-in page', path: '/admin/sign-in', signedIn: false, viewport: { width: 1280, height: 900 } },
    { name: 'dashboard', path: '/admin', signedIn: true, viewport: { width: 1280, height: 900 } },
    { name: 'queue', path: '/admin/comments?q=Desk-tour', signedIn: true, viewport: { width: 1280, height: 900 } },
    { name: 'queue on a phone', path: '/admin/comments?q=Desk-tour', signedIn: true, viewport: { width: 390, height: 844 } },
    { name: 'audit log', path: '/admin/log', signedIn: true, viewport: { width: 1280, height: 900 } },
    { name: 'settings', path: '/admin/settings', signedIn: true, viewport: { width: 1280, height: 900 } },
  ]
  let tourComment: number | undefined
  test.each(tours)('$name: every control Tab reaches shows its focus, in view and uncovered', async ({ path, signedIn, viewport }) => {
    tourComment ??= insertTestComment({ articleId: article.id, authorName: 'Tour Guide', body: 'Desk-tour comment, with a link to https://example.org' })
    const page = signedIn ? await moderator(viewport) : await reader(viewport)
    await page.goto(path)
    // The theme switch, like the queue's select-all box, only appears once hydrated.
    await waitForReact(page, '.theme-switch button')
    if (path.startsWith('/admin/comments')) await shortcutsReady(page)
    const { seen, problems } = await tabThroughPage(page)
    expect(seen.length).toBeGreaterThan(10)
    expect(problems).toEqual([])
  })
})
