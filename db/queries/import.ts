// Writes an imported article in one transaction: taxonomy, images, stubs for related links, the article, its tags.
import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { getDb } from '../client'
import { articles, articleTags, authors, images, meta, sections, tags } from '../schema'
import type { StoredBlock } from '@/lib/content/blocks'
import { countWords } from '@/lib/content/blocks'
import { slugify } from '@/lib/content/slug'
import type { ArticleDraft } from '@/lib/import/parse'

export type ImportImage = { src: string; width: number; height: number; alt: string }
export type ImportResult = { id: number; slug: string; changed: boolean; stubs: string[] }

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0]

export const STUB_NOTICE =
  'This article has not been published on this site yet: only its headline is known, from a link in another article.'

function upsertBySlug<T extends typeof sections | typeof authors | typeof tags>(tx: Tx, table: T, name: string): number {
  const slug = slugify(name)
  if (!slug) throw new Error(`"${name}" has no letters or digits to make a URL from`)
  const found = tx.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()
  if (found) return found.id
  return tx.insert(table).values({ slug, name } as T['$inferInsert']).returning({ id: table.id }).get().id
}

function uniqueArticleSlug(tx: Tx, base: string, exceptId?: number): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const taken = tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get()
    if (!taken || taken.id === exceptId) return slug
  }
}

function findByTitle(tx: Tx, title: string) {
  return tx
    .select({ id: articles.id, isStub: articles.isStub, slug: articles.slug })
    .from(articles)
    .where(sql`${articles.title} = ${title} COLLATE NOCASE`)
    .get()
}

export function importArticle(
  draft: ArticleDraft,
  imageFiles: readonly ImportImage[],
  sourceHash: string,
  now: Date = new Date(),
): ImportResult {
  const db = getDb()
  return db.transaction((tx) => {
    const slug = draft.meta.slug ?? slugify(draft.title)
    if (!slug) throw new Error('the headline has no letters or digits to make a slug from: give a slug in the metadata')
    const existing =
      tx.select({ id: articles.id, sourceHash: articles.sourceHash }).from(articles).where(eq(articles.slug, slug)).get() ??
      (() => {
        const stub = findByTitle(tx, draft.title)
        return stub?.isStub ? { id: stub.id, sourceHash: null } : undefined
      })()
    if (existing?.sourceHash === sourceHash) return { id: existing.id, slug, changed: false, stubs: [] }

    const publishedAt = new Date(/T/.test(draft.meta.date) ? draft.meta.date : `${draft.meta.date}T12:00:00Z`).toISOString()
    const sectionId = upsertBySlug(tx, sections, draft.meta.section)
    const authorId = upsertBySlug(tx, authors, draft.meta.author)

    const imageIds = imageFiles.map((img, i) => {
      const figure = draft.blocks.find((b) => b.type === 'figure' && b.imageIndex === i)
      const values = {
        ...img,
        caption: figure?.type === 'figure' ? figure.caption : '',
        credit: figure?.type === 'figure' ? figure.credit : '',
      }
      return tx
        .insert(images)
        .values(values)
        .onConflictDoUpdate({ target: images.src, set: values })
        .returning({ id: images.id })
        .get().id
    })

    const stubs: string[] = []
    const linkTo = (title: string): number => {
      const found = findByTitle(tx, title)
      if (found) return found.id
      const body: StoredBlock[] = [{ type: 'paragraph', text: STUB_NOTICE }]
      stubs.push(title)
      return tx
        .insert(articles)
        .values({
          slug: uniqueArticleSlug(tx, slugify(title) || 'article'),
          title,
          body: JSON.stringify(body),
          sectionId,
          authorId,
          publishedAt,
          updatedAt: publishedAt,
          isStub: true,
          wordCount: 0,
        })
        .returning({ id: articles.id })
        .get().id
    }

    const blocks: StoredBlock[] = draft.blocks.map((b): StoredBlock => {
      switch (b.type) {
        case 'paragraph':
          return b
        case 'figure': {
          const imageId = imageIds[b.imageIndex]
          if (imageId === undefined) throw new Error(`figure ${b.imageIndex + 1} has no image`)
          return { type: 'figure', imageId }
        }
        case 'see-also':
          return { type: 'see-also', articleId: linkTo(b.title) }
        case 'read-also':
          return { type: 'read-also', articleId: linkTo(b.title) }
      }
    })

    const values = {
      slug: uniqueArticleSlug(tx, slug, existing?.id),
      title: draft.title,
      standfirst: draft.meta.standfirst,
      body: JSON.stringify(blocks),
      sectionId,
      authorId,
      leadImageId: imageIds[0] ?? null,
      publishedAt,
      updatedAt: existing ? now.toISOString() : publishedAt,
      isStub: false,
      wordCount: countWords(blocks),
      sourceHash,
    }
    const id = existing
      ? (tx.update(articles).set(values).where(eq(articles.id, existing.id)).run(), existing.id)
      : tx.insert(articles).values(values).returning({ id: articles.id }).get().id

    tx.delete(articleTags).where(eq(articleTags.articleId, id)).run()
    draft.meta.tags.forEach((name, position) => {
      tx.insert(articleTags)
        .values({ articleId: id, tagId: upsertBySlug(tx, tags, name), position })
        .onConflictDoNothing()
        .run()
    })
    return { id, slug: values.slug, changed: true, stubs }
  })
}

export function getMetaValue(key: string): string | undefined {
  return getDb().select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value
}

export function setMetaValue(key: string, value: string): void {
  getDb()
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: new Date().toISOString() } })
    .run()
}

