// Which cached pages a change touches. Server-only: called from server actions and route handlers.
import 'server-only'
import { revalidatePath } from 'next/cache'

/**
 * A comment became public, changed or left: the article page, its later comment pages and its comments feed.
 * Cached pages carry their own path as a tag, plus their route pattern's layouts (not the article's), so the
 * comment pages are reached through their route pattern.
 */
export function revalidateDiscussion(articleUrl: string): void {
  revalidatePath(articleUrl)
  revalidatePath(`${articleUrl}/feed`)
  revalidatePath('/[yyyy]/[mm]/[dd]/[slug]/comments/[n]', 'page')
}
