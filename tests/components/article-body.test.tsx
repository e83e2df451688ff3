import { render, screen, within } from '@testing-library/react'
import { ArticleBody } from '@/components/article/article-body'
import type { Block } from '@/lib/content/blocks'

const image = { id: 1, src: '/media/a.jpg', width: 1600, height: 1067, alt: 'Soldiers in blue helmets', caption: 'A picture', credit: 'Jane Doe / AP' }
const blocks: Block[] = [
  { type: 'paragraph', text: 'First paragraph with <b>markup</b> as text.' },
  { type: 'figure', image, index: 0 },
  { type: 'see-also', article: { id: 2, title: 'Another story', url: '/2022/01/14/another-story', isStub: true } },
  { type: 'read-also', article: { id: 3, title: 'A third story', url: '/2022/01/14/a-third-story', isStub: false } },
]

describe('ArticleBody', () => {
  it('renders each block type with its own component, in order', () => {
    const { container } = render(<ArticleBody blocks={blocks} />)
    expect(Array.from(container.querySelector('.article-body')?.children ?? []).map((el) => el.tagName)).toEqual(['P', 'FIGURE', 'ASIDE', 'ASIDE'])
    expect(screen.getByText('First paragraph with <b>markup</b> as text.')).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()
  })

  it('renders a figure that opens the lightbox, with caption and credit set apart', () => {
    const { container } = render(<ArticleBody blocks={blocks} />)
    const figure = container.querySelector('figure#photo-1') as HTMLElement
    const link = within(figure).getByRole('link', { name: /Open photo 1 of 1 in full screen: Soldiers in blue helmets/ })
    expect(link).toHaveAttribute('data-lightbox-index', '0')
    expect(link).toHaveAttribute('href', '/media/a.jpg')
    const img = within(figure).getByRole('img', { name: 'Soldiers in blue helmets' })
    expect(img).toHaveAttribute('width', '1600')
    expect(img).toHaveAttribute('height', '1067')
    expect(img).toHaveAttribute('loading', 'lazy')
    expect(figure.querySelector('figcaption')).toHaveTextContent('A picture Photo: Jane Doe / AP')
    expect(figure.querySelector('.figure__credit')).toHaveTextContent('Jane Doe / AP')
  })

  it('labels related links as "See also" and "Read also"', () => {
    render(<ArticleBody blocks={blocks} />)
    const seeAlso = screen.getByRole('complementary', { name: 'See also: Another story' })
    expect(within(seeAlso).getByRole('link', { name: 'Another story' })).toHaveAttribute('href', '/2022/01/14/another-story')
    const readAlso = screen.getByRole('complementary', { name: 'Read also: A third story' })
    expect(within(readAlso).getByText('Read also')).toBeInTheDocument()
  })
})
