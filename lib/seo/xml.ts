// A tiny XML writer for sitemaps and feeds: text is escaped unless it is already an Xml fragment, so nothing is escaped twice or never.

/** Serialised XML. Plain strings given to el() are text and get escaped; Xml values are inserted as they are. */
export class Xml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

// XML 1.0 forbids most control characters and lone surrogates even when escaped: a feed with one is rejected whole.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for element content and (double-quoted) attribute values alike, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c)
}

type Child = Xml | string | number | null | undefined | false
type Attributes = Record<string, string | number | undefined>

/** An element: attributes with undefined values are left out; children are escaped text, Xml, or skipped when empty. */
export function el(name: string, attributes: Attributes | null, ...children: (Child | readonly Child[])[]): Xml {
  const attrs = Object.entries(attributes ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('')
  const content = children
    .flat()
    .map((child) => (child instanceof Xml ? child.value : child === null || child === undefined || child === false ? '' : escapeXml(String(child))))
    .join('')
  return new Xml(content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`)
}

/** A whole document with its declaration. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.value}\n`
}
