import { isoDateTime, latest, rfc822 } from '@/lib/seo/dates'
import { ISO_DATE_TIME_TZ, RFC_822 } from '@/tests/support/seo-checks'

describe('dates for crawlers', () => {
  it('writes ISO 8601 in UTC to the second, with its zone', () => {
    expect(isoDateTime('2022-01-14T12:00:00.000Z')).toBe('2022-01-14T12:00:00Z')
    expect(isoDateTime('2022-01-14T13:00:00+01:00')).toBe('2022-01-14T12:00:00Z')
    expect(isoDateTime('2022-01-14T12:00:00Z')).toMatch(ISO_DATE_TIME_TZ)
  })

  it('writes RFC 822 for RSS', () => {
    expect(rfc822('2022-01-14T12:00:00.000Z')).toBe('Fri, 14 Jan 2022 12:00:00 GMT')
    expect(rfc822('2022-01-04T02:03:04.000Z')).toMatch(RFC_822)
  })

  it('refuses what is not a date', () => {
    expect(() => isoDateTime('yesterday')).toThrow(/not a date/)
  })

  it('finds the latest instant, whatever the format, ignoring empty values', () => {
    expect(latest('2022-01-14T12:00:00.000Z', null, '2022-01-14T13:00:00+00:00', undefined, '2021-12-31T23:59:59Z')).toBe('2022-01-14T13:00:00+00:00')
    expect(latest(null, '')).toBeNull()
  })
})
