// The Content-Security-Policy: one pure builder for every page. Public pages get it as a static header
// (next.config.js), so they stay cached; per-request pages (the admin desk) can pass a nonce instead.

export type CspOptions = {
  /**
   * A fresh per-request value (proxy.ts). With it, scripts run only by nonce, plus what those scripts load
   * ('strict-dynamic'); without it, inline scripts are allowed, because Next's inline bootstrap scripts carry
   * each page's own payload and a static header on a cached page cannot list their hashes.
   */
  nonce?: string
  /** Served over https: ask the browser to upgrade any http subresource. */
  https?: boolean
  /** `next dev`: React rebuilds server error stacks in the browser with eval. Never in production. */
  dev?: boolean
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/

export function contentSecurityPolicy({ nonce, https = false, dev = false }: CspOptions = {}): string {
  if (nonce !== undefined && !NONCE.test(nonce)) throw new Error('A CSP nonce must be at least 16 base64 characters')
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"]
  if (dev) scripts.push("'unsafe-eval'")
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', ...scripts],
    // Inline style attributes (next/image, React's style prop) cannot carry a nonce.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    // 'self' covers the comment form's post to its own page, with or without JavaScript.
    ['form-action', "'self'"],
  ]
  if (https) directives.push(['upgrade-insecure-requests'])
  return directives.map((d) => d.join(' ')).join('; ')
}
