// Tabbing through a whole page and checking, at each stop, what WCAG 2.4.7 and 2.4.11 ask: a visible focus
// indicator, on an element scrolled into view and not covered by anything else.
import type { Page } from 'playwright-core'

export type TabTour = {
  /** Each element focused, described as `tag#id "name"`, in the order Tab reached them. */
  seen: string[]
  /** What is wrong with some of them: no indicator, out of view, covered. */
  problems: string[]
}

/** Presses Tab until focus comes back to an element already visited (or `max` presses). */
export async function tabThroughPage(page: Page, max = 200): Promise<TabTour> {
  const problems: string[] = []
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      // Back at an element already visited: Tab has gone round the whole page.
      if (el.hasAttribute('data-tab-visited')) return 'wrapped' as const
      el.setAttribute('data-tab-visited', '')
      const describe = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`
      const style = getComputedStyle(el)
      const indicated = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none'
      const rect = el.getBoundingClientRect()
      const inView = rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth
      // 2.4.11: what is painted at the element's centre is the element itself (or inside it), not something on top.
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1)
      const y = Math.min(Math.max(rect.top + rect.height / 2, 0), window.innerHeight - 1)
      const top = document.elementFromPoint(x, y)
      const uncovered = !!top && (el === top || el.contains(top) || top.contains(el))
      return { describe, indicated, inView, uncovered }
    })
    if (state === 'wrapped') break
    if (!state) continue
    seen.push(state.describe)
    if (!state.indicated) problems.push(`no focus indicator: ${state.describe}`)
    if (!state.inView) problems.push(`scrolled out of view: ${state.describe}`)
    if (!state.uncovered) problems.push(`covered: ${state.describe}`)
  }
  return { seen, problems }
}
