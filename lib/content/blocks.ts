// The article body's typed blocks: what is stored (StoredBlock) and what components render (Block).

/** As stored in articles.body: related links and figures point at ids, so renames never break them. */
export type StoredBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'figure'; imageId: number }
  | { type: 'see-also'; articleId: number }
  | { type: 'read-also'; articleId: number }

export type ImageDto = {
  id: number
  src: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
}

export type ArticleLinkDto = { id: number; title: string; url: string; isStub: boolean }

/** As rendered: ids resolved to the data each component needs. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'figure'; image: ImageDto; index: number }
  | { type: 'see-also'; article: ArticleLinkDto }
  | { type: 'read-also'; article: ArticleLinkDto }

export function parseStoredBlocks(json: string): StoredBlock[] {
  const value: unknown = JSON.parse(json)
  if (!Array.isArray(value)) throw new Error('Article body is not a list of blocks')
  return value as StoredBlock[]
}

export function countWords(blocks: readonly StoredBlock[]): number {
  let words = 0
  for (const block of blocks) {
    if (block.type === 'paragraph') words += block.text.split(/\s+/).filter(Boolean).length
  }
  return words
}

/** Minutes at 230 words a minute, never less than one. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230))
}
