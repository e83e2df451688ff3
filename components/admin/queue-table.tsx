// The queue as a table: one row per comment, a caption saying what is shown.
import type { ModerationCommentDto } from '@/db/queries/moderation'
import type { EditState, ReplyState } from '@/lib/admin/form-state'
import type { QueueView } from '@/lib/admin/queue-params'
import { CommentRow, type RowActions } from './comment-row'

export function QueueTable({
  comments,
  caption,
  view,
  editing,
  replying,
  actions,
  editAction,
  replyAction,
}: {
  comments: ModerationCommentDto[]
  caption: string
  view: QueueView
  editing: number | null
  replying: number | null
  actions: RowActions
  editAction: (state: EditState, formData: FormData) => Promise<EditState>
  replyAction: (state: ReplyState, formData: FormData) => Promise<ReplyState>
}) {
  return (
    <table className="queue" id="queue">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="queue__select">
            <span className="visually-hidden">Select</span>
          </th>
          <th scope="col">Author</th>
          <th scope="col">Comment</th>
          <th scope="col">Article</th>
          <th scope="col">Submitted</th>
        </tr>
      </thead>
      <tbody>
        {comments.map((c) => (
          <CommentRow
            key={c.id}
            comment={c}
            view={view}
            mode={editing === c.id ? 'edit' : replying === c.id ? 'reply' : 'view'}
            actions={actions}
            editAction={editAction}
            replyAction={replyAction}
          />
        ))}
      </tbody>
    </table>
  )
}
