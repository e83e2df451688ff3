// Previous/next and numbered pages for admin lists; the link builder keeps the list's filters.
import Link from 'next/link'
import { gapBefore, pageNumbers } from '@/lib/pagination'

export function AdminPagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  const numbers = pageNumbers(page, pageCount)
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
            {gapBefore(numbers, i) && <span aria-hidden="true">…</span>}
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
