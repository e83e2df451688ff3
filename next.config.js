// Next.js configuration. Pages are cached in memory only, so a restart (or a new database) never serves stale HTML.

const { securityHeaders } = require('./lib/security/headers')

const dev = process.env.NODE_ENV === 'development'
// Behind a TLS-terminating proxy the request arrives over http with this header: only then is HSTS meaningful.
const overHttps = { type: /** @type {const} */ ('header'), key: 'x-forwarded-proto', value: 'https' }

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp'],
  experimental: {
    isrFlushToDisk: false,
    // Next's default, written out because the hostile-input tests rely on it: a larger action body is refused.
    serverActions: { bodySizeLimit: '1mb' },
  },
  images: {
    deviceSizes: [360, 480, 640, 768, 1080, 1280, 1600],
    imageSizes: [64, 128, 256, 320],
    formats: ['image/avif', 'image/webp'],
    qualities: [75],
  },
  async headers() {
    // Static headers keep cached pages cached. Admin pages can add a nonce CSP per request in proxy.ts.
    return [
      { source: '/:path*', missing: [overHttps], headers: securityHeaders({ https: false, dev }) },
      { source: '/:path*', has: [overHttps], headers: securityHeaders({ https: true, dev }) },
    ]
  },
  async rewrites() {
    // The home page is page 1 of the front-page listing, an on-demand cached route the build never renders.
    return [{ source: '/', destination: '/page/1' }]
  },
  async redirects() {
    return [{ source: '/page/1', destination: '/', permanent: true }]
  },
}

module.exports = nextConfig
