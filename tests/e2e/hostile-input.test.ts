// Hostile input, end to end: the Big List of Naughty Strings and generated XSS vectors as name, website and comment.
// The whole corpus goes through the real pipeline into the database of a site of the test's own, is stored as
// submitted after the documented normalisation (or refused with nothing stored), and is then rendered by that
// site (`next start`: server HTML, its inline RSC payload, JSON-LD and feeds where the site has them) and, for the
// author's own view and the refilled form, by the same components; in headless Chromium nothing of it runs
// (alert, prompt, confirm and a sentinel are trapped, CSP violations recorded). A sample goes through the real
// form in the browser, with JavaScript on and off.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { CommentFormFields } from '@/components/comments/comment-form-fields'
import { PostedComment } from '@/components/comments/posted-comment'
import { closeDb, getDb } from '@/db/client'
import { getDiscussionSettings, saveDiscussionSettings } from '@/db/queries/settings'
import { postComment } from '@/lib/comments/post'
import { toParagraphs } from '@/lib/comments/text'
import { issueFormToken } from '@/lib/comments/token'
import { COMMENT_LIMITS } from '@/lib/comments/validate'
import { articlePath } from '@/lib/content/slug'
import { securityHeaders } from '@/lib/security/headers'
import { expectedLine, expectedText, expectedUrl, generatedVectors, naughtyStrings, TRAP_SCRIPT, utf8Bytes, type Vector } from '../support/hostile-input'
import { FULL } from '../support/mode'
import { launchBrowser } from './support/browser'
import { nextIp } from './support/comment-form'
import { startSite, type Site } from './support/site'

const GENERATED = FULL ? 5000 : 600
const SAMPLE = FULL ? 40 : 8
const PER_PAGE = 500
const TIMEOUT_MS = (FULL ? 15 : 5) * 60_000
const SAMPLE_ARTICLE = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
// The corpus goes under another article (a placeholder published for the test), so the sample's page stays small.
const CORPUS_SLUG = 'spain-fears-power-outages-on-social-media'

type Expected = { id: number; author: string; body: string; url: string }

let site: Site
let browser: Browser
let corpusUrl = ''
let corpusArticleId = 0
const corpus: Vector[] = []
const stored = new Map<number, Expected>()
type Submitted = { author: string; email: string; url: string; comment: string }
const submitted: Submitted[] = []
/** Refused submissions come back in the form, as typed, for the reader to correct. */
const refusedForms: Submitted[] = []
const figures: Record<string, unknown> = {}
const previousDatabasePath = process.env.DATABASE_PATH

const sql = <T>(query: string, ...params: unknown[]) => getDb().$client.prepare(query).all(...params) as T[]
const commentCount = () => sql<{ n: number }>('SELECT count(*) AS n FROM comments')[0]?.n ?? 0

/** What a comment's text element holds as text when nothing in it became markup: its lines, without the breaks. */
const textOf = (body: string) => toParagraphs(body).flat().join('')

/** A browser context whose pages record any script that runs (see TRAP_SCRIPT) and any dialog. */
async function trappedContext(options: { javaScriptEnabled?: boolean; ip?: string } = {}): Promise<BrowserContext & { dialogs: string[] }> {
  const context = Object.assign(
    await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, extraHTTPHeaders: options.ip ? { 'X-Forwarded-For': options.ip } : undefined }),
    { dialogs: [] as string[] },
  )
  await context.addInitScript(TRAP_SCRIPT)
  context.on('page', (page) => page.on('dialog', (d) => void (context.dialogs.push(`${d.type()}: ${d.message()}`), d.dismiss())))
  return context
}
const hits = (page: Page) => page.evaluate(() => (window as unknown as { __hits?: string[] }).__hits ?? ['no trap installed'])

/** Inspects the rendered discussion: each comment's visible text, links, and anything that is not plain markup. */
function inspectComments() {
  const allowedInText = new Set(['P', 'BR', 'A'])
  const suspicious: string[] = []
  for (const el of document.querySelectorAll('#comments *')) {
    for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) suspicious.push(`${el.tagName} has ${attr}`)
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'FRAME', 'FRAMESET'].includes(el.tagName)) suspicious.push(`a ${el.tagName} element`)
  }
  for (const el of document.querySelectorAll('.comment__text *')) if (!allowedInText.has(el.tagName)) suspicious.push(`${el.tagName} in a comment's text`)
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#comments a[href]')) {
    if (!/^(https?:)$/.test(a.protocol)) suspicious.push(`link to ${a.getAttribute('href')}`)
  }
  const comments = [...document.querySelectorAll('#comments li.comment')].map((li) => {
    const author = li.querySelector(':scope > .comment__body .comment__author')
    const link = author?.querySelector('a')
    const text = li.querySelector(':scope > .comment__body .comment__text')
    const textLinks = [...(text?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('rel'))
    return {
      id: Number(li.id.replace('comment-', '')),
      author: author?.textContent ?? null,
      href: link?.getAttribute('href') ?? null,
      rel: link?.getAttribute('rel') ?? null,
      textLinkRels: textLinks,
      text: text?.textContent ?? null,
    }
  })
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => {
    try {
      JSON.parse(s.textContent ?? '')
      return 'ok'
    } catch (e) {
      return `invalid JSON-LD: ${(e as Error).message}`
    }
  })
  return { suspicious, comments, jsonLd }
}

beforeAll(async () => {
  site = await startSite()
  process.env.DATABASE_PATH = site.databasePath
  closeDb()
  getDb().$client.prepare('UPDATE articles SET is_stub = 0 WHERE slug = ?').run(CORPUS_SLUG)
  const article = sql<{ id: number; published_at: string }>('SELECT id, published_at FROM articles WHERE slug = ?', CORPUS_SLUG)[0]
  if (!article) throw new Error(`the seed has no article ${CORPUS_SLUG}`)
  corpusArticleId = article.id
  corpusUrl = articlePath(article.published_at, CORPUS_SLUG)
  corpus.push(...naughtyStrings(), ...generatedVectors(GENERATED))
  browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  closeDb()
  process.env.DATABASE_PATH = previousDatabasePath
  await site?.stop()
  console.log(`hostile-input figures: ${JSON.stringify(figures)}`)
})

describe('the whole corpus', () => {
  it('is stored as submitted after the documented normalisation, or refused with nothing stored', () => {
    const T0 = Date.parse('2025-06-01T00:00:00Z')
    let refused = 0
    const submit = (form: { author: string; email: string; url: string; comment: string }) => {
      const now = new Date(T0 + submitted.length * 1000)
      submitted.push(form)
      const before = commentCount()
      const result = postComment({
        articleId: corpusArticleId,
        form: { ...form, comment_parent: '0', comment_token: issueFormToken(now.getTime() - 60_000) },
        ip: '',
        userAgent: 'corpus',
        now,
      })
      const want = { author: expectedLine(form.author), comment: expectedText(form.comment), url: expectedUrl(form.url) }
      const valid =
        want.author !== '' &&
        utf8Bytes(want.author) <= COMMENT_LIMITS.author &&
        want.comment !== '' &&
        utf8Bytes(want.comment) <= COMMENT_LIMITS.comment &&
        'url' in want.url &&
        utf8Bytes(form.url.trim()) <= COMMENT_LIMITS.url &&
        utf8Bytes(want.url.url) <= COMMENT_LIMITS.url
      expect({ text: form, ok: result.ok }).toEqual({ text: form, ok: valid })
      if (!result.ok || !('url' in want.url)) {
        refused++
        refusedForms.push(form)
        expect(commentCount()).toBe(before)
        return
      }
      const [row] = sql<{ author_name: string; body: string; author_url: string }>('SELECT author_name, body, author_url FROM comments WHERE id = ?', result.comment.id)
      expect(row).toEqual({ author_name: want.author, body: want.comment, author_url: want.url.url })
      stored.set(result.comment.id, { id: result.comment.id, author: want.author, body: want.comment, url: want.url.url })
    }
    corpus.forEach((vector, i) => {
      // As name and comment; and, separately, as website (a refused website would refuse the whole comment).
      submit({ author: vector.text, email: `corpus-a-${i}@example.test`, url: '', comment: vector.text })
      submit({ author: `Website ${i}`, email: `corpus-b-${i}@example.test`, url: vector.text, comment: `Website test ${i}.` })
    })
    figures.corpus = { vectors: corpus.length, blns: corpus.filter((v) => v.encoding === 'blns').length, generated: GENERATED, submissions: submitted.length, stored: stored.size, refused }
    expect(stored.size).toBeGreaterThan(corpus.length / 2)
    // Published, as a moderator would, many to a page.
    getDb().$client.prepare("UPDATE comments SET status = 'approved' WHERE article_id = ?").run(corpusArticleId)
    saveDiscussionSettings({ ...getDiscussionSettings(), commentsPerPage: PER_PAGE })
  }, TIMEOUT_MS)

  it('is rendered by the site as text, with only http(s) nofollow ugc links, and none of it runs in Chromium', async () => {
    const pages = Math.ceil(stored.size / PER_PAGE)
    const context = await trappedContext()
    const seen = new Set<number>()
    const problems: string[] = []
    for (let n = 1; n <= pages; n++) {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)))
      const url = `${site.baseUrl}${n === 1 ? corpusUrl : `${corpusUrl}/comments/${n}`}`
      const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
      expect(response?.status()).toBe(200)
      expect(response?.headers()['content-security-policy']).toBeTruthy()
      // Let hydration, lazy images and any handler that could fire have their turn.
      await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined)
      const { suspicious, comments, jsonLd } = await page.evaluate(inspectComments)
      problems.push(...suspicious.map((s) => `page ${n}: ${s}`), ...jsonLd.filter((j) => j !== 'ok'), ...errors.map((e) => `page ${n}: ${e}`))
      problems.push(...(await hits(page)).map((h) => `page ${n}: ran ${h}`))
      for (const c of comments) {
        const want = stored.get(c.id)
        if (!want) continue
        seen.add(c.id)
        if (c.author !== want.author) problems.push(`comment ${c.id}: author shown as ${JSON.stringify(c.author)}, stored ${JSON.stringify(want.author)}`)
        if (c.text !== textOf(want.body)) problems.push(`comment ${c.id}: text shown as ${JSON.stringify(c.text?.slice(0, 200))}`)
        if ((c.href ?? '') !== want.url) problems.push(`comment ${c.id}: website link ${c.href}, stored ${want.url}`)
        if (c.href && c.rel !== 'nofollow ugc noopener') problems.push(`comment ${c.id}: website rel ${c.rel}`)
        for (const rel of c.textLinkRels) if (rel !== 'nofollow ugc noopener') problems.push(`comment ${c.id}: link rel ${rel}`)
      }
      await page.close()
    }
    // The comments' feed, where the site has one: well-formed XML in which no vector became an element.
    const feed = await fetch(`${site.baseUrl}${corpusUrl}/feed`)
    let feedChecked = false
    if (feed.status === 200) {
      const xml = await feed.text()
      const page = await context.newPage()
      await page.goto(`${site.baseUrl}/api/comment-token`)
      const verdict = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml')
        if (doc.querySelector('parsererror')) return 'not well-formed'
        return doc.getElementsByTagNameNS('*', 'script').length || doc.getElementsByTagNameNS('*', 'img').length ? 'markup in the feed' : 'ok'
      }, xml)
      expect(verdict).toBe('ok')
      feedChecked = true
      await page.close()
    } else expect(feed.status).toBe(404)
    expect(context.dialogs).toEqual([])
    await context.close()
    figures.rendered = { pages, commentsChecked: seen.size, feedChecked }
    expect(problems.slice(0, 20)).toEqual([])
    expect(seen.size).toBe(stored.size)
  }, TIMEOUT_MS)

  it("is shown as text in the author's own view and in the refilled form, and none of it runs", async () => {
    // The site's own headers, as the pages that show these (the article and the action's answer) carry them.
    const headers = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]))
    const chunks: string[] = []
    const posted = [...stored.values()]
    const CHUNK = 400
    for (let i = 0; i < Math.max(posted.length, refusedForms.length); i += CHUNK) {
      const own = posted.slice(i, i + CHUNK).map((c) =>
        renderToStaticMarkup(
          createElement(PostedComment, { comment: { id: c.id, parentId: null, status: 'pending', authorName: c.author, authorUrl: c.url, body: c.body, createdAt: '2025-06-01T00:00:00.000Z', avatarSeed: 'abcdef123456' } }),
        ),
      )
      const forms = refusedForms
        .slice(i, i + CHUNK)
        .map((values) => renderToStaticMarkup(createElement('form', null, createElement(CommentFormFields, { values: { ...values, remember: false }, errors: { url: 'Your website address must start with http:// or https://.' } }))))
      chunks.push(`<!doctype html><html><head><meta charset="utf-8"></head><body><div id="comments">${own.join('')}</div>${forms.join('')}</body></html>`)
    }
    const context = await trappedContext()
    await context.route('http://corpus.test/**', (route) => {
      const n = Number(new URL(route.request().url()).pathname.slice(1))
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: chunks[n] ?? '' })
    })
    const problems: string[] = []
    let forms = 0
    for (const [n] of chunks.entries()) {
      const page = await context.newPage()
      await page.goto(`http://corpus.test/${n}`, { waitUntil: 'load' })
      await page.waitForTimeout(200)
      const result = await page.evaluate(() => {
        const out: string[] = []
        for (const el of document.querySelectorAll('body *')) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) out.push(`${el.tagName} has ${attr}`)
          if (!['DIV', 'SVG', 'RECT', 'PATH', 'B', 'P', 'BR', 'A', 'FORM', 'SPAN', 'LABEL', 'TEXTAREA', 'INPUT'].includes(el.tagName.toUpperCase())) out.push(`a ${el.tagName} element`)
        }
        return { out, texts: [...document.querySelectorAll('.comment--own .comment__text')].map((t) => t.textContent), forms: document.querySelectorAll('form').length }
      })
      problems.push(...result.out, ...(await hits(page)).map((h) => `ran ${h}`))
      posted.slice(n * CHUNK, (n + 1) * CHUNK).forEach((c, i) => {
        if (result.texts[i] !== textOf(c.body)) problems.push(`own comment ${c.id} shown as ${JSON.stringify(result.texts[i]?.slice(0, 100))}`)
      })
      forms += result.forms
      await page.close()
    }
    expect(context.dialogs).toEqual([])
    await context.close()
    figures.ownViewAndForms = { documents: chunks.length, ownComments: posted.length, refilledForms: forms }
    expect(problems.slice(0, 20)).toEqual([])
    expect(forms).toBe(refusedForms.length)
  }, TIMEOUT_MS)
})

describe('a sample through the real form', () => {
  it(`stores and shows ${SAMPLE} vectors posted with JavaScript on and off, and runs none of them`, async () => {
    // Vectors a person could type: no NUL, lone surrogate or carriage return, which browsers change on the way.
    const typeable = corpus.filter((v) => !/[\u0000\r]/.test(v.text) && v.text.isWellFormed() && expectedLine(v.text) !== '')
    const step = Math.floor(typeable.length / SAMPLE)
    const sample = typeable.filter((_, i) => i % step === 0).slice(0, SAMPLE)
    const insertKnown = getDb().$client.prepare(
      `INSERT INTO comments (article_id, author_name, author_email, body, status, reason, created_at, updated_at)
       SELECT id, ?, ?, 'An earlier comment.', 'approved', 'test fixture', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z' FROM articles WHERE slug = ?`,
    )
    type Reader = { js: boolean; email: string; context: BrowserContext & { dialogs: string[] }; page: Page; sent: { author: string; url: string; comment: string } }
    const open = async (vector: Vector, i: number): Promise<Reader> => {
      const js = i % 2 === 0
      const email = `sample-${i}@example.test`
      // A known author, so the comment is published at once and the public page shows it.
      insertKnown.run(expectedLine(vector.text), email, 'kazakh-soldiers-un-blue-helmets')
      const context = await trappedContext({ javaScriptEnabled: js, ip: nextIp(21) })
      const page = await context.newPage()
      await page.goto(site.baseUrl + SAMPLE_ARTICLE, { timeout: 90_000 })
      if (js) await page.waitForFunction(() => Object.keys(document.querySelector('#respond form') ?? {}).some((k) => k.startsWith('__reactFiber$')), null, { timeout: 60_000 })
      await page.fill('#author', vector.text)
      await page.fill('#email', email)
      await page.fill('#url', i % 4 < 2 ? vector.text : '')
      await page.fill('#comment', vector.text)
      // What the browser will send (inputs drop line breaks), for comparing with what is stored.
      const sent = { author: await page.inputValue('#author'), url: await page.inputValue('#url'), comment: await page.inputValue('#comment') }
      return { js, email, context, page, sent }
    }
    const problems: string[] = []
    let published = 0
    const readers: Reader[] = []
    // A few readers at a time: each fills the form, they wait out the 3 s rule together, then each submits.
    const BATCH = 6
    for (let b = 0; b < sample.length; b += BATCH) {
      const batch = await Promise.all(sample.slice(b, b + BATCH).map((vector, j) => open(vector, b + j)))
      readers.push(...batch)
      await new Promise((resolve) => setTimeout(resolve, 3300))
      for (const { js, email, context, page, sent } of batch) {
        if (js) {
          await page.locator('#respond button[type=submit]').click()
          await page.waitForFunction(() => !!document.querySelector('#respond .comment-answer')?.getAttribute('data-answered-at'), null, { timeout: 60_000 })
        } else {
          await Promise.all([page.waitForNavigation({ timeout: 60_000 }), page.locator('#respond button[type=submit]').click()])
        }
        const answer = await page.locator('#respond .comment-answer').innerText()
        const rows = sql<{ id: number; author_name: string; body: string; author_url: string; status: string }>(
          "SELECT id, author_name, body, author_url, status FROM comments WHERE author_email = ? AND body != 'An earlier comment.'",
          email,
        )
        const want = { author: expectedLine(sent.author), body: expectedText(sent.comment.replace(/\r\n/g, '\n')), url: expectedUrl(sent.url) }
        if ('url' in want.url && want.body && utf8Bytes(want.author) <= COMMENT_LIMITS.author) {
          if (!/published/.test(answer)) problems.push(`${email}: answered ${JSON.stringify(answer)}`)
          expect(rows).toEqual([{ id: expect.any(Number), author_name: want.author, body: want.body, author_url: want.url.url, status: 'approved' }])
          published++
        } else {
          expect(rows).toEqual([])
          expect(answer).toMatch(/correct the/)
        }
        if (js) problems.push(...(await hits(page)).map((h) => `${email} (answer): ran ${h}`))
        problems.push(...context.dialogs.map((d) => `${email}: dialog ${d}`))
        await context.close()
      }
    }

    // A new reader opens the article: every published sample is there, as text, and nothing runs.
    const context = await trappedContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())))
    await page.goto(site.baseUrl + SAMPLE_ARTICLE)
    // Bounded: a background prefetch Chromium holds open must not fail the check (everything else has loaded by then).
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
    const { suspicious, comments } = await page.evaluate(inspectComments)
    problems.push(...suspicious, ...errors, ...(await hits(page)).map((h) => `reader: ran ${h}`), ...context.dialogs)
    const shown = new Set(comments.map((c) => c.id))
    for (const { email } of readers) {
      const row = sql<{ id: number }>("SELECT id FROM comments WHERE author_email = ? AND body != 'An earlier comment.'", email)[0]
      if (row && !shown.has(row.id)) problems.push(`${email}: comment ${row.id} is not on the page`)
    }
    await context.close()
    figures.sample = { vectors: readers.length, withJavaScript: readers.filter((r) => r.js).length, published }
    expect(problems).toEqual([])
  }, TIMEOUT_MS)
})
