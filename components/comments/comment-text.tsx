// A comment's text: paragraphs and line breaks kept, bare links made safe nofollow links, nothing interpreted as HTML.
import { Fragment } from 'react'
import { linkify, toParagraphs } from '@/lib/comments/text'

export function CommentText({ text }: { text: string }) {
  return (
    <div className="comment__text">
      {toParagraphs(text).map((lines, p) => (
        <p key={p}>
          {lines.map((line, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {linkify(line).map((s, i) =>
                s.kind === 'link' ? (
                  <a key={i} href={s.href} rel="nofollow ugc noopener" className="comment__link">
                    {s.text}
                  </a>
                ) : (
                  <Fragment key={i}>{s.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  )
}
