// The article's discussion: the count, the approved comments and the "Leave a Reply" form.
import type { PublicCommentDto } from '@/db/queries/comments'
import { CommentFormFields } from './comment-form-fields'
import { CommentList } from './comment-list'

export function commentCountHeading(count: number, title: string): string {
  if (count === 0) return `No comments yet on “${title}”`
  return `${count} ${count === 1 ? 'thought' : 'thoughts'} on “${title}”`
}

export function CommentSection({
  articleUrl,
  title,
  comments,
  commentsOpen,
}: {
  articleUrl: string
  title: string
  comments: readonly PublicCommentDto[]
  commentsOpen: boolean
}) {
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        {commentCountHeading(comments.length, title)}
      </h2>
      <CommentList comments={comments} articleUrl={articleUrl} />
      {commentsOpen ? (
        <div id="respond" className="comment-respond">
          <h3 id="reply-title" className="comment-reply-title">
            Leave a Reply
          </h3>
          <form method="post" className="comment-form" aria-labelledby="reply-title" noValidate>
            <CommentFormFields />
            <input type="hidden" name="comment_parent" value="0" />
            <p className="form-submit">
              <button type="submit" className="button">
                Post Comment
              </button>
            </p>
          </form>
        </div>
      ) : (
        <p className="comments-closed">Comments are closed.</p>
      )}
    </section>
  )
}
