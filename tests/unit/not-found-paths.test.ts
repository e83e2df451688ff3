import { slugInPath } from '@/lib/not-found-paths'

describe('slugInPath', () => {
  it.each([
    ['/2022/01/14/Some-Story', { kind: 'article', slug: 'some-story' }],
    ['/2022/01/14/some-story/reply/4', { kind: 'article', slug: 'some-story' }],
    ['/2022/01/14/some-story/feed', { kind: 'article', slug: 'some-story' }],
    ['/section/world/page/2', { kind: 'section', slug: 'world' }],
    ['/author/staff', { kind: 'author', slug: 'staff' }],
    ['/tag/united-nations', { kind: 'tag', slug: 'united-nations' }],
    ['/tag/%E0%A4%A', { kind: 'tag', slug: '' }],
    ['/', null],
    ['/page/2', null],
    ['/search', null],
    ['/admin/comments', null],
  ])('%s', (path, expected) => {
    expect(slugInPath(path)).toEqual(expected)
  })
})
