// Which public URLs name an article, section, author or tag, and by which slug. Pure, for proxy.ts.
import type { SlugKind } from '@/db/queries/exists'

const PATTERNS: [SlugKind, RegExp][] = [
  ['article', /^\/\d{4}\/\d{2}\/\d{2}\/([^/]+)(?:\/.*)?$/],
  ['section', /^\/section\/([^/]+)(?:\/.*)?$/],
  ['author', /^\/author\/([^/]+)(?:\/.*)?$/],
  ['tag', /^\/tag\/([^/]+)(?:\/.*)?$/],
]

export function slugInPath(pathname: string): { kind: SlugKind; slug: string } | null {
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(pathname)
    if (match?.[1]) {
      let slug: string
      try {
        slug = decodeURIComponent(match[1]).toLowerCase()
      } catch {
        return { kind, slug: '' }
      }
      return { kind, slug }
    }
  }
  return null
}
