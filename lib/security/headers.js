// @ts-check
// Security headers sent with every response (pages, 404s, errors, feeds, assets), from next.config.js headers().
// Plain CommonJS with JSDoc types, because next.config.js (plain JS, loaded by Node as is) requires it.
const { contentSecurityPolicy } = require('./csp')

/** @typedef {{ key: string, value: string }} Header */

/** Browser features the site never uses, refused for it and anything it might embed. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'

/** Two years: what browsers' HSTS preload lists ask for. Sent only when the request came over https. */
const HSTS = 'max-age=63072000; includeSubDomains'

/**
 * @param {{ https?: boolean, dev?: boolean }} [options]
 * @returns {Header[]}
 */
function securityHeaders({ https = false, dev = false } = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ https, dev }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    // For browsers older than CSP's frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(https ? [{ key: 'Strict-Transport-Security', value: HSTS }] : []),
  ]
}

module.exports = { HSTS, PERMISSIONS_POLICY, securityHeaders }
