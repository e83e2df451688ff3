// Dates as crawlers want them: ISO 8601 / W3C Datetime in UTC to the second, and RFC 822 for RSS.

/** 2022-01-14T12:00:00Z: ISO 8601 with its time zone (UTC), valid for JSON-LD, Open Graph and sitemaps. */
export function isoDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`)
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Fri, 14 Jan 2022 12:00:00 GMT: the RFC 822 form RSS 2.0 requires (and HTTP dates use). */
export function rfc822(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`)
  return date.toUTCString()
}

/** The latest of some ISO instants (ignoring empty ones), or null. */
export function latest(...values: (string | null | undefined)[]): string | null {
  let best: string | null = null
  let bestTime = -Infinity
  for (const value of values) {
    if (!value) continue
    const time = new Date(value).getTime()
    if (time > bestTime) {
      best = value
      bestTime = time
    }
  }
  return best
}
