// Numbered page links for a listing: /base, /base/page/2, … (or any other address scheme, e.g. search's ?page=2).
import Link from 'next/link'
import { gapBefore, pageNumbers } from '@/lib/pagination'

export function pageHref(base: string, page: number): string {
  if (page <= 1) return base
  return `${base === '/' ? '' : base}/page/${page}`
}

type Props = { page: number; pageCount: number; label?: string; previous?: string; next?: string } & ({ base: string; href?: never } | { base?: never; href: (page: number) => string })

export function Pagination({ base, href, page, pageCount, label = 'Pages', previous = 'Newer', next = 'Older' }: Props) {
  if (pageCount <= 1) return null
  const to = (n: number) => (href ? href(n) : pageHref(base ?? '/', n))
  const numbers = pageNumbers(page, pageCount)
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={to(page - 1)} rel="prev">
              {previous}
            </Link>
          </li>
        )}
        {numbers.map((n, i) => (
          <li key={n}>
            {gapBefore(numbers, i) && <span aria-hidden="true">… </span>}
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={to(n)}>{n}</Link>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <Link href={to(page + 1)} rel="next">
              {next}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
