// Which page numbers a pagination bar shows: the first, the last, and those within `radius` of the current one.
// A listing of 10,000 articles has 500 pages: linking every one put 500 links (and their prefetches) on each page.

export function pageNumbers(page: number, pageCount: number, radius = 2): number[] {
  const shown = new Set([1, pageCount])
  for (let n = Math.max(1, page - radius); n <= Math.min(pageCount, page + radius); n++) shown.add(n)
  return [...shown].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b)
}

/** Whether a gap (shown as an ellipsis) comes before the i-th of `numbers`. */
export const gapBefore = (numbers: readonly number[], i: number): boolean => i > 0 && (numbers[i] ?? 0) - (numbers[i - 1] ?? 0) > 1
