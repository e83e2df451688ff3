// The admin bar: where you are, the desk's sections and the sign-out button (a plain form).
import Link from 'next/link'

export type AdminSection = 'dashboard' | 'comments' | 'log' | 'settings'

const links: { section: AdminSection; href: string; label: string }[] = [
  { section: 'dashboard', href: '/admin', label: 'Dashboard' },
  { section: 'comments', href: '/admin/comments', label: 'Comments' },
  { section: 'log', href: '/admin/log', label: 'Audit log' },
  { section: 'settings', href: '/admin/settings', label: 'Discussion settings' },
]

export function AdminNav({
  current,
  user,
  pending,
  signOut,
}: {
  current: AdminSection
  user: { email: string; name: string }
  pending: number
  signOut: () => Promise<void>
}) {
  return (
    <div className="admin-bar">
      <nav aria-label="Admin" className="admin-bar__nav">
        <ul>
          {links.map((l) => (
            <li key={l.section}>
              <Link href={l.href} aria-current={l.section === current ? 'page' : undefined} prefetch={false}>
                {l.label}
                {l.section === 'comments' && pending > 0 && (
                  <span className="admin-badge">
                    {pending}
                    <span className="visually-hidden"> pending</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action={signOut} className="admin-bar__user">
        <span>
          Signed in as <b>{user.name || user.email}</b>
        </span>{' '}
        <button type="submit" className="admin-button">
          Sign out
        </button>
      </form>
    </div>
  )
}
