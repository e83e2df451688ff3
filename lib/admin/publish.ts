// Instant publication: after a change readers can see, drop exactly the cached pages that show it.
import 'server-only'
import { revalidatePath } from 'next/cache'

/** The article pages (and their comment feeds) whose approved comments changed; nothing else is re-rendered. */
export function publishArticleChanges(articlePaths: readonly string[]): void {
  for (const path of new Set(articlePaths)) {
    revalidatePath(path)
    revalidatePath(`${path}/feed`)
  }
}
