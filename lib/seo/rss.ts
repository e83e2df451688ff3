// RSS 2.0 feeds: the site's latest articles and each article's approved comments share this writer.
import { rfc822 } from './dates'
import { el, xmlDocument } from './xml'

export const RSS_NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
} as const

export type RssImage = { url: string; width: number; height: number; type: string }

export type RssItem = {
  title: string
  link: string
  /** Never changes, even when the slug or the site's address does: readers use it to tell new items from old. */
  guid: string
  pubDate: string
  description: string
  /** The author's name: RSS's own <author> wants an email address, which the site never publishes, so dc:creator it is. */
  creator?: string
  categories?: readonly string[]
  comments?: string
  image?: RssImage | null
}

export type RssChannel = {
  title: string
  link: string
  description: string
  language: string
  /** The feed's own URL (atom:link rel="self"). */
  self: string
  lastBuildDate?: string | null
  items: readonly RssItem[]
}

/** A stable guid for anything with a numeric id: a tag URI (RFC 4151) that holds neither a slug nor a host name. */
export const stableGuid = (kind: 'article' | 'comment', id: number) => `tag:the-courier,2026:${kind}-${id}`

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' }

/** The MIME type of an image from its extension; JPEG, the importer's usual output, otherwise. */
export function imageType(src: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase() ?? ''
  return IMAGE_TYPES[ext] ?? 'image/jpeg'
}

export function rss(channel: RssChannel): string {
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', ...RSS_NAMESPACES },
      el(
        'channel',
        null,
        el('title', null, channel.title),
        el('link', null, channel.link),
        el('description', null, channel.description),
        el('language', null, channel.language),
        el('atom:link', { href: channel.self, rel: 'self', type: 'application/rss+xml' }),
        channel.lastBuildDate ? el('lastBuildDate', null, rfc822(channel.lastBuildDate)) : null,
        channel.items.map((item) =>
          el(
            'item',
            null,
            el('title', null, item.title),
            el('link', null, item.link),
            el('guid', { isPermaLink: 'false' }, item.guid),
            el('pubDate', null, rfc822(item.pubDate)),
            el('description', null, item.description),
            item.creator ? el('dc:creator', null, item.creator) : null,
            (item.categories ?? []).map((c) => el('category', null, c)),
            item.comments ? el('comments', null, item.comments) : null,
            item.image
              ? el('media:content', {
                  url: item.image.url,
                  medium: 'image',
                  type: item.image.type,
                  width: item.image.width,
                  height: item.image.height,
                })
              : null,
          ),
        ),
      ),
    ),
  )
}
