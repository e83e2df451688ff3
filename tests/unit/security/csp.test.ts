import { execFileSync } from 'node:child_process'
import { contentSecurityPolicy } from '@/lib/security/csp'
import { HSTS, securityHeaders } from '@/lib/security/headers'

/** The policy as a map from directive to its sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('contentSecurityPolicy', () => {
  it('locks everything down on public pages but inline scripts, which Next needs for its bootstrap', () => {
    const csp = parse(contentSecurityPolicy())
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|\*|https?:|nonce/)
  })

  it('with a nonce, allows scripts only by nonce and what they load, never inline', () => {
    const nonce = 'bm9uY2Utbm9uY2Utbm9uY2U='
    const csp = parse(contentSecurityPolicy({ nonce }))
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
    // Everything else is the same policy as on public pages.
    const publicCsp = parse(contentSecurityPolicy())
    for (const [name, sources] of publicCsp) if (name !== 'script-src') expect(csp.get(name)).toEqual(sources)
  })

  it('refuses a nonce that could smuggle in another directive', () => {
    expect(() => contentSecurityPolicy({ nonce: "abc'; script-src *" })).toThrow(/nonce/)
    expect(() => contentSecurityPolicy({ nonce: 'short' })).toThrow(/nonce/)
  })

  it('asks for upgraded requests over https, and allows eval only under next dev', () => {
    expect(parse(contentSecurityPolicy({ https: true })).has('upgrade-insecure-requests')).toBe(true)
    expect(parse(contentSecurityPolicy({ dev: true })).get('script-src')).toContain("'unsafe-eval'")
  })
})

describe('securityHeaders', () => {
  const byKey = (https: boolean) => new Map(securityHeaders({ https }).map((h) => [h.key, h.value]))

  it('sends the fixed headers on every response', () => {
    const headers = byKey(false)
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('Permissions-Policy')).toMatch(/camera=\(\)/)
    expect(headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy())
    expect(headers.has('Strict-Transport-Security')).toBe(false)
  })

  it('adds HSTS only over https', () => {
    const headers = byKey(true)
    expect(headers.get('Strict-Transport-Security')).toBe(HSTS)
    expect(headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy({ https: true }))
  })

  it('are what next.config.js gives Next (loaded by plain Node, as Next loads it)', () => {
    const script = "require('./next.config.js').headers().then((h) => process.stdout.write(JSON.stringify({ h, powered: require('./next.config.js').poweredByHeader })))"
    const out = execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' })
    const { h: rules, powered } = JSON.parse(out) as { h: unknown[]; powered: boolean }
    expect(powered).toBe(false)
    // Every path gets the security headers (other rules add cache and robots headers to some paths).
    expect(rules.filter((r) => (r as { source: string }).source === '/:path*')).toEqual([
      { source: '/:path*', missing: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: securityHeaders({ https: false }) },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: securityHeaders({ https: true }) },
    ])
  })
})
