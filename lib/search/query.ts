// Turns whatever a reader typed into a safe SQLite FTS5 expression: words only, each quoted, operators dropped.

/** Longer input is cut before it is read: nobody types a thousand-character query, but a script might. */
export const MAX_QUERY_LENGTH = 200
export const MAX_TERMS = 12
const MAX_TERM_LENGTH = 64
/** FTS5's operators, which are keywords only in capitals; dropped rather than searched for. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])
// The characters FTS5's unicode61 tokenizer keeps in a token (letters, digits, private use), plus combining marks.
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu

/** The words of a query, in order, without duplicates (case-insensitively) or FTS5 operators. */
export function searchTerms(raw: string): string[] {
  const text = raw.slice(0, MAX_QUERY_LENGTH).normalize('NFC')
  const seen = new Set<string>()
  const terms: string[] = []
  for (const [word] of text.matchAll(WORD)) {
    if (OPERATORS.has(word)) continue
    const term = word.slice(0, MAX_TERM_LENGTH)
    const key = term.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    terms.push(term)
    if (terms.length === MAX_TERMS) break
  }
  return terms
}

/**
 * An FTS5 MATCH expression finding articles with every term: each term is a quoted string (so nothing in it is
 * syntax), and the last one also matches as a prefix, the way people type ("peacekeep" finds "peacekeeping").
 * Null when nothing searchable is left.
 */
export function toMatchExpression(terms: readonly string[]): string | null {
  if (!terms.length) return null
  return terms
    .map((term, i) => {
      // Terms hold only letters, digits and marks, so they can never contain a quote; doubling is belt and braces.
      const quoted = `"${term.replaceAll('"', '""')}"`
      return i === terms.length - 1 && term.length >= 3 ? `${quoted}*` : quoted
    })
    .join(' ')
}
