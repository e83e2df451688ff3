// Links between pages of a long discussion: page 1 is the article itself, later pages live under it.
export const commentPageHref = (articleUrl: string, page: number) => (page <= 1 ? `${articleUrl}#comments` : `${articleUrl}/comments/${page}#comments`)

export function CommentPages({ articleUrl, page, pageCount }: { articleUrl: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  return (
    <nav className="pagination comment-pages" aria-label="Comment pages">
      <ul>
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={commentPageHref(articleUrl, n)}>
                <span className="visually-hidden">Comments page </span>
                {n}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
