// The author's own just-posted comment, shown only to them (it is not in the cached public page).
import type { CommentFormState } from '@/lib/comments/form-state'
import { Avatar } from './avatar'
import { CommentText } from './comment-text'

export function PostedComment({ comment }: { comment: NonNullable<CommentFormState['posted']> }) {
  return (
    <div className="comment comment--own" id={comment.status === 'pending' ? `pending-comment-${comment.id}` : undefined}>
      <div className="comment__meta">
        <Avatar seed={comment.avatarSeed} name={comment.authorName} />
        <b className="comment__author">{comment.authorName}</b>
      </div>
      {comment.status === 'pending' && <p className="comment-awaiting-moderation">Your comment is awaiting moderation.</p>}
      <CommentText text={comment.body} />
    </div>
  )
}
