// An inline "See also" or "Read also" link to another article, as the seed places them in the body.
import Link from 'next/link'
import type { ArticleLinkDto } from '@/lib/content/blocks'

const LABELS = { 'see-also': 'See also', 'read-also': 'Read also' } as const

export function RelatedLink({ kind, article }: { kind: keyof typeof LABELS; article: ArticleLinkDto }) {
  const label = LABELS[kind]
  return (
    <aside className={`related related--${kind}`} aria-label={`${label}: ${article.title}`}>
      <span className="related__label">{label}</span>{' '}
      <Link className="related__link" href={article.url}>
        {article.title}
      </Link>
    </aside>
  )
}
