// Previous/next and numbered pages for admin lists; the link builder keeps the list's filters.
import Link from 'next/link'

export function AdminPagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  const numbers = Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2)
  return (
    <nav className="pagination admin-pagination" aria-label="Pages">
      <ul>
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev" prefetch={false}>
              Previous
            </Link>
          </li>
        )}
        {numbers.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (numbers[i - 1] ?? n) > 1 && <span aria-hidden="true">…</span>}
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={href(n)} prefetch={false}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next" prefetch={false}>
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
