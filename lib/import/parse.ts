// Parses the plain-text article format (see db/seed/README.md) into a draft: pure, no I/O.
import { z } from 'zod'

export class ImportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportError'
  }
}

/** A body block before ids exist: figures carry their caption, links the title they point at. */
export type DraftBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'figure'; caption: string; credit: string; imageIndex: number }
  | { type: 'see-also'; title: string }
  | { type: 'read-also'; title: string }

export type DraftImage = { file: string; alt?: string }

export type ArticleMeta = {
  slug?: string
  date: string
  section: string
  author: string
  tags: string[]
  standfirst: string
  images: DraftImage[]
}

export type ArticleDraft = { title: string; blocks: DraftBlock[]; meta: ArticleMeta }

const metaSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug must be lowercase letters, digits and single hyphens')
    .max(80)
    .optional(),
  date: z
    .string({ message: 'date is required (YYYY-MM-DD or an ISO 8601 time)' })
    .refine((d) => /^\d{4}-\d{2}-\d{2}/.test(d) && !Number.isNaN(Date.parse(d)), 'date must be YYYY-MM-DD or an ISO 8601 time'),
  section: z.string({ message: 'section is required' }).trim().min(1, 'section is required'),
  author: z.string().trim().min(1).default('Staff'),
  tags: z.array(z.string().trim().min(1)).default([]),
  standfirst: z.string().trim().default(''),
  images: z.array(z.object({ file: z.string().min(1), alt: z.string().trim().optional() })).default([]),
})

/** `ยป`/`ยซ` are `»`/`«` whose UTF-8 bytes were read as Windows-874. */
export function repairMojibake(text: string): string {
  return text.replace(/ยป/g, '»').replace(/ยซ/g, '«')
}

const CAPTION = /^(?<caption>.{3,300}?)\s*\((?<credit>[^()]{2,120})\)\s*$/u
const CREDIT_HINT = /\bvia\b|\/|©|\b(?:photo|foto|credit|AP|Reuters|AFP|Getty|ANSA)\b/i
const SEE_ALSO = /^See also(?::\s*|\s{2,}|\t+)(?<title>\S.*)$/
const READ_ALSO = /^[–—-]\s*Read also:\s*(?<title>\S.*)$/
const TRAILER_START = /^Leave a Reply\s*$/i
const TRAILER_NOTE = /^Your email address will not be published\./i

function isCaption(text: string): RegExpExecArray | null {
  const m = CAPTION.exec(text)
  if (!m?.groups) return null
  const caption = m.groups.caption ?? ''
  // A caption is short and does not read as a finished sentence before its credit.
  if (/[.!?:;]$/.test(caption.trim())) return null
  return CREDIT_HINT.test(m.groups.credit ?? '') ? m : null
}

/** Splits an optional `---` front-matter block (key: value lines) off the text. */
export function splitFrontMatter(text: string): { fields: Record<string, unknown> | null; body: string; offset: number } {
  const lines = text.split('\n')
  if (lines[0]?.trim() !== '---') return { fields: null, body: text, offset: 0 }
  const end = lines.indexOf('---', 1)
  if (end < 0) throw new ImportError('line 1: front matter opened with --- is never closed')
  const fields: Record<string, unknown> = {}
  const images: DraftImage[] = []
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? ''
    if (!line.trim() || line.trim().startsWith('#')) continue
    const m = /^([a-z]+):\s*(.*)$/.exec(line)
    if (!m) throw new ImportError(`line ${i + 1}: expected "key: value" in front matter, got "${line}"`)
    const key = m[1] ?? ''
    const value = (m[2] ?? '').trim()
    if (key === 'tags') fields.tags = value.split(',').map((t) => t.trim()).filter(Boolean)
    else if (key === 'image') {
      const [file = '', alt] = value.split('|').map((p) => p.trim())
      images.push(alt ? { file, alt } : { file })
    } else fields[key] = value
  }
  if (images.length) fields.images = images
  return { fields, body: lines.slice(end + 1).join('\n'), offset: end + 1 }
}

export function parseMeta(fields: Record<string, unknown>): ArticleMeta {
  const parsed = metaSchema.safeParse(fields)
  if (!parsed.success) {
    throw new ImportError(`metadata: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`)
  }
  return parsed.data
}

/**
 * Turns the text into a draft. Metadata comes from front matter in the text, else from `sidecar`
 * (the parsed FILE.json); front matter wins where both give a field.
 */
export function parseArticle(raw: string, sidecar: Record<string, unknown> | null = null): ArticleDraft {
  const text = repairMojibake(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  if (!text.trim()) throw new ImportError('the file is empty')
  const { fields, body, offset } = splitFrontMatter(text)
  if (!fields && !sidecar) {
    throw new ImportError('no metadata: add a front-matter block (--- date/section/... ---) or a sidecar FILE.json')
  }
  const meta = parseMeta({ ...(sidecar ?? {}), ...(fields ?? {}) })

  // Paragraphs are separated by blank lines; remember each one's first line for error messages.
  const paragraphs: { text: string; line: number }[] = []
  let current: string[] = []
  let start = 0
  body.split('\n').forEach((line, i) => {
    if (line.trim()) {
      if (!current.length) start = i + 1 + offset
      current.push(line.trim())
    } else if (current.length) {
      paragraphs.push({ text: current.join(' '), line: start })
      current = []
    }
  })
  if (current.length) paragraphs.push({ text: current.join(' '), line: start })

  const [head, ...rest] = paragraphs
  if (!head) throw new ImportError('no headline: the first line of the text must be the headline')
  const title = head.text
  if (title.length > 300) throw new ImportError(`line ${head.line}: the headline is longer than 300 characters`)

  const blocks: DraftBlock[] = []
  let figures = 0
  for (const p of rest) {
    if (TRAILER_START.test(p.text)) break // the WordPress comment form: the site renders its own
    if (TRAILER_NOTE.test(p.text)) continue
    const seeAlso = SEE_ALSO.exec(p.text)
    const readAlso = READ_ALSO.exec(p.text)
    const caption = isCaption(p.text)
    if (seeAlso?.groups?.title) blocks.push({ type: 'see-also', title: seeAlso.groups.title.trim() })
    else if (readAlso?.groups?.title) blocks.push({ type: 'read-also', title: readAlso.groups.title.trim() })
    else if (caption?.groups) {
      if (figures >= meta.images.length) {
        throw new ImportError(
          `line ${p.line}: photo caption "${p.text.slice(0, 60)}" has no image: list ${figures + 1} image(s) in the metadata`,
        )
      }
      blocks.push({
        type: 'figure',
        caption: (caption.groups.caption ?? '').trim(),
        credit: (caption.groups.credit ?? '').trim(),
        imageIndex: figures++,
      })
    } else blocks.push({ type: 'paragraph', text: p.text })
  }
  if (!blocks.some((b) => b.type === 'paragraph')) throw new ImportError('the article has a headline but no body paragraphs')
  if (figures < meta.images.length) {
    throw new ImportError(`metadata lists ${meta.images.length} image(s) but the text has ${figures} caption(s)`)
  }
  return { title, blocks, meta }
}
