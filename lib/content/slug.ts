// Slugs and article URLs: one canonical form for every path the site builds.

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}

/** The canonical path of an article: /{yyyy}/{mm}/{dd}/{slug}, dated in UTC. */
export function articlePath(publishedAt: string, slug: string): string {
  const date = new Date(publishedAt)
  const yyyy = String(date.getUTCFullYear())
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0')
  const dd = String(date.getUTCDate()).padStart(2, '0')
  return `/${yyyy}/${mm}/${dd}/${slug}`
}

export const sectionPath = (slug: string) => `/section/${slug}`
export const authorPath = (slug: string) => `/author/${slug}`
export const tagPath = (slug: string) => `/tag/${slug}`
