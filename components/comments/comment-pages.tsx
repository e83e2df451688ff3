// Links between pages of a long discussion: page 1 is the article itself, later pages live under it.
import { gapBefore, pageNumbers } from '@/lib/pagination'

export const commentPageHref = (articleUrl: string, page: number) => (page <= 1 ? `${articleUrl}#comments` : `${articleUrl}/comments/${page}#comments`)

export function CommentPages({ articleUrl, page, pageCount }: { articleUrl: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  const numbers = pageNumbers(page, pageCount)
  return (
    <nav className="pagination comment-pages" aria-label="Comment pages">
      <ul>
        {numbers.map((n, i) => (
          <li key={n}>
            {gapBefore(numbers, i) && <span aria-hidden="true">… </span>}
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
