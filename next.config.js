// Next.js configuration. Pages are cached in memory only, so a restart (or a new database) never serves stale HTML.

const { securityHeaders } = require('./lib/security/headers')

const dev = process.env.NODE_ENV === 'development'
// Behind a TLS-terminating proxy the request arrives over http with this header: only then is HSTS meaningful.
const overHttps = { type: /** @type {const} */ ('header'), key: 'x-forwarded-proto', value: 'https' }

// Shared caches may keep a public page a minute, then serve it one more while they refetch; browsers revalidate
// each time with the ETag `next start` sends (a 304 when nothing changed). Next's own default for cached pages,
// s-maxage=31536000, would let a CDN show a trashed comment for a year: nothing here purges a CDN. Same value as
// PUBLIC_CACHE_CONTROL in lib/seo/http.ts, which feeds and sitemaps send.
// Only for routes served from Next's cache: Next keeps a Cache-Control it finds already set even on a dynamic page,
// so a page that ever reads cookies must leave this list (tests/e2e/seo.test.ts checks each is a cache hit).
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60'
const ARTICLE = '/:yyyy(\\d{4})/:mm(\\d{2})/:dd(\\d{2})/:slug'
const publicPages = [
  '/',
  '/page/:n',
  ARTICLE,
  ...['section', 'author', 'tag'].flatMap((kind) => [`/${kind}/:slug`, `/${kind}/:slug/page/:n`]),
]
// Never in a search index, whatever their markup says (robots.txt also keeps crawlers out of /admin and /search).
const privatePages = ['/admin', '/admin/:path*', '/search', `${ARTICLE}/reply/:path*`]

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
      ...publicPages.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: PUBLIC_CACHE_CONTROL }] })),
      ...privatePages.map((source) => ({ source, headers: [{ key: 'X-Robots-Tag', value: 'noindex' }] })),
    ]
  },
  async rewrites() {
    // The home page is page 1 of the front-page listing, an on-demand cached route the build never renders.
    // Browsers still ask for /favicon.ico now and then, whatever the pages' icon links say: answer with the icon.
    return [
      { source: '/', destination: '/page/1' },
      { source: '/favicon.ico', destination: '/icon.png' },
    ]
  },
  async redirects() {
    return [{ source: '/page/1', destination: '/', permanent: true }]
  },
}

module.exports = nextConfig
