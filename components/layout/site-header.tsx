// The masthead: skip link, site name, search box, theme switch and section navigation, the same on every page.
import Link from 'next/link'
import { site } from '@/lib/site'
import { SiteSearch } from './site-search'
import { ThemeSwitch } from './theme-switch'

export function SiteHeader() {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-header__name">
          {site.name}
        </Link>
        <SiteSearch />
        <ThemeSwitch />
        <nav aria-label="Sections" className="site-nav">
          <ul>
            <li>
              <Link href="/">Home</Link>
            </li>
            {site.navigation.map((s) => (
              <li key={s.slug}>
                <Link href={`/section/${s.slug}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  )
}
