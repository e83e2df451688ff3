// "Leave a Reply" in a real browser, with JavaScript on and off: errors that keep what was typed, pending comments
// seen only by their author, replies in place and on the reply page, remembered details, and hostile text shown as text.
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { e2eDb, readerIp } from './support/db'
import { baseUrl, closePage, newPage, screenshot, waitForHydration, type TrackedPage } from './support/page'

const ARTICLE_URL = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
let browser: Browser
let articleId: number

/** Gives `email` an approved comment on record (long ago), so the policy approves their next one at once. */
function makeKnownAuthor(name: string, email: string): void {
  const db = e2eDb()
  db.prepare(
    `INSERT INTO comments (article_id, author_name, author_email, body, status, reason, created_at, updated_at)
     VALUES (?, ?, ?, 'An earlier comment.', 'approved', 'test fixture', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  ).run(articleId, name, email)
  db.close()
}

function storedComments(email: string): { id: number; status: string; reason: string; parent_id: number | null; author_name: string; author_url: string; body: string }[] {
  const db = e2eDb()
  const rows = db.prepare('SELECT * FROM comments WHERE author_email = ? AND body != ? ORDER BY id').all(email, 'An earlier comment.') as never[]
  db.close()
  return rows
}

async function fill(page: Page, values: { comment?: string; author?: string; email?: string; url?: string }) {
  for (const [name, value] of Object.entries(values)) if (value !== undefined) await page.locator(`#respond [name="${name}"]`).fill(value)
}

/** Submits the form; with JavaScript waits for the island's answer, without it for the new page. */
async function submit(page: Page, js: boolean) {
  // Forms served (or, with JavaScript, focused) under 3 seconds ago count as spam; people take longer than that.
  await page.waitForTimeout(3200)
  if (js) {
    const before = await page.locator('#respond .comment-answer').getAttribute('data-answered-at')
    await page.locator('#respond button[type=submit]').click()
    await page.waitForFunction((b) => {
      const answered = document.querySelector('#respond .comment-answer')?.getAttribute('data-answered-at')
      return !!answered && answered !== b
    }, before)
  } else {
    await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.locator('#respond button[type=submit]').click()])
  }
}

async function reader(js: boolean): Promise<TrackedPage> {
  return newPage(browser, { javaScriptEnabled: js, headers: { 'X-Forwarded-For': readerIp() } })
}

async function openArticle(page: TrackedPage, js: boolean, url = ARTICLE_URL) {
  await page.goto(url)
  if (js) await waitForHydration(page, '#respond form')
}

beforeAll(async () => {
  browser = await launchBrowser()
  const db = e2eDb()
  articleId = (db.prepare('SELECT id FROM articles WHERE slug = ?').get('kazakh-soldiers-un-blue-helmets') as { id: number }).id
  db.close()
})
afterAll(async () => {
  await browser?.close()
})

describe.each([true, false])('posting a comment with JavaScript %s', (js) => {
  const label = js ? 'on' : 'off'

  it('shows a specific error next to the field and keeps everything typed', async () => {
    const page = await reader(js)
    await openArticle(page, js)
    const typed = { comment: `Typed with JS ${label}.\n\nSecond paragraph.`, author: `Errol ${label}`, email: 'not-an-email', url: 'javascript:alert(1)' }
    await fill(page, typed)
    await submit(page, js)
    expect(await page.locator('#email-error').innerText()).toMatch(/valid email address/)
    expect(await page.locator('#url-error').innerText()).toMatch(/http/)
    expect(await page.locator('#email').getAttribute('aria-describedby')).toContain('email-error')
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true')
    expect(await page.inputValue('#comment')).toBe(typed.comment)
    expect(await page.inputValue('#author')).toBe(typed.author)
    expect(await page.inputValue('#email')).toBe(typed.email)
    expect(await page.inputValue('#url')).toBe(typed.url)
    expect(await page.locator('#respond [role=alert]').innerText()).toMatch(/correct the 2 fields/)
    if (js) expect(await page.evaluate(() => document.activeElement?.classList.contains('comment-answer'))).toBe(true)
    // Without JavaScript the answer is a new page, scrolled to the form and its messages.
    else expect(new URL(page.url()).hash).toBe('#respond')
    await screenshot(page, `comment-error-js-${label}`)
    expect(storedComments(typed.email)).toEqual([])
    expect(page.errors).toEqual([])
    await closePage(page)
  })

  it('holds a first comment for moderation and shows it to its author only', async () => {
    const page = await reader(js)
    await openArticle(page, js)
    const email = `first-${label}@example.com`
    await fill(page, { comment: `My first comment, JS ${label}.`, author: `First ${label}`, email })
    await submit(page, js)
    const own = page.locator('#respond .comment--own')
    expect(await own.innerText()).toContain('Your comment is awaiting moderation.')
    expect(await own.innerText()).toContain(`My first comment, JS ${label}.`)
    expect(storedComments(email)).toEqual([expect.objectContaining({ status: 'pending', reason: expect.stringMatching(/first comment/) })])

    if (js) {
      // A later visit from the same browser still shows it; the comment text field is empty again.
      await openArticle(page, js)
      await page.locator('#respond .comment--own').waitFor()
      expect(await page.locator('#respond .comment--own').innerText()).toContain(`My first comment, JS ${label}.`)
    }
    const stranger = await reader(js)
    await openArticle(stranger, js)
    expect(await stranger.content()).not.toContain(`My first comment, JS ${label}.`)
    await closePage(stranger)
    await closePage(page)
  })
})

describe('with JavaScript on', () => {
  it('keeps a draft across a reload', async () => {
    const page = await reader(true)
    await openArticle(page, true)
    await page.locator('#comment').pressSequentially('A draft I do not want to lose')
    await page.reload()
    await waitForHydration(page, '#respond form')
    await page.waitForFunction(() => (document.querySelector('#comment') as HTMLTextAreaElement).value !== '')
    expect(await page.inputValue('#comment')).toBe('A draft I do not want to lose')
    await closePage(page)
  })

  it('remembers name, email and website only with consent', async () => {
    const page = await reader(true)
    await openArticle(page, true)
    await fill(page, { comment: 'Remember me.', author: 'Remy', email: 'remy@example.com', url: 'https://remy.example' })
    await page.check('#wp-comment-cookies-consent')
    await submit(page, true)
    await openArticle(page, true)
    await page.waitForFunction(() => (document.querySelector('#author') as HTMLInputElement).value === 'Remy')
    expect(await page.inputValue('#email')).toBe('remy@example.com')
    expect(await page.inputValue('#url')).toBe('https://remy.example')
    expect(await page.isChecked('#wp-comment-cookies-consent')).toBe(true)

    await page.uncheck('#wp-comment-cookies-consent')
    await fill(page, { comment: 'Forget me now.' })
    await submit(page, true)
    await openArticle(page, true)
    await page.waitForTimeout(500)
    expect(await page.inputValue('#author')).toBe('')
    expect(await page.isChecked('#wp-comment-cookies-consent')).toBe(false)
    await closePage(page)
  })

  it('publishes a known author at once, for every reader, and threads a reply under it in place', async () => {
    makeKnownAuthor('Known Kate', 'kate@example.com')
    makeKnownAuthor('Replying Rob', 'rob@example.com')
    const page = await reader(true)
    await openArticle(page, true)
    await fill(page, { comment: 'Approved straight away.', author: 'Known Kate', email: 'kate@example.com' })
    await submit(page, true)
    expect(await page.locator('#respond [role=status]').innerText()).toMatch(/published/)
    const [kate] = storedComments('kate@example.com')
    expect(kate?.status).toBe('approved')
    await page.locator(`#comment-${kate?.id}`).waitFor()

    const fresh = await reader(false)
    await fresh.goto(ARTICLE_URL)
    expect(await fresh.locator(`#comment-${kate?.id}`).innerText()).toContain('Approved straight away.')
    await closePage(fresh)

    // A new address for the reply, so it is not a flood from Kate's.
    await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': readerIp() })
    await page.locator(`#comment-${kate?.id} a.comment__reply`).click()
    expect(await page.locator(`#comment-${kate?.id} #respond`).count()).toBe(1)
    expect(await page.locator('#reply-title').innerText()).toContain('Leave a Reply to Known Kate')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment')
    await screenshot(page, 'comment-reply-in-place')
    await fill(page, { comment: 'A reply, in place.', author: 'Replying Rob', email: 'rob@example.com' })
    await submit(page, true)
    const [rob] = storedComments('rob@example.com')
    expect(rob).toMatchObject({ status: 'approved', parent_id: kate?.id })
    await page.locator(`#comment-${kate?.id} .comment-children #comment-${rob?.id}`).waitFor()
    expect(page.errors).toEqual([])
    await closePage(page)
  })

  it('shows markup typed into name, website and comment as text, and never runs it', async () => {
    makeKnownAuthor('<img src=x onerror="window.__xss=1">', 'xss@example.com')
    const page = await reader(true)
    let dialogs = 0
    page.on('dialog', async (d) => {
      dialogs++
      await d.dismiss()
    })
    await openArticle(page, true)
    const body = '<script>window.__xss=2</script><b>not bold</b> "quoted" & <a href="javascript:alert(1)">x</a>'
    await fill(page, { comment: body, author: '<img src=x onerror="window.__xss=1">', email: 'xss@example.com', url: 'http://evil.example/"><script>window.__xss=3</script>' })
    await submit(page, true)
    const [row] = storedComments('xss@example.com')
    expect(row).toMatchObject({ status: 'approved', body })
    const fresh = await reader(true)
    await fresh.goto(ARTICLE_URL)
    const item = fresh.locator(`#comment-${row?.id}`)
    expect(await item.locator('.comment__text').innerText()).toBe(body)
    expect(await item.locator('.comment__author').innerText()).toBe('<img src=x onerror="window.__xss=1">')
    expect(await item.locator('.comment__author a').getAttribute('rel')).toBe('nofollow ugc noopener')
    expect(await item.locator('.comment__text b, script, img[src=x]').count()).toBe(0)
    expect(await fresh.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(dialogs).toBe(0)
    await closePage(fresh)
    await closePage(page)
  })
})

describe('with JavaScript off', () => {
  it('replies through the reply page, which is not indexed', async () => {
    makeKnownAuthor('Parent Pat', 'pat@example.com')
    makeKnownAuthor('Nojs Nell', 'nell@example.com')
    const js = await reader(true)
    await openArticle(js, true)
    await fill(js, { comment: 'A parent for a no-JS reply.', author: 'Parent Pat', email: 'pat@example.com' })
    await submit(js, true)
    const [pat] = storedComments('pat@example.com')
    await closePage(js)

    const page = await reader(false)
    await page.goto(ARTICLE_URL)
    const replyHref = await page.locator(`#comment-${pat?.id} a.comment__reply`).getAttribute('href')
    expect(replyHref).toBe(`${ARTICLE_URL}/reply/${pat?.id}#respond`)
    const response = await page.goto(replyHref ?? '')
    expect(response?.status()).toBe(200)
    expect(await page.locator('meta[name=robots]').first().getAttribute('content')).toMatch(/noindex/)
    expect(await page.locator(`#comment-${pat?.id} #respond`).count()).toBe(1)
    expect(await page.locator('#reply-title').innerText()).toContain('Leave a Reply to Parent Pat')
    expect(await page.locator('[name=comment_parent]').inputValue()).toBe(String(pat?.id))
    await fill(page, { comment: 'Replying without JavaScript.', author: 'Nojs Nell', email: 'nell@example.com' })
    await submit(page, false)
    expect(await page.locator('#respond [role=status]').innerText()).toMatch(/published/)
    const [nell] = storedComments('nell@example.com')
    expect(nell).toMatchObject({ status: 'approved', parent_id: pat?.id })
    await page.goto(ARTICLE_URL)
    await page.locator(`#comment-${pat?.id} .comment-children #comment-${nell?.id}`).waitFor()
    await closePage(page)
  })

  it('refuses a reply to a comment that is not approved', async () => {
    const db = e2eDb()
    const { lastInsertRowid } = db
      .prepare(`INSERT INTO comments (article_id, author_name, author_email, body, status, created_at, updated_at) VALUES (?, 'Held', 'held@example.com', 'held', 'pending', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`)
      .run(articleId)
    db.close()
    const page = await reader(false)
    const response = await page.goto(`${ARTICLE_URL}/reply/${lastInsertRowid}`)
    expect(response?.status()).toBe(404)
    await closePage(page)
  })
})

it('never puts an email address in public HTML', async () => {
  const html = await (await fetch(`${baseUrl()}${ARTICLE_URL}`)).text()
  expect(html).toContain('Known Kate')
  for (const email of ['kate@example.com', 'rob@example.com', 'pat@example.com', 'nell@example.com', 'xss@example.com']) {
    expect(html).not.toContain(email)
  }
})
