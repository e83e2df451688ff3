import { conditionalResponse, etagMatches, etagOf, notModified } from '@/lib/seo/http'

const request = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://127.0.0.1/feed', { method, headers })
const options = { contentType: 'application/rss+xml; charset=utf-8', lastModified: '2022-01-14T12:00:00.500Z' }

describe('conditionalResponse', () => {
  it('sends the body with an ETag, Last-Modified and Cache-Control for shared caches', async () => {
    const response = conditionalResponse(request(), '<rss/>', options)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('<rss/>')
    expect(response.headers.get('etag')).toBe(etagOf('<rss/>'))
    expect(response.headers.get('last-modified')).toBe('Fri, 14 Jan 2022 12:00:00 GMT')
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
  })

  it('answers 304 to a matching If-None-Match, with the validators but no body', async () => {
    const etag = etagOf('<rss/>')
    const response = conditionalResponse(request({ 'If-None-Match': `"other", W/${etag}` }), '<rss/>', options)
    expect(response.status).toBe(304)
    expect(response.headers.get('etag')).toBe(etag)
    expect(await response.text()).toBe('')
  })

  it('answers 304 to If-Modified-Since at or after the last change, 200 before it', () => {
    expect(conditionalResponse(request({ 'If-Modified-Since': 'Fri, 14 Jan 2022 12:00:00 GMT' }), 'x', options).status).toBe(304)
    expect(conditionalResponse(request({ 'If-Modified-Since': 'Fri, 14 Jan 2022 11:59:59 GMT' }), 'x', options).status).toBe(200)
  })

  it('lets If-None-Match decide when both are sent', () => {
    const headers = { 'If-None-Match': '"stale"', 'If-Modified-Since': 'Sat, 15 Jan 2022 00:00:00 GMT' }
    expect(conditionalResponse(request(headers), 'x', options).status).toBe(200)
  })

  it('never answers If-Modified-Since with 304 when the body has no date', () => {
    expect(notModified(new Headers({ 'If-Modified-Since': 'Sat, 15 Jan 2022 00:00:00 GMT' }), '"x"', null)).toBe(false)
  })

  it('sends headers but no body to HEAD', async () => {
    const response = conditionalResponse(request({}, 'HEAD'), '<rss/>', options)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})

describe('etagMatches', () => {
  it('compares weakly and accepts lists and *', () => {
    expect(etagMatches('W/"a"', '"a"')).toBe(true)
    expect(etagMatches('"b", "a"', '"a"')).toBe(true)
    expect(etagMatches('*', '"a"')).toBe(true)
    expect(etagMatches('"b"', '"a"')).toBe(false)
    expect(etagMatches(null, '"a"')).toBe(false)
  })
})
