// WCAG 2.2 AA in a real browser: axe on every page type in both themes on a phone and a desktop, then what axe
// cannot see: skip link, landmarks and headings, visible and unobscured focus, reflow, 200% text, reduced motion,
// the theme switch without a flash, print, the reading measure, and what a screen reader is told.
import type { Browser, Page } from 'playwright-core'
import { THEME_SCRIPT } from '@/lib/theme'
import { axeViolations } from './support/axe'
import { tabThroughPage } from './support/focus'
import { launchBrowser } from './support/browser'
import { readerIp } from './support/db'
import { ARTICLE_URL, PAGE_TYPES, THEMES, VIEWPORTS, pathOf, type PageType } from './support/page-types'
import { baseUrl, closePage, loadAllImages, newPage, screenshot, waitForHydration, type NewPageOptions, type TrackedPage } from './support/page'

let browser: Browser
const pages: Page[] = []

async function tracked(options?: NewPageOptions): Promise<TrackedPage> {
  const page = await newPage(browser, { headers: { 'X-Forwarded-For': readerIp() }, ...options })
  pages.push(page)
  return page
}

/** Opens a page type and brings it into the state to audit; checks its status. */
async function visit(page: TrackedPage, type: PageType): Promise<void> {
  await type.before?.(page)
  const response = await page.goto(pathOf(type), { waitUntil: 'load' })
  expect({ page: type.name, status: response?.status() }).toEqual({ page: type.name, status: type.status ?? 200 })
  await type.prepare?.(page)
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

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase()

describe.each(THEMES)('axe, $name theme', ({ name: theme, colorScheme }) => {
  describe.each(VIEWPORTS)('on a $name', ({ name: device, viewport }) => {
    test.each(PAGE_TYPES.map((type) => [type.name, type] as const))('%s: no violation', async (name, type) => {
      const page = await tracked({ colorScheme, viewport })
      await visit(page, type)
      await loadAllImages(page)
      const violations = await axeViolations(page)
      await screenshot(page, `a11y-${slug(name)}-${theme}-${device}`, { fullPage: true })
      expect(violations).toEqual([])
    })
  })
})

describe('structure of every page type', () => {
  test.each(PAGE_TYPES.map((type) => [type.name, type] as const))('%s: landmarks, one h1, no skipped heading level', async (_name, type) => {
    const page = await tracked()
    await visit(page, type)
    const outline = await page.evaluate(() => {
      const visible = (el: Element) => !el.closest('[aria-hidden="true"], [hidden]')
      const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter(visible)
      return {
        levels: headings.map((h) => Number(h.tagName[1])),
        banner: document.querySelectorAll('body > header, [role=banner]').length,
        main: document.querySelectorAll('main').length,
        contentinfo: document.querySelectorAll('body > footer').length,
        nav: document.querySelectorAll('header nav[aria-label]').length,
        search: document.querySelectorAll('header form[role=search]').length,
      }
    })
    expect(outline.levels.filter((l) => l === 1)).toHaveLength(1)
    expect(outline.levels[0]).toBe(1)
    const skipped = outline.levels.flatMap((level, i) => (i > 0 && level > (outline.levels[i - 1] ?? 1) + 1 ? [[outline.levels[i - 1], level]] : []))
    expect(skipped).toEqual([])
    expect(outline).toMatchObject({ banner: 1, main: 1, contentinfo: 1, nav: 1, search: 1 })
  })

  test('related links on the article are complementary landmarks (aside)', async () => {
    const page = await tracked()
    await page.goto(ARTICLE_URL)
    const asides = await page.locator('article aside').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')))
    expect(asides).toHaveLength(4)
    expect(asides.every((label) => /^(See|Read) also: /.test(label ?? ''))).toBe(true)
  })
})

describe('keyboard focus', () => {
  test('the first Tab reaches a visible skip link that moves focus to the main content', async () => {
    const page = await tracked()
    await page.goto(ARTICLE_URL)
    await page.keyboard.press('Tab')
    const skip = page.locator('.skip-link')
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.y >= 0 && box.width >= 24 && box.height >= 24).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  })

  test.each(VIEWPORTS)('on a $name, every focusable element on the article shows its focus, uncovered', async ({ viewport }) => {
    const page = await tracked({ viewport })
    await page.goto(ARTICLE_URL)
    await waitForHydration(page, '#respond form')
    const { seen, problems } = await tabThroughPage(page)
    expect(seen.length).toBeGreaterThan(20)
    expect(problems).toEqual([])
  })
})

describe('reflow and text size', () => {
  test.each(PAGE_TYPES.map((type) => [type.name, type] as const))('%s: no horizontal scroll at 320 px wide', async (_name, type) => {
    const page = await tracked({ viewport: { width: 320, height: 640 } })
    await visit(page, type)
    await loadAllImages(page)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(320)
  })

  const textSizeCases = VIEWPORTS.flatMap(({ name, viewport }) =>
    PAGE_TYPES.filter((type) => ['article', 'reply page', 'search results', 'admin queue, all', 'admin settings with a field error'].includes(type.name)).map((type) => ({
      device: name,
      viewport,
      type,
    })),
  )
  test.each(textSizeCases)('on a $device, the $type.name with text at 200% has no horizontal scroll, no clipped text, no overlap in the masthead', async ({ device: name, viewport, type }) => {
    const page = await tracked({ viewport })
    await visit(page, type)
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' })
    await loadAllImages(page)
    const result = await page.evaluate(() => {
      const clipped: string[] = []
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (el.closest('.visually-hidden, .hp-field, [aria-hidden="true"]')) continue
        const style = getComputedStyle(el)
        // Hidden on purpose for sight only, like .visually-hidden (the queue's column headers on a phone).
        if (style.clip === 'rect(0px, 0px, 0px, 0px)') continue
        const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY)
        if (!clips || !el.textContent?.trim()) continue
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) clipped.push(el.className || el.tagName)
      }
      // Large text must push the masthead's parts apart (wrapping), never draw one over another.
      const parts = ['.site-header__name', '.site-search', '.theme-switch', '.site-nav'].map((selector) => ({ selector, box: document.querySelector(selector)?.getBoundingClientRect() }))
      const overlapping = parts.flatMap((a, i) =>
        parts.slice(i + 1).flatMap((b) => {
          if (!a.box || !b.box) return [`missing ${a.box ? b.selector : a.selector}`]
          const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top
          return apart ? [] : [`${a.selector} / ${b.selector}`]
        }),
      )
      return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, clipped, overlapping }
    })
    await screenshot(page, `a11y-text-200-${type.name.replace(/\W+/g, '-')}-${name}`, { fullPage: true })
    expect(result.scrollWidth).toBeLessThanOrEqual(result.width)
    expect(result.clipped).toEqual([])
    expect(result.overlapping).toEqual([])
  })

  test('the article body keeps a readable measure of 65 to 75 characters a line on a desktop', async () => {
    const page = await tracked()
    await page.goto(ARTICLE_URL)
    // Characters on every full line (the last line of a paragraph is usually short) of the first paragraphs.
    const lines = await page.evaluate(() => {
      const counts: number[] = []
      for (const paragraph of Array.from(document.querySelectorAll('.article-body > p')).slice(0, 5)) {
        const node = paragraph.firstChild
        const text = node?.textContent ?? ''
        if (!node) continue
        const range = document.createRange()
        let top: number | null = null
        let count = 0
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const y = Math.round(range.getBoundingClientRect().top)
          if (top !== null && y > top + 2) {
            counts.push(count)
            count = 0
          }
          top = y
          count++
        }
      }
      return counts
    })
    expect(lines.length).toBeGreaterThan(10)
    const average = lines.reduce((a, b) => a + b, 0) / lines.length
    expect(average).toBeGreaterThanOrEqual(65)
    expect(average).toBeLessThanOrEqual(75)
    const lineHeight = await page.locator('.article-body > p').first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize))
    expect(lineHeight).toBeGreaterThanOrEqual(1.5)
  })

  test('figures go wider than the text column on a desktop, and their captions are set apart', async () => {
    const page = await tracked()
    await page.goto(ARTICLE_URL)
    const widths = await page.evaluate(() => ({
      text: document.querySelector('.article-body > p')?.getBoundingClientRect().width ?? 0,
      figure: document.querySelector('.article-body .figure__image')?.getBoundingClientRect().width ?? 0,
      captionFont: getComputedStyle(document.querySelector('.figure__caption') as Element).fontFamily,
      bodyFont: getComputedStyle(document.querySelector('.article-body > p') as Element).fontFamily,
    }))
    expect(widths.figure).toBeGreaterThan(widths.text * 1.2)
    expect(widths.captionFont).not.toBe(widths.bodyFont)
  })
})

describe('motion', () => {
  test('with reduced motion asked for, the gallery opens without animation', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await tracked({ reducedMotion })
      await page.goto(ARTICLE_URL)
      await waitForHydration(page, 'a[data-lightbox-index]')
      await page.locator('a[data-lightbox-index]').first().click()
      const animation = await page.getByRole('dialog').evaluate((el) => getComputedStyle(el).animationName)
      expect({ reducedMotion, animated: animation !== 'none' }).toEqual({ reducedMotion, animated: reducedMotion === 'no-preference' })
    }
  })
})

describe('theme', () => {
  /** The theme in force when the <body> element is first created, i.e. before anything in it can be painted. */
  async function themeBeforeBody(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const record = () => {
        const w = window as unknown as { __themeAtBody?: string | null }
        if (w.__themeAtBody === undefined && document.body) w.__themeAtBody = document.documentElement.getAttribute('data-theme')
      }
      new MutationObserver(record).observe(document, { childList: true, subtree: true })
    })
  }
  const themeAtBody = (page: Page) => page.evaluate(() => (window as unknown as { __themeAtBody?: string | null }).__themeAtBody)
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

  test('follows the system setting until the reader chooses, and remembers the choice without a flash', async () => {
    const page = await tracked({ colorScheme: 'light' })
    await themeBeforeBody(page)
    await page.goto('/')
    await waitForHydration(page, '.theme-switch button')
    expect(await background(page)).toBe('rgb(255, 255, 255)')
    const group = page.getByRole('group', { name: 'Colour theme' })
    expect(await group.getByRole('button', { name: 'System theme' }).getAttribute('aria-pressed')).toBe('true')
    await screenshot(page, 'theme-system-light')

    await group.getByRole('button', { name: 'Dark theme' }).click()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await background(page)).toBe('rgb(18, 18, 18)')
    expect(await group.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true')
    expect(await group.getByRole('button', { name: 'System theme' }).getAttribute('aria-pressed')).toBe('false')
    await screenshot(page, 'theme-chosen-dark')

    // Every page after that starts dark from its first paint, though the system says light.
    await page.goto(ARTICLE_URL)
    expect(await themeAtBody(page)).toBe('dark')
    expect(await background(page)).toBe('rgb(18, 18, 18)')
    await waitForHydration(page, '.theme-switch button')
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    expect(page.errors).toEqual([])

    await page.getByRole('button', { name: 'Light theme' }).click()
    expect(await background(page)).toBe('rgb(255, 255, 255)')
    await page.getByRole('button', { name: 'System theme' }).click()
    expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? null, localStorage.getItem('theme')])).toEqual([null, null])
  })

  test('a reader on a dark system who chooses light gets light from the first paint', async () => {
    const page = await tracked({ colorScheme: 'dark' })
    await themeBeforeBody(page)
    await page.goto('/')
    expect(await background(page)).toBe('rgb(18, 18, 18)')
    await waitForHydration(page, '.theme-switch button')
    await page.getByRole('button', { name: 'Light theme' }).click()
    await page.reload()
    expect(await themeAtBody(page)).toBe('light')
    expect(await background(page)).toBe('rgb(255, 255, 255)')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'theme-chosen-light-on-dark-system')
  })

  test('keeps public pages cached: the theme never makes the server read the request', async () => {
    for (const path of ['/', ARTICLE_URL, '/section/world']) {
      await fetch(new URL(path, baseUrl()))
      const response = await fetch(new URL(path, baseUrl()), { headers: { cookie: 'theme=dark' } })
      expect({ path, cache: response.headers.get('x-nextjs-cache') }).toEqual({ path, cache: 'HIT' })
      expect(await response.text()).toContain(`<script>${THEME_SCRIPT}</script>`)
    }
    const search = await fetch(new URL('/search?q=kazakh', baseUrl()))
    expect(search.headers.get('cache-control')).toMatch(/no-store/)
  })

  test('without JavaScript the switch, which could not work, is not shown; the system theme still applies', async () => {
    const page = await tracked({ javaScriptEnabled: false, colorScheme: 'dark' })
    await page.goto('/')
    expect(await page.locator('.theme-switch').isVisible()).toBe(false)
    expect(await background(page)).toBe('rgb(18, 18, 18)')
  })
})

describe('search', () => {
  test('the header search box finds the article and marks the matched words', async () => {
    const page = await tracked()
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('kazakh helmets')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?q=kazakh\+helmets/)
    expect(await page.locator('h1').innerText()).toBe('Search results for “kazakh helmets”')
    expect(await page.locator('meta[name=robots]').getAttribute('content')).toMatch(/noindex/)
    const hits = page.locator('.search-hit')
    expect(await hits.count()).toBe(1)
    expect(await hits.locator('h2 a').getAttribute('href')).toBe(ARTICLE_URL)
    const marks = (await hits.locator('mark').allInnerTexts()).map((t) => t.toLowerCase())
    expect(new Set(marks)).toEqual(new Set(['kazakh', 'helmets']))
    expect(await page.locator('#search-q').inputValue()).toBe('kazakh helmets')
    await screenshot(page, 'search-results', { fullPage: true })
  })

  test('works without JavaScript, survives hostile input and has a clear empty state', async () => {
    const page = await tracked({ javaScriptEnabled: false })
    for (const q of ['"', 'NEAR(', '-*', 'x'.repeat(3000), '<script>alert(1)</script>']) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`)
      expect({ q: q.slice(0, 10), status: response?.status() }).toEqual({ q: q.slice(0, 10), status: 200 })
    }
    expect(await page.locator('h1').innerText()).toContain('<script>')
    expect(await page.locator('.empty-state').innerText()).toMatch(/No articles match “script alert 1”/)
    await page.goto('/search?q=xylophonist')
    expect(await page.locator('.empty-state').innerText()).toMatch(/No articles match “xylophonist”[\s\S]*Check the spelling/)
    await screenshot(page, 'search-empty')
  })
})

describe('print', () => {
  test('prints the article alone, black on white even in the dark theme: no navigation, search, discussion or form', async () => {
    const page = await tracked({ colorScheme: 'dark' })
    await page.goto(ARTICLE_URL)
    await loadAllImages(page)
    await page.emulateMedia({ media: 'print' })
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.article-body > p') as Element).color])
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)'])
    expect(await page.locator('article figure img').first().evaluate((img) => img.getBoundingClientRect().width)).toBeGreaterThan(200)
    for (const selector of ['.site-header', '.site-footer', 'nav', '#respond', '#comments', '.theme-switch', '.site-search']) {
      expect({ selector, visible: await page.locator(selector).first().isVisible() }).toEqual({ selector, visible: false })
    }
    expect(await page.locator('h1').isVisible()).toBe(true)
    expect(await page.locator('article figure').first().isVisible()).toBe(true)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
  })
})

describe('what a screen reader is told', () => {
  /** The accessible description Chromium computes for the element with this id. */
  async function description(page: Page, id: string): Promise<string> {
    const cdp = await page.context().newCDPSession(page)
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { backendDOMNodeId?: number; description?: { value: string } }[]
    }
    const { node } = (await cdp.send('DOM.describeNode', {
      objectId: (await cdp.send('Runtime.evaluate', { expression: `document.getElementById(${JSON.stringify(id)})` })).result.objectId,
    })) as { node: { backendNodeId: number } }
    await cdp.detach()
    return nodes.find((n) => n.backendDOMNodeId === node.backendNodeId)?.description?.value ?? ''
  }

  test('the comment form: named fields, required and invalid states, descriptions, and an announced error', async () => {
    const page = await tracked()
    await page.goto(ARTICLE_URL)
    await waitForHydration(page, '#respond form')
    const form = page.locator('#respond form')
    const before = await form.ariaSnapshot()
    expect(before).toContain('form "Leave a Reply"')
    for (const line of ['textbox "Comment"', 'textbox "Name"', 'textbox "Email"', 'textbox "Website"', 'checkbox "Save my name, email, and website in this browser for the next time I comment."', 'button "Post Comment"']) {
      expect(before).toContain(line)
    }
    expect(before).not.toContain('Leave this field empty') // the honeypot is hidden from assistive technology
    expect(await description(page, 'email')).toBe('Your email address will not be published.')

    await page.locator('#email').fill('not-an-email')
    await page.locator('#respond button[type=submit]').click()
    await page.locator('#respond [role=alert] .form-message--error').waitFor()
    const answer = await page.locator('#respond .comment-answer').ariaSnapshot()
    expect(answer).toMatch(/alert:[\s\S]*Please correct the \d fields marked below/)
    const after = await form.ariaSnapshot()
    expect(after).toMatch(/textbox "Email" \[invalid\]/)
    expect(await description(page, 'email')).toMatch(/^Your email address will not be published\. .*valid email address/)
    expect(await description(page, 'comment')).toMatch(/comment/i)
  })

  test('the gallery: a modal dialog named for the photo, with named buttons and a described photo', async () => {
    const page = await tracked()
    await page.goto(`${ARTICLE_URL}`)
    await waitForHydration(page, 'a[data-lightbox-index]')
    await page.locator('a[data-lightbox-index]').first().click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    const snapshot = await dialog.ariaSnapshot()
    expect(snapshot).toMatch(/^- dialog "Photo 1 of 2"/)
    for (const line of ['button "Previous photo"', 'button "Next photo"', 'button "Close"', 'img "']) expect(snapshot).toContain(line)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    const cdp = await page.context().newCDPSession(page)
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; description?: { value: string } }[] }
    await cdp.detach()
    const dialogNode = nodes.find((n) => n.role?.value === 'dialog')
    expect(dialogNode?.description?.value).toContain('Vladimir Tretyakov / NUR.KZ via AP')
  })
})
