import fs from 'node:fs'
import path from 'node:path'
import { ImportError, parseArticle, repairMojibake } from '@/lib/import/parse'

const seedText = fs.readFileSync(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.txt'), 'utf8')
const seedMeta = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db/seed/kazakh-blue-helmets.json'), 'utf8'))

const meta = { date: '2024-05-01', section: 'World', images: [{ file: 'a.jpg' }] }

describe('parseArticle on the seed', () => {
  const draft = parseArticle(seedText, seedMeta)

  it('takes the first line as the headline', () => {
    expect(draft.title).toBe('What were Kazakh soldiers doing in the UN peacekeeping forces?')
  })

  it('turns caption lines into figures with the credit kept as written', () => {
    const figures = draft.blocks.filter((b) => b.type === 'figure')
    expect(figures).toEqual([
      { type: 'figure', caption: 'A picture of Kazakh soldiers in blue helmets', credit: 'Vladimir Tretyakov / NUR.KZ via AP', imageIndex: 0 },
      {
        type: 'figure',
        caption: 'Another shot of Kazakh soldiers wearing blue helmets',
        credit: 'Vladimir Tretyakov/NUR.KZ via The Associated Press',
        imageIndex: 1,
      },
    ])
  })

  it('turns "See also" and "– Read also:" lines into links by title, in order', () => {
    expect(draft.blocks.filter((b) => b.type === 'see-also' || b.type === 'read-also')).toEqual([
      { type: 'see-also', title: 'Spain, fears power outages on social media' },
      { type: 'read-also', title: 'In 2020, the United Nations celebrated its seventy-fifth birthday' },
      { type: 'see-also', title: 'This dog-specific airline offers reserved seating, cocktails, and games' },
      { type: 'read-also', title: 'In Kazakhstan, the revolution against the regime has been largely suppressed' },
    ])
  })

  it('drops the WordPress form trailer', () => {
    const text = JSON.stringify(draft.blocks)
    expect(text).not.toContain('Leave a Reply')
    expect(text).not.toContain('Your email address will not be published')
  })

  it('keeps every ordinary paragraph, in order, and repairs the mojibake', () => {
    const paragraphs = draft.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))
    expect(paragraphs).toHaveLength(9)
    expect(paragraphs[0]).toMatch(/^On January 8, the photo agency/)
    expect(paragraphs.at(-1)).toMatch(/may not have serious consequences\.$/)
    expect(paragraphs.join('\n')).toContain('Material “United Nations” » .')
    expect(paragraphs.join('\n')).not.toContain('ยป')
  })

  it('reads the sidecar metadata', () => {
    expect(draft.meta).toMatchObject({ date: '2022-01-14', section: 'World', author: 'Staff', tags: ['Kazakhstan', 'United Nations', 'Peacekeeping'] })
  })
})

describe('parseArticle formats and errors', () => {
  it('reads front matter, which wins over the sidecar', () => {
    const text = '---\ndate: 2024-05-02\nsection: Politics\ntags: A, B\nimage: a.jpg | A cat\n---\nHeadline\n\nBody text.\n\nA cat on a mat (Jane Doe / AP)\n'
    const draft = parseArticle(text, { date: '2020-01-01', section: 'World' })
    expect(draft.meta).toMatchObject({ date: '2024-05-02', section: 'Politics', tags: ['A', 'B'], images: [{ file: 'a.jpg', alt: 'A cat' }] })
    expect(draft.blocks).toEqual([
      { type: 'paragraph', text: 'Body text.' },
      { type: 'figure', caption: 'A cat on a mat', credit: 'Jane Doe / AP', imageIndex: 0 },
    ])
  })

  it('handles CRLF line endings and a byte-order mark', () => {
    const draft = parseArticle('\uFEFFHeadline\r\n\r\nBody.\r\n', { date: '2024-05-01', section: 'World' })
    expect(draft.title).toBe('Headline')
    expect(draft.blocks).toEqual([{ type: 'paragraph', text: 'Body.' }])
  })

  it('does not mistake a sentence ending in parentheses for a caption', () => {
    const draft = parseArticle('H\n\nThe five are powers (the US / UK and others).\n', { date: '2024-05-01', section: 'World' })
    expect(draft.blocks[0]?.type).toBe('paragraph')
  })

  it.each([
    ['', {}, /empty/],
    ['Headline\n\nBody.', null, /no metadata/],
    ['Headline\n\nBody.', { section: 'World' }, /date/],
    ['Headline\n\nBody.', { date: 'yesterday', section: 'World' }, /date must be/],
    ['Headline\n\nBody.', { date: '2024-01-01' }, /section/],
    ['Headline', { date: '2024-01-01', section: 'World' }, /no body paragraphs/],
    ['Headline\n\nBody.\n\nA cat (Jane / AP)', { date: '2024-01-01', section: 'World' }, /line 5: photo caption "A cat \(Jane \/ AP\)" has no image/],
    ['Headline\n\nBody.', meta, /lists 1 image\(s\) but the text has 0 caption/],
    ['---\ndate: 2024-01-01\nHeadline', null, /never closed/],
    ['Headline\n\nBody.', { ...meta, images: [], slug: 'Bad Slug' }, /slug must be/],
  ])('refuses bad input with a clear message (%#)', (text, sidecar, message) => {
    expect(() => parseArticle(text, sidecar as Record<string, unknown> | null)).toThrow(ImportError)
    expect(() => parseArticle(text, sidecar as Record<string, unknown> | null)).toThrow(message)
  })

  it('repairs only the known mis-decoded sequences', () => {
    expect(repairMojibake('a ยป b ยซ c')).toBe('a » b « c')
    expect(repairMojibake('ย plain')).toBe('ย plain')
  })
})
