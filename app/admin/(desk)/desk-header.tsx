// The top of every desk page: the admin bar, then the page's one h1.
import { AdminNav, type AdminSection } from '@/components/admin/admin-nav'
import type { AdminUserDto } from '@/db/queries/users'
import { signOutAdmin } from './actions'

export function DeskHeader({ admin, current, pending, title }: { admin: AdminUserDto; current: AdminSection; pending: number; title: string }) {
  return (
    <>
      <AdminNav current={current} user={admin} pending={pending} signOut={signOutAdmin} />
      <h1 className="admin-title">{title}</h1>
    </>
  )
}
