// Pages for the browser tests: each in its own context, recording what went wrong (CSP violations included),
// plus screenshots as artefacts.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', 'artifacts')

/** A page that remembers console errors, CSP violations, uncaught errors and failed same-origin asset requests. */
export type TrackedPage = Page & { errors: string[] }

export type NewPageOptions = {
  javaScriptEnabled?: boolean
  viewport?: { width: number; height: number }
  /** Extra request headers, e.g. a distinct X-Forwarded-For so the flood rule treats each test as its own reader. */
  headers?: Record<string, string>
  /** The system colour scheme the page sees (`prefers-color-scheme`); Chromium's default is light. */
  colorScheme?: 'light' | 'dark'
  /** The reader's `prefers-reduced-motion` setting. */
  reducedMotion?: 'reduce' | 'no-preference'
}

/** The server every test talks to, started by global-setup.ts. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests through jest (tests/e2e/support/global-setup.ts starts the site)')
  return url
}

const ASSET_TYPES = new Set(['stylesheet', 'script', 'image', 'font', 'media', 'fetch', 'xhr'])

export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<TrackedPage> {
  const origin = new URL(baseUrl()).origin
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    extraHTTPHeaders: options.headers,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  })
  // A Content-Security-Policy violation is a fault of the site: report it as a console error, which lands in `errors`.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`), true)
  })
  const page = Object.assign(await context.newPage(), { errors: [] as string[] })
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => page.errors.push(`page error: ${error.stack ?? error.message}`))
  page.on('response', (response) => {
    const request = response.request()
    if (response.status() >= 400 && ASSET_TYPES.has(request.resourceType()) && new URL(response.url()).origin === origin) {
      page.errors.push(`${response.status()} for ${request.resourceType()} ${response.url()}`)
    }
  })
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed'
    // Navigating away cancels lazy images and prefetches: that is not a fault of the page.
    if (failure.includes('ERR_ABORTED')) return
    // With JavaScript off, Chromium refuses to load scripts and reports it as a CSP failure.
    if (options.javaScriptEnabled === false && request.resourceType() === 'script') return
    if (ASSET_TYPES.has(request.resourceType()) && new URL(request.url()).origin === origin) {
      page.errors.push(`${failure} for ${request.resourceType()} ${request.url()}`)
    }
  })
  return page
}

/** Closes the page together with its context (each page has its own). */
export async function closePage(page: Page): Promise<void> {
  await page.context().close()
}

/** Saves a PNG into tests/artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`)
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false })
  return file
}

/** Scrolls every image into view (those below the fold are lazy) and waits until each has loaded or failed. */
export async function loadAllImages(page: Page): Promise<void> {
  for (const image of await page.locator('img').all()) {
    await image.scrollIntoViewIfNeeded()
    await image.evaluate(
      (img: HTMLImageElement) =>
        img.complete
          ? undefined
          : new Promise<void>((resolve) => {
              img.addEventListener('load', () => resolve(), { once: true })
              img.addEventListener('error', () => resolve(), { once: true })
            }),
    )
  }
  await page.evaluate(() => window.scrollTo(0, 0))
}

/**
 * Waits until React has hydrated the element `selector` names (it then carries a `__reactFiber$…` key) and
 * the network is quiet, so islands' effects have run: clicking earlier would follow the plain link.
 */
export async function waitForHydration(page: Page, selector: string): Promise<void> {
  await waitForReact(page, selector)
  await settle(page)
}

/** Waits until React has hydrated the element `selector` names (its DOM node carries a fiber), and no longer. */
export async function waitForReact(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const element = document.querySelector(sel)
      return element !== null && Object.keys(element).some((key) => key.startsWith('__reactFiber$'))
    },
    selector,
    { timeout: 30_000 },
  )
}

/**
 * Lets the page's requests settle, for a while only: headless Chromium sometimes holds a background prefetch of a
 * header link (`/section/world?_rsc=…`) open for about 30 s, and the page is usable meanwhile.
 */
export async function settle(page: Page, timeoutMs = 5_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined)
}
