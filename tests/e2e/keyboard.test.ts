// Keyboard-only journeys in a real browser: no clicks, no fills, only Tab, Enter, arrows, Escape and typing.
// Read an article and use its gallery; post a comment (fixing errors first) and reply to it; search from the header.
// The admin desk's journeys (sign in, approve, spam, trash) belong with the admin pages.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { e2eDb, readerIp } from './support/db'
import { ARTICLE_URL } from './support/page-types'
import { closePage, newPage, screenshot, waitForHydration, type TrackedPage } from './support/page'

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
