import { MAX_QUERY_LENGTH, MAX_TERMS, searchTerms, toMatchExpression } from '@/lib/search/query'
import { MARK_END, MARK_START, splitMarks } from '@/lib/search/marks'

describe('searchTerms', () => {
  it('keeps words and drops punctuation, FTS5 syntax and operators', () => {
    expect(searchTerms('"Blue helmets" -Kazakh* NEAR(a b) OR title:UN ^x')).toEqual(['Blue', 'helmets', 'Kazakh', 'a', 'b', 'title', 'UN', 'x'])
  })

  it('keeps lower-case words that are operators only in capitals', () => {
    expect(searchTerms('not near or and')).toEqual(['not', 'near', 'or', 'and'])
  })

  it('drops repeated words, whatever their case', () => {
    expect(searchTerms('Kazakh kazakh KAZAKH soldiers')).toEqual(['Kazakh', 'soldiers'])
  })

  it('keeps letters and digits from any script', () => {
    expect(searchTerms('Қазақстан 2022 café, naïve')).toEqual(['Қазақстан', '2022', 'café', 'naïve'])
  })

  it('reads no more than the first characters and words of a long query', () => {
    expect(searchTerms('a'.repeat(5000))).toEqual(['a'.repeat(64)])
    expect(searchTerms(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS)
    expect(searchTerms(`${'x '.repeat(MAX_QUERY_LENGTH)}late`)).not.toContain('late')
  })
})

describe('toMatchExpression', () => {
  it('quotes every term and lets the last one match as a prefix', () => {
    expect(toMatchExpression(['blue', 'helmets'])).toBe('"blue" "helmets"*')
  })

  it('does not turn a very short last word into a prefix', () => {
    expect(toMatchExpression(['blue', 'un'])).toBe('"blue" "un"')
  })

  it('has nothing to search for without terms', () => {
    expect(toMatchExpression([])).toBeNull()
  })
})

describe('splitMarks', () => {
  it('splits marked and plain text', () => {
    expect(splitMarks(`a ${MARK_START}b${MARK_END} c`)).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' c', marked: false },
    ])
  })

  it('never shows markers, even unbalanced ones', () => {
    const parts = splitMarks(`${MARK_END}x${MARK_START}y`)
    expect(parts.map((p) => p.text).join('')).toBe('xy')
    expect(parts).toEqual([
      { text: 'x', marked: false },
      { text: 'y', marked: true },
    ])
  })

  it('keeps markup as text', () => {
    expect(splitMarks('<b>bold</b>')).toEqual([{ text: '<b>bold</b>', marked: false }])
  })
})
