// A reader's path through the seed article in a real browser: home → article → photos → related links → comment form.
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { baseUrl, closePage, loadAllImages, newPage, screenshot, settle, waitForHydration, type TrackedPage } from './support/page'


const ARTICLE_URL = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
const HEADLINE = 'What were Kazakh soldiers doing in the UN peacekeeping forces?'
const CREDITS = ['Vladimir Tretyakov / NUR.KZ via AP', 'Vladimir Tretyakov/NUR.KZ via The Associated Press']
const CAPTIONS = ['A picture of Kazakh soldiers in blue helmets', 'Another shot of Kazakh soldiers wearing blue helmets']
const RELATED = [
  { label: 'See also', title: 'Spain, fears power outages on social media' },
  { label: 'Read also', title: 'In 2020, the United Nations celebrated its seventy-fifth birthday' },
  { label: 'See also', title: 'This dog-specific airline offers reserved seating, cocktails, and games' },
  { label: 'Read also', title: 'In Kazakhstan, the revolution against the regime has been largely suppressed' },
]
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The seed's ordinary paragraphs: every non-blank line but the headline, captions, related links and the form trailer. */
function seedParagraphs(): string[] {
  const raw = fs.readFileSync(path.resolve(__dirname, '..', '..', 'db', 'seed', 'kazakh-blue-helmets.txt'), 'utf8')
  const lines = raw
    .replace(/ยป/g, '»') // the importer repairs this mojibake
    .split(/\r?\n/)
    .map(normalise)
    .filter(Boolean)
  return lines.slice(1).filter(
    (line) =>
      !/\([^()]*\bvia\b[^()]*\)$/.test(line) && // photo caption with its credit
      !/^See also\s/.test(line) &&
      !/^[–—-]\s*Read also:/.test(line) &&
      line !== 'Leave a Reply' &&
      !line.startsWith('Your email address'),
  )
}

async function open(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: 'load' })
  if (!response) throw new Error(`no response for ${url}`)
  return response
}

/** Scrolls the image into view (it may be lazy) and waits for it to load; returns its natural width. */
async function loadedWidth(image: Locator): Promise<number> {
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
  return image.evaluate((img: HTMLImageElement) => img.naturalWidth)
}

let browser: Browser
const pages: Page[] = []

async function tracked(options?: Parameters<typeof newPage>[1]): Promise<TrackedPage> {
  const page = await newPage(browser, options)
  pages.push(page)
  return page
}

beforeAll(async () => {
  browser = await launchBrowser()
})

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => closePage(page)))
})

afterAll(async () => {
  await browser?.close()
})

describe('the seed article', () => {
  test('has one h1, the headline, and every paragraph of the seed text', async () => {
    const page = await tracked()
    const response = await open(page, ARTICLE_URL)
    expect(response.status()).toBe(200)
    const headings = await page.locator('h1').allTextContents()
    expect(headings.map(normalise)).toEqual([HEADLINE])

    const text = normalise((await page.locator('article').first().textContent()) ?? '')
    const paragraphs = seedParagraphs()
    expect(paragraphs.length).toBeGreaterThan(8)
    const missing = paragraphs.filter((paragraph) => !text.includes(paragraph))
    expect(missing).toEqual([])
    expect(text).not.toContain('ยป')
  })

  test('shows both photos, loaded, with their captions and credits', async () => {
    const page = await tracked()
    await open(page, ARTICLE_URL)
    const figures = page.locator('article figure')
    await expect(figures.count()).resolves.toBe(2)
    for (const [i, credit] of CREDITS.entries()) {
      const figure = figures.nth(i)
      await expect(figure.locator('img').count()).resolves.toBe(1)
      expect(await loadedWidth(figure.locator('img'))).toBeGreaterThan(0)
      const caption = normalise((await figure.locator('figcaption').textContent()) ?? '')
      expect(caption).toContain(CAPTIONS[i])
      expect(caption).toContain(credit)
    }
  })

  test('links to the four related articles, labelled, and each of them answers with its title', async () => {
    const page = await tracked()
    await open(page, ARTICLE_URL)
    // Every link in the article whose container reads "See also …" or "Read also …", in document order.
    const found = await page.locator('article a').evaluateAll((links) =>
      links.flatMap((a) => {
        const container = (a.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim()
        const label = /^(See also|Read also)\b/.exec(container)?.[1]
        return label ? [{ label, title: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') ?? '' }] : []
      }),
    )
    expect(found.map(({ label, title }) => ({ label, title }))).toEqual(RELATED)

    for (const { title, href } of found) {
      const response = await open(page, href)
      expect({ href, status: response.status() }).toEqual({ href, status: 200 })
      expect((await page.locator('h1').allTextContents()).map(normalise)).toEqual([title])
    }
  })

  test('opens its photos in a lightbox driven by the URL hash and the keyboard', async () => {
    const page = await tracked()
    await open(page, ARTICLE_URL)
    await waitForHydration(page, 'a[data-lightbox-index]')
    const links = page.locator('article figure a[data-lightbox-index]')
    await expect(links.count()).resolves.toBe(2)
    const dialog = page.getByRole('dialog')
    const hash = () => page.evaluate(() => window.location.hash)

    await links.first().scrollIntoViewIfNeeded()
    await links.first().click()
    await dialog.waitFor({ state: 'visible' })
    expect(page.url()).toContain(ARTICLE_URL)
    expect(await hash()).toBe('#photo-1')
    expect(normalise((await dialog.textContent()) ?? '')).toContain(CREDITS[0])

    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => window.location.hash === '#photo-2')
    await page.waitForFunction(
      (caption) => document.querySelector('[role="dialog"]')?.textContent?.includes(caption) ?? false,
      CAPTIONS[1] ?? '',
    )
    expect(normalise((await dialog.textContent()) ?? '')).toContain(CREDITS[1])

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Focus goes back to the link that opened the lightbox.
    await page.waitForFunction(() => document.activeElement === document.querySelector('article a[data-lightbox-index]'), undefined, {
      timeout: 5_000,
    })
    expect(await hash()).toBe('')

    // The keyboard opens it too, and browser Back closes it.
    await links.first().focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'visible' })
    expect(await hash()).toBe('#photo-1')
    await page.goBack()
    await dialog.waitFor({ state: 'detached' })
    expect(await hash()).toBe('')
    expect(page.url()).toContain(ARTICLE_URL)

    expect(page.errors).toEqual([])
  })

  test('has the comment list and a comment form with the WordPress field names', async () => {
    const page = await tracked()
    await open(page, ARTICLE_URL)
    await expect(page.locator('#comments').count()).resolves.toBe(1)
    await expect(page.locator('#respond').count()).resolves.toBe(1)
    for (const name of ['author', 'email', 'url', 'comment']) {
      await expect(page.locator(`#respond [name="${name}"]`).count()).resolves.toBe(1)
    }
    const form = normalise((await page.locator('#respond').textContent()) ?? '')
    expect(form).toContain('Your email address will not be published.')
    expect(form).toContain('Required fields are marked')
  })

  test('still shows the headline, photos and comment form without JavaScript', async () => {
    const page = await tracked({ javaScriptEnabled: false })
    const response = await open(page, ARTICLE_URL)
    expect(response.status()).toBe(200)
    expect((await page.locator('h1').allTextContents()).map(normalise)).toEqual([HEADLINE])
    const figures = page.locator('article figure')
    await expect(figures.count()).resolves.toBe(2)
    for (let i = 0; i < 2; i++) {
      expect(await loadedWidth(figures.nth(i).locator('img'))).toBeGreaterThan(0)
    }
    for (const name of ['author', 'email', 'comment']) {
      expect(await page.locator(`#respond [name="${name}"]`).isVisible()).toBe(true)
    }
  })
})

describe('listings', () => {
  test('the home page links to the article', async () => {
    const page = await tracked()
    const response = await open(page, '/')
    expect(response.status()).toBe(200)
    await expect(page.locator(`a[href="${ARTICLE_URL}"]`).count()).resolves.toBeGreaterThan(0)
  })

  test.each(['/section/world', '/tag/kazakhstan', '/author/staff'])('%s lists the article', async (url) => {
    const page = await tracked()
    const response = await open(page, url)
    expect(response.status()).toBe(200)
    await expect(page.locator(`a[href="${ARTICLE_URL}"]`).count()).resolves.toBeGreaterThan(0)
  })
})

describe('missing pages', () => {
  test('an unknown article answers 404 with a link home', async () => {
    const page = await tracked()
    const response = await open(page, '/2022/01/14/no-such-article')
    expect(response.status()).toBe(404)
    await expect(page.locator('a[href="/"]').filter({ visible: true }).count()).resolves.toBeGreaterThan(0)
  })

  test('an unknown section answers 404', async () => {
    const page = await tracked()
    const response = await open(page, '/section/no-such-section')
    expect(response.status()).toBe(404)
  })

  // Next 16 answers a page's own notFound() with an empty body that only JavaScript fills in; proxy.ts routes
  // unknown slugs to the real not-found page, so crawlers and readers without JavaScript get its text and links.
  test.each(['/2022/01/14/no-such-article', '/2022/01/14/no-such-article/reply/3', '/section/nope', '/author/nope', '/tag/nope'])(
    '%s answers 404 with the not-found page in its HTML',
    async (url) => {
      const response = await fetch(`${baseUrl()}${url}`)
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(html).toContain('<h1>Page not found</h1>')
      expect(html).toContain('href="/"')
      expect(html).toMatch(/<meta name="robots" content="noindex/)
    },
  )
})

describe('quality', () => {
  test.each([
    ['home', '/'],
    ['article', ARTICLE_URL],
  ])('the %s page logs no console errors, page errors or failed requests', async (_name, url) => {
    const page = await tracked()
    await page.goto(url)
    await settle(page)
    await loadAllImages(page)
    await settle(page)
    expect(page.errors).toEqual([])
  })

  test.each([
    ['article', ARTICLE_URL],
    ['home', '/'],
  ])('screenshots of the %s page on a phone and a desktop', async (name, url) => {
    for (const [device, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const page = await tracked({ viewport })
      await page.goto(url)
      await settle(page)
      await loadAllImages(page)
      const file = await screenshot(page, `${name}-${device}`, { fullPage: true })
      expect(fs.statSync(file).size).toBeGreaterThan(1000)
    }
  })
})
