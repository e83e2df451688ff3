// A machine-readable date with its human form.
import { formatDate, formatDateTime } from '@/lib/format'

export function DateTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {withTime ? formatDateTime(iso) : formatDate(iso)}
    </time>
  )
}
