// Security headers on every kind of response of the running site, public pages still served from Next's cache,
// and no Content-Security-Policy violation from the site itself in the browser.
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { readerIp } from './support/db'
import { baseUrl, closePage, newPage, waitForHydration } from './support/page'

const ARTICLE = '/2022/01/14/kazakh-soldiers-un-blue-helmets'

/** The policy as a map from directive to its sources. */
const parse = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/)
      return [name, sources]
    }),
  )

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(baseUrl() + path, { redirect: 'manual', ...init })
  await response.arrayBuffer()
  return response
}

function expectCommonHeaders(path: string, headers: Headers) {
  expect({ path, nosniff: headers.get('x-content-type-options') }).toEqual({ path, nosniff: 'nosniff' })
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/)
  expect(headers.get('x-powered-by')).toBeNull()
  const csp = parse(headers.get('content-security-policy') ?? '')
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('form-action')).toEqual(["'self'"])
  expect(csp.get('default-src')).toEqual(["'self'"])
  return csp
}

describe('headers', () => {
  let assets: string[] = []
  beforeAll(async () => {
    const html = await (await fetch(baseUrl() + ARTICLE)).text()
    assets = [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1] ?? ''))].slice(0, 3)
    expect(assets.length).toBeGreaterThan(0)
  })

  it.each([
    ['the home page', '/', 200],
    ['an article', ARTICLE, 200],
    ['a section', '/section/world', 200],
    ['a reply page', `${ARTICLE}/reply/999999`, 404],
    ['a missing page', '/no-such-page', 404],
    ['a missing article', '/2022/01/14/no-such-article', 404],
    ['an article feed (or its 404 before feeds exist)', `${ARTICLE}/feed`, [200, 404]],
    ['the site feed (or its 404 before feeds exist)', '/feed', [200, 404]],
    ['the form token API', '/api/comment-token', 200],
    ['the comment status API', '/api/comments/status?ids=1', 200],
    ['the icon', '/icon.svg', 200],
    ['a redirect to the canonical article URL', '/2022/01/14/Kazakh-Soldiers-UN-Blue-Helmets', 308],
    ['a redirect from comment page 1 to the article', `${ARTICLE}/comments/1`, 308],
  ] as const)('on %s', async (_name, path, status) => {
    const response = await get(path)
    if (Array.isArray(status)) expect(status).toContain(response.status)
    else expect(response.status).toBe(status)
    const csp = expectCommonHeaders(path, response.headers)
    expect(response.headers.get('strict-transport-security')).toBeNull()
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
    // Public pages: scripts from the site and its inline bootstrap only; nothing from elsewhere, no eval.
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('on static assets and on the answer to a posted form', async () => {
    for (const asset of assets) expectCommonHeaders(asset, (await get(asset)).headers)
    const page = await (await fetch(baseUrl() + ARTICLE)).text()
    const fields = [...page.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?/g)]
    const form = new FormData()
    for (const m of fields) form.append(m[1] ?? '', (m[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    form.append('author', 'Header Hal')
    form.append('email', 'not an email')
    form.append('comment', 'Checking headers.')
    const answer = await get(ARTICLE, { method: 'POST', body: form, headers: { Origin: baseUrl(), 'X-Forwarded-For': readerIp() } })
    expect(answer.status).toBe(200)
    expectCommonHeaders('the answer', answer.headers)
  })

  it('answers Next’s own config-level redirects before the header rules, with no body to protect', async () => {
    // Known limit: Next sends its trailing-slash redirect and next.config.js redirects() without the headers()
    // rules. Those answers are empty 308s; the page they lead to carries every header.
    for (const [path, location] of [
      [`${ARTICLE}/`, ARTICLE],
      ['/page/1', '/'],
    ] as const) {
      const response = await fetch(baseUrl() + path, { redirect: 'manual' })
      expect(response.status).toBe(308)
      expect(new URL(response.headers.get('location') ?? '', baseUrl()).pathname).toBe(location)
      expect((await response.text()).length).toBeLessThan(100)
      expectCommonHeaders(location, (await get(location)).headers)
    }
  })

  it('adds HSTS and upgrade-insecure-requests when the request came over https', async () => {
    for (const path of ['/', ARTICLE, '/no-such-page', '/api/comment-token']) {
      const response = await get(path, { headers: { 'X-Forwarded-Proto': 'https' } })
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
      expect(parse(response.headers.get('content-security-policy') ?? '').has('upgrade-insecure-requests')).toBe(true)
    }
  })

  it('leaves public pages cached (no per-request nonce)', async () => {
    for (const path of [ARTICLE, '/section/world']) {
      await get(path)
      const again = await get(path)
      expect({ path, cache: again.headers.get('x-nextjs-cache') }).toEqual({ path, cache: 'HIT' })
      expect(again.headers.get('content-security-policy')).not.toMatch(/nonce-/)
    }
  })
})

describe('the site under its own Content-Security-Policy', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('triggers no violation while a reader browses, opens photos, comments and replies', async () => {
    const page = await newPage(browser, { headers: { 'X-Forwarded-For': readerIp() } })
    await page.goto('/')
    await page.goto('/section/world')
    await page.goto(ARTICLE)
    await waitForHydration(page, '#respond form')
    // The lightbox island.
    const photo = page.locator('article figure a[data-lightbox-index]').first()
    await photo.click()
    await page.getByRole('dialog').waitFor({ state: 'visible' })
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    // The comment island: a fresh token on focus, then an answer from the server action.
    await page.locator('#comment').fill('Checking the policy.')
    await page.locator('#author').fill('Policy Pat')
    await page.locator('#email').fill('not-an-email')
    await page.locator('#respond button[type=submit]').click()
    await page.locator('#email-error').waitFor()
    expect(page.errors).toEqual([])
    await closePage(page)
  })

  it('triggers no violation without JavaScript either, posting the form as a plain page', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, headers: { 'X-Forwarded-For': readerIp() } })
    await page.goto(ARTICLE)
    await page.locator('#comment').fill('Checking the policy without JavaScript.')
    await page.locator('#author').fill('Policy Pat')
    await page.locator('#email').fill('not-an-email')
    await Promise.all([page.waitForNavigation(), page.locator('#respond button[type=submit]').click()])
    expect(await page.locator('#email-error').count()).toBe(1)
    expect(page.errors).toEqual([])
    await closePage(page)
  })
})
