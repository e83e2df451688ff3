'use client'
// The "Leave a Reply" island: posts through the server action with or without JavaScript; with it, adds a pending
// state, focus management, drafts that survive a reload, remembered details, replies in place and the author's own
// pending comments on later visits.
import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from 'react'
import type { CommentFormState } from '@/lib/comments/form-state'
import { CommentFormFields } from './comment-form-fields'
import { PostedComment } from './posted-comment'

type Action = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>
type ReplyTo = { id: number; name: string } | null
type Pending = NonNullable<CommentFormState['posted']>

const REMEMBER_KEY = 'comment-author'
const draftKey = (articleId: number) => `comment-draft:${articleId}`
const pendingKey = (articleId: number) => `comment-pending:${articleId}`

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}
function write(key: string, value: unknown) {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the form still works, it just forgets.
  }
}

export function CommentForm({
  action,
  initialState,
  articleId,
  articleUrl,
  token,
  permalink,
  replyTo: initialReplyTo = null,
}: {
  action: Action
  initialState: CommentFormState
  articleId: number
  articleUrl: string
  token: string
  /** Where a form sent without JavaScript lands: this page, scrolled to the form and its answer. */
  permalink: string
  replyTo?: ReplyTo
}) {
  const [state, formAction, isPending] = useActionState(action, initialState, permalink)
  const [replyTo, setReplyTo] = useState<ReplyTo>(initialReplyTo)
  const [pendingList, setPendingList] = useState<Pending[]>([])
  const root = useRef<HTMLDivElement>(null)
  const form = useRef<HTMLFormElement>(null)
  const home = useRef<{ parent: Node; next: Node | null } | null>(null)
  const answer = useRef<HTMLDivElement>(null)
  const tokenRefreshed = useRef(false)

  const field = (name: string) => form.current?.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null

  /** Moves the form under a comment (or back home), as WordPress does; DOM only. */
  const placeForm = useCallback((target: ReplyTo) => {
    const el = root.current
    if (!el) return false
    if (target) {
      const li = document.getElementById(`comment-${target.id}`)
      if (!li) return false
      home.current ??= { parent: el.parentNode as Node, next: el.nextSibling }
      li.appendChild(el)
    } else if (home.current) {
      home.current.parent.insertBefore(el, home.current.next)
    }
    return true
  }, [])

  const moveTo = useCallback(
    (target: ReplyTo) => {
      if (!placeForm(target)) return
      setReplyTo(target)
      field('comment')?.focus()
    },
    [placeForm],
  )

  // A posted reply puts the form back under the list (state adjusted while rendering, not in an effect).
  const [seenAnswer, setSeenAnswer] = useState(state.answeredAt)
  if (seenAnswer !== state.answeredAt) {
    setSeenAnswer(state.answeredAt)
    if (state.status === 'posted' && replyTo !== initialReplyTo) setReplyTo(initialReplyTo)
  }

  // Reply links: move the form under the comment instead of loading the reply page.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[data-reply-to]')
      if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      e.preventDefault()
      moveTo({ id: Number(link.getAttribute('data-reply-to')), name: link.getAttribute('data-reply-name') ?? '' })
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [moveTo])

  // On load: remembered details, a saved draft, and this browser's comments still awaiting moderation.
  useEffect(() => {
    const remembered = read<{ author: string; email: string; url: string }>(REMEMBER_KEY)
    const f = form.current
    if (remembered && f) {
      for (const name of ['author', 'email', 'url'] as const) {
        const input = field(name)
        if (input && !input.value) input.value = remembered[name] ?? ''
      }
      const box = field('wp-comment-cookies-consent') as HTMLInputElement | null
      if (box) box.checked = true
    }
    const draft = read<{ comment: string }>(draftKey(articleId))
    const textarea = field('comment')
    if (draft?.comment && textarea && !textarea.value) textarea.value = draft.comment

    const stored = read<Pending[]>(pendingKey(articleId)) ?? []
    if (!stored.length) return
    fetch(`/api/comments/status?ids=${stored.map((c) => c.id).join(',')}`, { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : null))
      .then((statuses) => {
        if (!statuses) return
        const still = stored.filter((c) => statuses[c.id] === 'pending')
        write(pendingKey(articleId), still.length ? still : null)
        setPendingList(still)
      })
      .catch(() => setPendingList(stored))
  }, [articleId])

  // After each answer: announce it, move focus to it, and remember what should be remembered.
  useEffect(() => {
    if (!state.answeredAt) return
    if (state.status === 'posted' && state.posted) {
      write(draftKey(articleId), null)
      const textarea = field('comment')
      if (textarea) textarea.value = ''
      if (state.posted.status === 'pending') {
        const list = [...(read<Pending[]>(pendingKey(articleId)) ?? []).filter((c) => c.id !== state.posted?.id), state.posted]
        write(pendingKey(articleId), list)
      }
      placeForm(null)
    }
    answer.current?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.answeredAt])

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    if (data.get('wp-comment-cookies-consent') === 'yes') {
      write(REMEMBER_KEY, { author: data.get('author'), email: data.get('email'), url: data.get('url') })
    } else write(REMEMBER_KEY, null)
    startTransition(() => formAction(data))
  }

  async function refreshToken() {
    if (tokenRefreshed.current) return
    tokenRefreshed.current = true
    try {
      const r = await fetch('/api/comment-token', { cache: 'no-store' })
      const { token: fresh } = (await r.json()) as { token: string }
      const input = field('comment_token')
      if (input && fresh) input.value = fresh
    } catch {
      // Keep the token the page came with.
    }
  }

  const errorList = Object.entries(state.errors)
  const showPosted = state.status === 'posted' && state.posted?.status === 'pending'
  return (
    <div id="respond" className="comment-respond" ref={root}>
      {pendingList
        .filter((c) => c.id !== state.posted?.id)
        .map((c) => (
          <PostedComment key={c.id} comment={c} />
        ))}
      <h3 id="reply-title" className="comment-reply-title">
        {replyTo ? `Leave a Reply to ${replyTo.name}` : 'Leave a Reply'}{' '}
        {replyTo && (
          <small>
            <a
              href={`${articleUrl}#respond`}
              className="cancel-reply"
              onClick={(e) => {
                // On the reply page the form started here: let the link go back to the article.
                if (!home.current) return
                e.preventDefault()
                const id = replyTo.id
                moveTo(null)
                document.querySelector<HTMLElement>(`#comment-${id} .comment__reply`)?.focus()
              }}
            >
              Cancel reply
            </a>
          </small>
        )}
      </h3>
      <div ref={answer} tabIndex={-1} className="comment-answer" data-answered-at={state.answeredAt || undefined}>
        <div role="status" aria-live="polite">
          {state.status === 'posted' && (
            <p className="form-message form-message--ok">
              {state.message}
              {state.posted?.status === 'approved' && (
                <>
                  {' '}
                  <a href={`#comment-${state.posted.id}`}>View your comment</a>
                </>
              )}
            </p>
          )}
        </div>
        <div role="alert">
          {state.status === 'error' && (
            <div className="form-message form-message--error">
              <p>{state.message}</p>
              {errorList.length > 1 && (
                <ul>
                  {errorList.map(([name, message]) => {
                    const target = name === 'comment_parent' ? 'comment' : name
                    return (
                      <li key={name}>
                        <a
                          href={`#${target}`}
                          onClick={(e) => {
                            // Following the link only scrolls; put the caret in the field, as its label says.
                            const input = field(target)
                            if (!input) return
                            e.preventDefault()
                            input.focus()
                          }}
                        >
                          {message}
                        </a>
                      </li>
                    )
                  })}
                </ul>
              )}
            </div>
          )}
        </div>
        {showPosted && state.posted && <PostedComment comment={state.posted} />}
      </div>
      <form
        ref={form}
        action={formAction}
        onSubmit={onSubmit}
        onFocus={refreshToken}
        onInput={(e) => {
          if ((e.target as HTMLElement).getAttribute('name') === 'comment') {
            write(draftKey(articleId), { comment: (e.target as HTMLTextAreaElement).value })
          }
        }}
        className="comment-form"
        aria-labelledby="reply-title"
        noValidate
      >
        <CommentFormFields values={state.values} errors={state.errors} />
        {state.errors.comment_parent && (
          <p className="field-error" id="comment_parent-error">
            {state.errors.comment_parent}
          </p>
        )}
        <input type="hidden" name="comment_parent" value={replyTo ? String(replyTo.id) : '0'} />
        <input type="hidden" name="comment_token" defaultValue={token} />
        <p className="hp-field" aria-hidden="true">
          <label htmlFor="ak_hp_website">Leave this field empty</label>
          <input id="ak_hp_website" name="ak_hp_website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </p>
        <p className="form-submit">
          <button type="submit" className="button" aria-disabled={isPending || undefined}>
            {isPending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </div>
  )
}
