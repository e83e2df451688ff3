// Responses for feeds, sitemaps and crops: an ETag and Last-Modified on each, and 304 when the client's copy is current.
import crypto from 'node:crypto'

/**
 * What shared caches may do with public pages and feeds: keep them a minute, then serve the old copy for one more
 * while they fetch a new one. Browsers revalidate every time (max-age=0), which the ETag makes a cheap 304.
 * Next's own default for cached pages is s-maxage=31536000, which no CDN purge here would ever shorten: a comment a
 * moderator trashed would stay visible at the edge for a year. next.config.js sends the same value for pages.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60'

export function etagOf(body: string | Uint8Array): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** RFC 9110 §13.1.2: weak comparison, so W/"x" matches "x"; "*" matches anything. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag))
}

/** If-Modified-Since counts only when If-None-Match is absent (RFC 9110 §13.1.3); HTTP dates have whole seconds. */
export function notModified(headers: Headers, etag: string, lastModified: string | null): boolean {
  const ifNoneMatch = headers.get('if-none-match')
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag)
  const since = headers.get('if-modified-since')
  if (!since || !lastModified) return false
  const sinceTime = Date.parse(since)
  const modifiedTime = Math.floor(Date.parse(lastModified) / 1000) * 1000
  return !Number.isNaN(sinceTime) && !Number.isNaN(modifiedTime) && modifiedTime <= sinceTime
}

export type CachedBodyOptions = {
  contentType: string
  /** ISO instant of the latest change to what the body shows. */
  lastModified?: string | null
  cacheControl?: string
}

export function conditionalResponse(request: Request, body: string | Uint8Array, options: CachedBodyOptions): Response {
  const etag = etagOf(body)
  const headers = new Headers({
    ETag: etag,
    'Cache-Control': options.cacheControl ?? PUBLIC_CACHE_CONTROL,
    'Content-Type': options.contentType,
    'X-Content-Type-Options': 'nosniff',
  })
  if (options.lastModified) headers.set('Last-Modified', new Date(options.lastModified).toUTCString())
  if (notModified(request.headers, etag, options.lastModified ?? null)) {
    headers.delete('Content-Type')
    return new Response(null, { status: 304, headers })
  }
  // Copied into a fresh ArrayBuffer: Response wants a plain BufferSource, not a Node Buffer view of a shared pool.
  const payload = typeof body === 'string' ? body : new Uint8Array(body)
  return new Response(request.method === 'HEAD' ? null : payload, { status: 200, headers })
}
