// Instant publication: after a change readers can see, drop exactly the cached pages that show it.
import 'server-only'
import { revalidateDiscussion } from '@/lib/cache/revalidate'

/** The discussion of each article whose approved comments changed (its page, comment pages and feed); nothing else. */
export function publishArticleChanges(articlePaths: readonly string[]): void {
  for (const path of new Set(articlePaths)) revalidateDiscussion(path)
}
