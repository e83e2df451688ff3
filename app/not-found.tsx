// The 404 page: says what happened and offers a way on.
import type { Metadata } from 'next'
import Link from 'next/link'
import { site } from '@/lib/site'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } }

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>We could not find the page at this address. It may have moved, or the link may be mistyped.</p>
      <ul>
        <li>
          <Link href="/">Go to the front page</Link>
        </li>
        {site.navigation.map((s) => (
          <li key={s.slug}>
            <Link href={`/section/${s.slug}`}>Browse {s.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
