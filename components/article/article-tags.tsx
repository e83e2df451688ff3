// The article's tags, each a link to its tag page.
import Link from 'next/link'
import type { TermDto } from '@/db/queries/articles'

export function ArticleTags({ tags }: { tags: readonly TermDto[] }) {
  if (!tags.length) return null
  return (
    <nav className="article-tags" aria-label="Topics">
      <h2 className="article-tags__title">Topics</h2>
      <ul>
        {tags.map((t) => (
          <li key={t.id}>
            <Link href={t.url}>{t.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
