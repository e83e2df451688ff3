// Turns a comment's plain text into paragraphs, lines and link segments; rendering stays plain text.

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string }

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi
const TRAILING = /[).,;:!?\]'"»]+$/

/** Splits a line into text and http(s) links; trailing punctuation stays outside the link. */
export function linkify(line: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const match of line.matchAll(URL_PATTERN)) {
    let url = match[0]
    const trail = TRAILING.exec(url)?.[0] ?? ''
    if (trail) url = url.slice(0, -trail.length)
    const start = match.index ?? 0
    if (start > last) out.push({ kind: 'text', text: line.slice(last, start) })
    out.push({ kind: 'link', href: url, text: url })
    last = start + url.length
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) })
  return out
}

/** Paragraphs split on blank lines, each a list of lines. */
export function toParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.split('\n'))
    .filter((lines) => lines.some((l) => l.trim()))
}
