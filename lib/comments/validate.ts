// Validates and normalises a submitted comment: one specific message per field, limits in UTF-8 bytes as WordPress.
export type CommentInput = { author: string; email: string; url: string; comment: string; parentId: number }
export type FieldErrors = Partial<Record<'author' | 'email' | 'url' | 'comment' | 'comment_parent', string>>
export type Validation = { ok: true; value: CommentInput } | { ok: false; errors: FieldErrors }

/** WordPress's field limits, in UTF-8 bytes. */
export const COMMENT_LIMITS = { author: 245, email: 100, url: 200, comment: 65525 } as const

export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8')

// Control characters other than tab and newline, and lone surrogates, never belong in a comment.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]{2,}$/

function clean(value: string, { multiline = false } = {}): string {
  let s = value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').toWellFormed()
  if (!multiline) s = s.replace(/\s+/g, ' ')
  return s.trim()
}

/** The website field: a bare host gets http://, and only http(s) URLs are accepted. */
export function normaliseUrl(raw: string): { url: string } | { error: string } {
  const value = raw.replace(/[\s\u0000-\u001F]+/g, '')
  if (!value) return { url: '' }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `http://${value}`
  let parsed: URL
  try {
    parsed = new URL(withScheme)
  } catch {
    return { error: 'Enter your website as a full address, like https://example.com, or leave it empty.' }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { error: 'Your website address must start with http:// or https://.' }
  }
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') {
    return { error: 'Enter your website as a full address, like https://example.com, or leave it empty.' }
  }
  return { url: parsed.href }
}

function tooLong(label: string, limit: number, bytes: number): string {
  return `${label} is too long: ${bytes.toLocaleString('en-GB')} bytes, the limit is ${limit.toLocaleString('en-GB')}. Shorten it and try again.`
}

export function validateComment(form: { author?: unknown; email?: unknown; url?: unknown; comment?: unknown; comment_parent?: unknown }): Validation {
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  const author = clean(str(form.author))
  const email = clean(str(form.email))
  const comment = clean(str(form.comment), { multiline: true })
  const errors: FieldErrors = {}

  if (!comment) errors.comment = 'Please type your comment.'
  else if (byteLength(comment) > COMMENT_LIMITS.comment) errors.comment = tooLong('Your comment', COMMENT_LIMITS.comment, byteLength(comment))

  if (!author) errors.author = 'Please enter your name.'
  else if (byteLength(author) > COMMENT_LIMITS.author) errors.author = tooLong('Your name', COMMENT_LIMITS.author, byteLength(author))

  if (!email) errors.email = 'Please enter your email address. It will not be published.'
  else if (byteLength(email) > COMMENT_LIMITS.email) errors.email = tooLong('Your email address', COMMENT_LIMITS.email, byteLength(email))
  else if (!EMAIL.test(email)) errors.email = 'Please enter a valid email address, like name@example.com.'

  const rawUrl = str(form.url)
  let url = ''
  if (byteLength(rawUrl.trim()) > COMMENT_LIMITS.url) errors.url = tooLong('Your website address', COMMENT_LIMITS.url, byteLength(rawUrl.trim()))
  else {
    const result = normaliseUrl(rawUrl)
    if ('error' in result) errors.url = result.error
    else if (byteLength(result.url) > COMMENT_LIMITS.url) errors.url = tooLong('Your website address', COMMENT_LIMITS.url, byteLength(result.url))
    else url = result.url
  }

  const parentRaw = str(form.comment_parent).trim() || '0'
  const parentId = /^\d{1,12}$/.test(parentRaw) ? Number(parentRaw) : NaN
  if (!Number.isSafeInteger(parentId)) errors.comment_parent = 'The comment you are replying to could not be found.'

  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: { author, email, url, comment, parentId } }
}
