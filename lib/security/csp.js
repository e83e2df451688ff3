// @ts-check
// The Content-Security-Policy: one pure builder for every page. Public pages get it as a static header
// (next.config.js), so they stay cached; per-request pages (the admin desk) can pass a nonce instead.
// Plain CommonJS with JSDoc types, because next.config.js (plain JS, loaded by Node as is) requires it.

/**
 * @typedef {object} CspOptions
 * @property {string} [nonce] A fresh per-request value (proxy.ts). With it, scripts run only by nonce, plus what
 *   those scripts load ('strict-dynamic'); without it, inline scripts are allowed, because Next's inline bootstrap
 *   scripts carry each page's own payload and a static header on a cached page cannot list their hashes.
 * @property {boolean} [https] Served over https: ask the browser to upgrade any http subresource.
 * @property {boolean} [dev] `next dev`: React rebuilds server error stacks in the browser with eval. Never in production.
 */

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/

/**
 * @param {CspOptions} [options]
 * @returns {string}
 */
function contentSecurityPolicy({ nonce, https = false, dev = false } = {}) {
  if (nonce !== undefined && !NONCE.test(nonce)) throw new Error('A CSP nonce must be at least 16 base64 characters')
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"]
  if (dev) scripts.push("'unsafe-eval'")
  /** @type {string[][]} */
  const directives = [
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

module.exports = { contentSecurityPolicy }
