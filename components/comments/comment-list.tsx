// Approved comments as a threaded list; each has a permalink, its author (linked when they gave a site) and a reply link.
import type { PublicCommentDto } from '@/db/queries/comments'
import { DateTime } from '@/components/ui/date-time'
import { Avatar } from './avatar'
import { CommentText } from './comment-text'

type Node = PublicCommentDto & { children: Node[] }

export function buildThreads(list: readonly PublicCommentDto[]): Node[] {
  const byId = new Map<number, Node>(list.map((c) => [c.id, { ...c, children: [] }]))
  const roots: Node[] = []
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

type ReplySlot = { id: number; form: React.ReactNode } | null

function CommentItem({ node, articleUrl, depth, reply }: { node: Node; articleUrl: string; depth: number; reply: ReplySlot }) {
  const safeUrl = /^https?:\/\//i.test(node.authorUrl) ? node.authorUrl : ''
  return (
    <li id={`comment-${node.id}`} className={`comment depth-${depth}`}>
      <article className="comment__body" aria-labelledby={`comment-${node.id}-author`}>
        <footer className="comment__meta">
          <Avatar seed={node.avatarSeed} name={node.authorName} />
          <div>
            <b className="comment__author" id={`comment-${node.id}-author`}>
              {safeUrl ? (
                <a href={safeUrl} rel="nofollow ugc noopener">
                  {node.authorName}
                </a>
              ) : (
                node.authorName
              )}
            </b>
            {node.isStaff && <span className="comment__staff">Staff</span>}
            <a className="comment__permalink" href={`#comment-${node.id}`}>
              <DateTime iso={node.createdAt} withTime />
            </a>
          </div>
        </footer>
        <CommentText text={node.body} />
        <p className="comment__actions">
          <a className="comment__reply" rel="nofollow" href={`${articleUrl}/reply/${node.id}#respond`} data-reply-to={node.id} data-reply-name={node.authorName}>
            Reply<span className="visually-hidden"> to {node.authorName}</span>
          </a>
        </p>
      </article>
      {reply?.id === node.id && reply.form}
      {node.children.length > 0 && (
        <ol className="comment-children">
          {node.children.map((child) => (
            <CommentItem key={child.id} node={child} articleUrl={articleUrl} depth={depth + 1} reply={reply} />
          ))}
        </ol>
      )}
    </li>
  )
}

export function CommentList({
  comments,
  articleUrl,
  reply = null,
}: {
  comments: readonly PublicCommentDto[]
  articleUrl: string
  reply?: ReplySlot
}) {
  const threads = buildThreads(comments)
  if (!threads.length) return null
  return (
    <ol className="comment-list">
      {threads.map((node) => (
        <CommentItem key={node.id} node={node} articleUrl={articleUrl} depth={1} reply={reply} />
      ))}
    </ol>
  )
}
