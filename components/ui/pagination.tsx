// Numbered page links for a listing: /base, /base/page/2, …
import Link from 'next/link'

export function pageHref(base: string, page: number): string {
  if (page <= 1) return base
  return `${base === '/' ? '' : base}/page/${page}`
}

export function Pagination({ base, page, pageCount }: { base: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  return (
    <nav className="pagination" aria-label="Pages">
      <ul>
        {page > 1 && (
          <li>
            <Link href={pageHref(base, page - 1)} rel="prev">
              Newer
            </Link>
          </li>
        )}
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={pageHref(base, n)}>{n}</Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={pageHref(base, page + 1)} rel="next">
              Older
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
