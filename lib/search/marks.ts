// Matched words travel from SQLite to React between two control characters, then become <mark> elements:
// the text itself is never parsed as HTML.

export const MARK_START = '\u0001'
export const MARK_END = '\u0002'

export type TextPart = { text: string; marked: boolean }

/** Splits `a\u0001b\u0002c` into [a, b (marked), c]; stray or unbalanced markers are dropped, never shown. */
export function splitMarks(text: string): TextPart[] {
  const parts: TextPart[] = []
  let marked = false
  let current = ''
  const flush = () => {
    if (current) parts.push({ text: current, marked })
    current = ''
  }
  for (const char of text) {
    if (char === MARK_START || char === MARK_END) {
      flush()
      marked = char === MARK_START
    } else current += char
  }
  flush()
  return parts
}

/** Whether a highlighted text contains any match. */
export const hasMarks = (text: string) => text.includes(MARK_START)
