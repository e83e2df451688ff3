import { render, screen, within } from '@testing-library/react'
import { CommentFormFields } from '@/components/comments/comment-form-fields'
import { CommentList } from '@/components/comments/comment-list'
import { commentCountHeading } from '@/components/comments/comment-section'
import type { PublicCommentDto } from '@/db/queries/comments'

const comment = (over: Partial<PublicCommentDto>): PublicCommentDto => ({
  id: 1,
  parentId: null,
  authorName: 'Ann',
  authorUrl: '',
  body: 'Hello',
  createdAt: '2026-01-01T10:00:00.000Z',
  isStaff: false,
  avatarSeed: 'abcdef123456',
  ...over,
})

describe('CommentFormFields', () => {
  it('has the WordPress fields in order, with names, types, autocomplete and limits', () => {
    const { container } = render(<CommentFormFields />)
    const fields = Array.from(container.querySelectorAll('input, textarea')).map((el) => el.getAttribute('name'))
    expect(fields).toEqual(['comment', 'author', 'email', 'url', 'wp-comment-cookies-consent'])
    expect(screen.getByLabelText(/^Comment/)).toHaveAttribute('maxlength', '65525')
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('autocomplete', 'name')
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('autocomplete', 'email')
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Your email address will not be published.')
    expect(screen.getByLabelText(/^Website/)).toHaveAttribute('type', 'url')
    expect(screen.getByLabelText(/^Website/)).not.toBeRequired()
    expect(screen.getByLabelText('Save my name, email, and website in this browser for the next time I comment.')).not.toBeChecked()
    expect(container).toHaveTextContent('Required fields are marked *')
  })

  it('shows each error next to its field, described and marked invalid, keeping the value', () => {
    render(<CommentFormFields values={{ author: 'Ann', email: 'bad', url: '', comment: 'Typed', remember: true }} errors={{ email: 'Please enter a valid email address.' }} />)
    const email = screen.getByLabelText(/^Email/)
    expect(email).toHaveValue('bad')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription('Your email address will not be published. Please enter a valid email address.')
    expect(screen.getByLabelText(/^Comment/)).toHaveValue('Typed')
    expect(screen.getByLabelText(/^Name/)).not.toHaveAttribute('aria-invalid')
  })
})

describe('CommentList', () => {
  it('threads replies, links permalinks and reply pages, and renders text as text', () => {
    const list = [
      comment({ id: 1, body: 'First <script>alert(1)</script>\nsecond line\n\nNew paragraph https://example.com/x.' }),
      comment({ id: 2, parentId: 1, authorName: 'Bo', authorUrl: 'https://bo.example/', isStaff: true }),
      comment({ id: 3, authorName: 'Cy', authorUrl: 'javascript:alert(1)' }),
    ]
    const { container } = render(<CommentList comments={list} articleUrl="/2022/01/14/a" />)
    const first = container.querySelector('#comment-1') as HTMLElement
    expect(first.querySelector('.comment-children #comment-2')).not.toBeNull()
    expect(first.querySelector('script')).toBeNull()
    expect(first.querySelectorAll('.comment__text')[0]?.querySelectorAll('p')).toHaveLength(2)
    expect(first.querySelectorAll('.comment__text')[0]?.querySelector('br')).not.toBeNull()
    const bare = within(first.querySelector('.comment__text') as HTMLElement).getByRole('link', { name: 'https://example.com/x' })
    expect(bare).toHaveAttribute('rel', 'nofollow ugc noopener')
    expect(within(first).getAllByRole('link', { name: /Reply to Ann/ })[0]).toHaveAttribute('href', '/2022/01/14/a/reply/1#respond')
    const bo = container.querySelector('#comment-2') as HTMLElement
    expect(within(bo).getByRole('link', { name: 'Bo' })).toHaveAttribute('rel', 'nofollow ugc noopener')
    expect(bo).toHaveTextContent('Staff')
    const cy = container.querySelector('#comment-3') as HTMLElement
    expect(within(cy).queryByRole('link', { name: 'Cy' })).toBeNull()
    expect(within(cy).getByRole('link', { name: /2026/ })).toHaveAttribute('href', '#comment-3')
  })

  it('counts thoughts in the heading', () => {
    expect(commentCountHeading(0, 'T')).toBe('No comments yet on “T”')
    expect(commentCountHeading(1, 'T')).toBe('1 thought on “T”')
    expect(commentCountHeading(3, 'T')).toBe('3 thoughts on “T”')
  })
})
