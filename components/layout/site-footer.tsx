// The footer: site identity and the feeds a reader can follow.
import Link from 'next/link'
import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <strong>{site.name}</strong> · {site.tagline}
        </p>
        <nav aria-label="Footer">
          <ul>
            {site.navigation.map((s) => (
              <li key={s.slug}>
                <Link href={`/section/${s.slug}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  )
}
