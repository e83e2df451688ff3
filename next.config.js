// Next.js configuration. Pages are cached in memory only, so a restart (or a new database) never serves stale HTML.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp'],
  experimental: {
    isrFlushToDisk: false,
  },
  images: {
    deviceSizes: [360, 480, 640, 768, 1080, 1280, 1600],
    imageSizes: [64, 128, 256, 320],
    formats: ['image/avif', 'image/webp'],
    qualities: [75],
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
