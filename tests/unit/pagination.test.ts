import { gapBefore, pageNumbers } from '@/lib/pagination'

describe('pageNumbers', () => {
  it('shows every page of a short listing', () => {
    expect(pageNumbers(1, 1)).toEqual([1])
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5])
  })

  it('shows the first, the last and two either side of the current page of a long one', () => {
    expect(pageNumbers(1, 500)).toEqual([1, 2, 3, 500])
    expect(pageNumbers(250, 500)).toEqual([1, 248, 249, 250, 251, 252, 500])
    expect(pageNumbers(500, 500)).toEqual([1, 498, 499, 500])
  })

  it('marks the gaps', () => {
    const numbers = pageNumbers(250, 500)
    expect(numbers.map((_, i) => gapBefore(numbers, i))).toEqual([false, true, false, false, false, false, true])
    const short = pageNumbers(3, 5)
    expect(short.some((_, i) => gapBefore(short, i))).toBe(false)
  })
})
