// Page weight: HTML raw and gzip against its visible text, the inlined RSC payload, and the JavaScript a modern
// browser downloads (module and classic scripts, not `nomodule` polyfills), gzip level 9.
import zlib from 'node:zlib'

export const gzipSize = (data: string | Buffer) => zlib.gzipSync(data, { level: 9 }).length

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** What a reader sees: the HTML without scripts, styles, templates and tags, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<head[\s\S]*?<\/head>/i, ' ')
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

/** The bytes of the inlined React Server Components payload (the self.__next_f.push scripts). */
export function rscPayloadBytes(html: string): number {
  let bytes = 0
  for (const m of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g)) bytes += Buffer.byteLength(m[1] ?? '')
  return bytes
}

export function scriptSources(html: string): { modern: string[]; nomodule: string[] } {
  const modern: string[] = []
  const nomodule: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1] ?? ''
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1]
    if (!src) continue
    ;(/\bnomodule\b/i.test(attrs) ? nomodule : modern).push(src.replace(/&amp;/g, '&'))
  }
  return { modern: [...new Set(modern)], nomodule: [...new Set(nomodule)] }
}

export type PageWeight = {
  path: string
  htmlBytes: number
  htmlGzip: number
  textBytes: number
  /** HTML bytes per byte of visible text. */
  htmlToText: number
  rscBytes: number
  jsFiles: number
  jsBytes: number
  jsGzip: number
  /** `nomodule` polyfills, which modern browsers neither download nor run (not in jsGzip). */
  nomoduleGzip: number
}

export async function measureWeight(baseUrl: string, path: string, init: RequestInit = {}): Promise<PageWeight> {
  const response = await fetch(baseUrl + path, init)
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
  const html = await response.text()
  const text = visibleText(html)
  const scripts = scriptSources(html)
  const fetchAll = (list: string[]) =>
    Promise.all(list.map(async (src) => Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())))
  const modern = await fetchAll(scripts.modern)
  const nomodule = await fetchAll(scripts.nomodule)
  const htmlBytes = Buffer.byteLength(html)
  const textBytes = Buffer.byteLength(text)
  return {
    path,
    htmlBytes,
    htmlGzip: gzipSize(html),
    textBytes,
    htmlToText: htmlBytes / Math.max(1, textBytes),
    rscBytes: rscPayloadBytes(html),
    jsFiles: modern.length,
    jsBytes: modern.reduce((n, b) => n + b.length, 0),
    jsGzip: modern.reduce((n, b) => n + gzipSize(b), 0),
    nomoduleGzip: nomodule.reduce((n, b) => n + gzipSize(b), 0),
  }
}
