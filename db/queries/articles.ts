// Article reads for public pages: plain DTOs with explicit columns, body blocks resolved in two batched queries.
import 'server-only'
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { getDb } from '../client'
import { articles, articleTags, authors, images, sections, tags } from '../schema'
import { parseStoredBlocks, readingMinutes, type ArticleLinkDto, type Block, type ImageDto } from '@/lib/content/blocks'
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/content/slug'

export type TermDto = { id: number; slug: string; name: string; url: string }

export type ArticleCardDto = {
  id: number
  slug: string
  url: string
  title: string
  standfirst: string
  publishedAt: string
  section: TermDto
  image: ImageDto | null
}

export type ArticleDto = ArticleCardDto & {
  updatedAt: string
  isStub: boolean
  commentsOpen: boolean
  wordCount: number
  readingMinutes: number
  author: TermDto
  tags: TermDto[]
  blocks: Block[]
}

export type Page<T> = { items: T[]; total: number; page: number; pageCount: number }

const imageColumns = {
  id: images.id,
  src: images.src,
  width: images.width,
  height: images.height,
  alt: images.alt,
  caption: images.caption,
  credit: images.credit,
}

function imagesById(ids: number[]): Map<number, ImageDto> {
  if (!ids.length) return new Map()
  const rows = getDb().select(imageColumns).from(images).where(inArray(images.id, ids)).all()
  return new Map(rows.map((r) => [r.id, r]))
}

function linksById(ids: number[]): Map<number, ArticleLinkDto> {
  if (!ids.length) return new Map()
  const rows = getDb()
    .select({ id: articles.id, title: articles.title, slug: articles.slug, publishedAt: articles.publishedAt, isStub: articles.isStub })
    .from(articles)
    .where(inArray(articles.id, ids))
    .all()
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, url: articlePath(r.publishedAt, r.slug), isStub: r.isStub }]))
}

/** Resolves stored ids into render-ready blocks; a block whose target has gone is dropped, never rendered broken. */
function resolveBlocks(json: string): Block[] {
  const stored = parseStoredBlocks(json)
  const imageMap = imagesById(stored.flatMap((b) => (b.type === 'figure' ? [b.imageId] : [])))
  const linkMap = linksById(stored.flatMap((b) => (b.type === 'see-also' || b.type === 'read-also' ? [b.articleId] : [])))
  const blocks: Block[] = []
  let figureIndex = 0
  for (const b of stored) {
    switch (b.type) {
      case 'paragraph':
        blocks.push(b)
        break
      case 'figure': {
        const image = imageMap.get(b.imageId)
        if (image) blocks.push({ type: 'figure', image, index: figureIndex++ })
        break
      }
      case 'see-also':
      case 'read-also': {
        const article = linkMap.get(b.articleId)
        if (article) blocks.push({ type: b.type, article })
        break
      }
    }
  }
  return blocks
}

const term = (id: number, slug: string, name: string, url: (s: string) => string): TermDto => ({ id, slug, name, url: url(slug) })

export function getArticleBySlug(slug: string): ArticleDto | null {
  const row = getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      body: articles.body,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      isStub: articles.isStub,
      commentsOpen: articles.commentsOpen,
      wordCount: articles.wordCount,
      leadImageId: articles.leadImageId,
      sectionId: sections.id,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      authorId: authors.id,
      authorSlug: authors.slug,
      authorName: authors.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.slug, slug))
    .get()
  if (!row) return null
  const tagRows = getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(articleTags.position)
    .all()
  const blocks = resolveBlocks(row.body)
  const lead = row.leadImageId ? imagesById([row.leadImageId]).get(row.leadImageId) ?? null : null
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.publishedAt, row.slug),
    title: row.title,
    standfirst: row.standfirst,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    isStub: row.isStub,
    commentsOpen: row.commentsOpen,
    wordCount: row.wordCount,
    readingMinutes: readingMinutes(row.wordCount),
    section: term(row.sectionId, row.sectionSlug, row.sectionName, sectionPath),
    author: term(row.authorId, row.authorSlug, row.authorName, authorPath),
    tags: tagRows.map((t) => term(t.id, t.slug, t.name, tagPath)),
    blocks,
    image: lead,
  }
}

export type ListFilter = { sectionId?: number; authorId?: number; tagId?: number }

/** Published, non-stub articles, newest first, one page at a time. */
export function listArticles(filter: ListFilter, page: number, perPage = 20): Page<ArticleCardDto> {
  const db = getDb()
  const conditions: SQL[] = [eq(articles.isStub, false)]
  if (filter.sectionId !== undefined) conditions.push(eq(articles.sectionId, filter.sectionId))
  if (filter.authorId !== undefined) conditions.push(eq(articles.authorId, filter.authorId))
  const where = and(...conditions)
  const base = () => {
    const q = db.select({ id: articles.id }).from(articles)
    return filter.tagId !== undefined
      ? q.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)))
      : q
  }
  const total = (filter.tagId !== undefined
    ? db
        .select({ n: count() })
        .from(articles)
        .innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, filter.tagId)))
        .where(where)
        .get()
    : db.select({ n: count() }).from(articles).where(where).get())?.n ?? 0
  const ids = base()
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all()
    .map((r) => r.id)
  const items = cardsByIds(ids)
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / perPage)) }
}

function cardsByIds(ids: number[]): ArticleCardDto[] {
  if (!ids.length) return []
  const rows = getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      publishedAt: articles.publishedAt,
      leadImageId: articles.leadImageId,
      sectionId: sections.id,
      sectionSlug: sections.slug,
      sectionName: sections.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids))
    .all()
  const imageMap = imagesById(rows.flatMap((r) => (r.leadImageId ? [r.leadImageId] : [])))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        id: r.id,
        slug: r.slug,
        url: articlePath(r.publishedAt, r.slug),
        title: r.title,
        standfirst: r.standfirst,
        publishedAt: r.publishedAt,
        section: term(r.sectionId, r.sectionSlug, r.sectionName, sectionPath),
        image: r.leadImageId ? imageMap.get(r.leadImageId) ?? null : null,
      },
    ]
  })
}

export function getSection(slug: string): (TermDto & { description: string }) | null {
  const row = getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .get()
  return row ? { ...term(row.id, row.slug, row.name, sectionPath), description: row.description } : null
}

export function getAuthor(slug: string): (TermDto & { bio: string }) | null {
  const row = getDb()
    .select({ id: authors.id, slug: authors.slug, name: authors.name, bio: authors.bio })
    .from(authors)
    .where(eq(authors.slug, slug))
    .get()
  return row ? { ...term(row.id, row.slug, row.name, authorPath), bio: row.bio } : null
}

export function getTag(slug: string): TermDto | null {
  const row = getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).get()
  return row ? term(row.id, row.slug, row.name, tagPath) : null
}

export function listSections(): TermDto[] {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(sections.name)
    .all()
    .map((r) => term(r.id, r.slug, r.name, sectionPath))
}
