// Dates and numbers as readers see them: one locale, UTC, so server and client render the same text.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
})

export const formatDate = (iso: string) => dateFormat.format(new Date(iso))
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso))

/** Parses a 1-based page number from a route segment: digits only, no leading zero. */
export function parsePageNumber(value: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(value)) return null
  return Number(value)
}
