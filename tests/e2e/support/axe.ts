// Runs axe-core inside a page with the WCAG 2.2 AA and best-practice rules, and reports violations readably.
import fs from 'node:fs'
import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

/** The rule sets issue 6 asks for: every WCAG A/AA level up to 2.2, plus Deque's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const

let axeSource: string | undefined

function source(): string {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

export type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string; summary: string }[] }

function simplify(result: Result): AxeViolation {
  return {
    id: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    nodes: result.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
  }
}

/** Injects axe (once per document) and returns its violations; an empty array means the page passed. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.addScriptTag({ content: source() })
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [...AXE_TAGS],
  )
  return results.violations.map(simplify)
}
