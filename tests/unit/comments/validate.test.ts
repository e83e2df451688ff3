import { COMMENT_LIMITS, normaliseUrl, validateComment } from '@/lib/comments/validate'

const good = { author: 'Ann', email: 'ann@example.com', url: '', comment: 'Hello', comment_parent: '0' }

describe('validateComment', () => {
  it('accepts a good comment and normalises it', () => {
    const r = validateComment({ ...good, author: '  Ann \t Reader ', comment: 'Line one\r\nLine two\u0007', url: 'example.com' })
    expect(r).toEqual({
      ok: true,
      value: { author: 'Ann Reader', email: 'ann@example.com', url: 'http://example.com/', comment: 'Line one\nLine two', parentId: 0 },
    })
  })

  it('gives every missing required field its own message', () => {
    const r = validateComment({})
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(['author', 'comment', 'email'])
      expect(r.errors.author).toMatch(/name/)
      expect(r.errors.email).toMatch(/email/)
      expect(r.errors.comment).toMatch(/comment/)
    }
  })

  it('refuses an invalid email', () => {
    const r = validateComment({ ...good, email: 'ann@' })
    expect(!r.ok && r.errors.email).toMatch(/valid email/)
  })

  it.each([
    ['author', COMMENT_LIMITS.author],
    ['email', COMMENT_LIMITS.email],
    ['comment', COMMENT_LIMITS.comment],
  ] as const)('counts the %s limit in UTF-8 bytes: %i passes, one more byte fails', (field, limit) => {
    const fill = (n: number) => (field === 'email' ? 'a'.repeat(n - '@example.com'.length) + '@example.com' : 'a'.repeat(n))
    expect(validateComment({ ...good, [field]: fill(limit) }).ok).toBe(true)
    const over = validateComment({ ...good, [field]: fill(limit + 1) })
    expect(!over.ok && over.errors[field]).toMatch(/too long/)
  })

  it('counts multi-byte characters as bytes (245 vs 246 bytes in the name)', () => {
    expect(validateComment({ ...good, author: 'é'.repeat(122) + 'a' }).ok).toBe(true) // 245 bytes
    const r = validateComment({ ...good, author: 'é'.repeat(123) }) // 246 bytes
    expect(!r.ok && r.errors.author).toMatch(/246 bytes, the limit is 245/)
  })

  it('limits the website to 200 bytes', () => {
    const url = 'https://example.com/' + 'a'.repeat(180) // 200 bytes
    expect(validateComment({ ...good, url }).ok).toBe(true)
    expect(validateComment({ ...good, url: url + 'a' }).ok).toBe(false)
  })

  it('refuses a parent that is not a number', () => {
    const r = validateComment({ ...good, comment_parent: '1 OR 1=1' })
    expect(!r.ok && r.errors.comment_parent).toBeTruthy()
  })
})

describe('normaliseUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com',
  ])('refuses %j', (url) => {
    expect(normaliseUrl(url)).toHaveProperty('error')
  })

  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['HTTP://Example.com', 'http://example.com/'],
    ['example.org/path', 'http://example.org/path'],
    ['', ''],
  ])('accepts %j as %j', (input, url) => {
    expect(normaliseUrl(input)).toEqual({ url })
  })
})
