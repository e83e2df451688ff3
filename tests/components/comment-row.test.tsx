import { render, screen, within } from '@testing-library/react'
import { CommentRow, type RowActions } from '@/components/admin/comment-row'
import type { ModerationCommentDto } from '@/db/queries/moderation'
import { defaultView } from '@/lib/admin/queue-params'
import type { CommentStatus } from '@/db/schema'

const noop = async () => {}
const actions: RowActions = { approve: noop, unapprove: noop, spam: noop, 'not-spam': noop, trash: noop, restore: noop, delete: noop }

function comment(status: CommentStatus, extra: Partial<ModerationCommentDto> = {}): ModerationCommentDto {
  return {
    id: 7,
    status,
    reason: 'Held for moderation: 2 links (the limit is 2)',
    authorName: 'Boris',
    authorEmail: 'boris@example.com',
    authorUrl: 'https://boris.example',
    ip: '198.51.100.7',
    userAgent: 'UA',
    body: 'See http://a.example <b>bold</b>',
    isStaff: false,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    article: { id: 1, title: 'Peacekeepers', url: '/2022/01/14/peace', commentsOpen: true },
    parent: { id: 3, authorName: 'Aigerim', body: 'Thank you', status: 'approved' },
    ...extra,
  }
}

function renderRow(c: ModerationCommentDto, mode: 'view' | 'edit' | 'reply' = 'view') {
  render(
    <table>
      <tbody>
        <CommentRow comment={c} view={defaultView} mode={mode} actions={actions} editAction={async (s) => s} replyAction={async (s) => s} />
      </tbody>
    </table>,
  )
  return screen.getByRole('row')
}

const buttonNames = (row: HTMLElement) => within(row).getAllByRole('button').map((b) => b.textContent)

describe('a row of the moderation queue', () => {
  it.each([
    ['pending', ['Approve', 'Spam', 'Trash', 'Edit', 'Reply']],
    ['approved', ['Unapprove', 'Spam', 'Trash', 'Edit', 'Reply']],
    ['spam', ['Not spam', 'Delete permanently']],
    ['trash', ['Restore', 'Delete permanently']],
  ] as const)('offers the buttons DESIGN.md names for a %s comment', (status, names) => {
    expect(buttonNames(renderRow(comment(status)))).toEqual(names)
  })

  it('shows who wrote it, where, in reply to whom, why it is held, and the text as text', () => {
    const row = renderRow(comment('pending'))
    expect(within(row).getByText('boris@example.com')).toHaveAttribute('href', 'mailto:boris@example.com')
    expect(within(row).getByText('198.51.100.7')).toBeInTheDocument()
    expect(within(row).getByRole('link', { name: 'Peacekeepers' })).toHaveAttribute('href', '/2022/01/14/peace#comments')
    expect(within(row).getByRole('link', { name: 'Aigerim' })).toHaveAttribute('href', '/2022/01/14/peace#comment-3')
    expect(row).toHaveTextContent('Held for moderation: 2 links (the limit is 2)')
    expect(row.querySelector('b b')).toBeNull()
    expect(row).toHaveTextContent('<b>bold</b>')
  })

  it('says who moderated it and when', () => {
    const row = renderRow(comment('approved', { reason: 'Approved by mod@example.com', updatedAt: '2025-01-02T09:30:00.000Z' }))
    expect(row).toHaveTextContent('Approved by mod@example.com')
    expect(within(row).getByText(/2 January 2025/)).toHaveAttribute('dateTime', '2025-01-02T09:30:00.000Z')
  })

  it('opens the editor with the current values, each field labelled', () => {
    const row = renderRow(comment('approved'), 'edit')
    expect(within(row).getByLabelText('Comment')).toHaveValue('See http://a.example <b>bold</b>')
    expect(within(row).getByLabelText('Name')).toHaveValue('Boris')
    expect(within(row).getByLabelText('Email')).toHaveValue('boris@example.com')
    expect(within(row).getByLabelText('Website')).toHaveValue('https://boris.example')
    expect(within(row).getByRole('button', { name: 'Save changes' })).toBeInTheDocument()
  })

  it('opens the reply form, saying a reply approves a pending comment', () => {
    const row = renderRow(comment('pending'), 'reply')
    expect(within(row).getByLabelText('Reply to Boris')).toHaveAccessibleDescription(/Replying also approves this comment/)
  })
})
