// The data model: the single source of truth for tables, indexes and row types.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const sections = sqliteTable('sections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
})

export const authors = sqliteTable('authors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  bio: text('bio').notNull().default(''),
})

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
})

export const images = sqliteTable('images', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Public path of the file, e.g. /media/photo.jpg */
  src: text('src').notNull().unique(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  alt: text('alt').notNull(),
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
})

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** JSON array of typed body blocks (lib/content/blocks.ts). */
    body: text('body').notNull(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    leadImageId: integer('lead_image_id').references(() => images.id),
    /** ISO 8601 instants (UTC). */
    publishedAt: text('published_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** A placeholder created for a related link whose article has not been imported yet. */
    isStub: integer('is_stub', { mode: 'boolean' }).notNull().default(false),
    commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
    wordCount: integer('word_count').notNull().default(0),
    /** Hash of the imported source, so importing the same file twice writes nothing. */
    sourceHash: text('source_hash'),
  },
  (t) => [
    // The body comes before is_stub, published_at and updated_at in each row, so a query that filters or sorts on those
    // without an index reads every body (overflow pages included). The listing indexes lead with what each listing
    // filters on and end with its order; the catalogue index covers the sitemap, the feeds and the listings' dates.
    index('articles_listed_idx').on(t.isStub, t.publishedAt),
    index('articles_section_listed_idx').on(t.sectionId, t.isStub, t.publishedAt),
    index('articles_author_listed_idx').on(t.authorId, t.isStub, t.publishedAt),
    index('articles_catalogue_idx').on(t.isStub, t.id, t.sectionId, t.authorId, t.publishedAt, t.updatedAt, t.slug),
    index('articles_title_idx').on(t.title),
  ],
)

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
)

export const commentStatuses = ['pending', 'approved', 'spam', 'trash'] as const
export type CommentStatus = (typeof commentStatuses)[number]

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    authorUrl: text('author_url').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('pending'),
    /** Why the comment is in its status: the policy rule that decided, or the moderator's action. */
    reason: text('reason').notNull().default(''),
    isStaff: integer('is_staff', { mode: 'boolean' }).notNull().default(false),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('comments_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    // When an article's public discussion last changed (sitemap lastmod, comment feeds): one seek per article.
    index('comments_article_status_updated_idx').on(t.articleId, t.status, t.updatedAt),
    index('comments_status_created_idx').on(t.status, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_email_created_idx').on(t.authorEmail, t.createdAt),
    index('comments_ip_created_idx').on(t.ip, t.createdAt),
  ],
)

/**
 * How many comments each status holds, kept by triggers on comments (migration 0005) in the same transaction as the
 * change: the moderation desk's tabs read four rows instead of counting the whole comments table on every page.
 */
export const commentStatusCounts = sqliteTable('comment_status_counts', {
  status: text('status', { enum: commentStatuses }).primaryKey(),
  count: integer('count').notNull().default(0),
})

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
})

export type ArticleRow = typeof articles.$inferSelect
export type NewArticle = typeof articles.$inferInsert
export type ImageRow = typeof images.$inferSelect
export type CommentRow = typeof comments.$inferSelect

export const userRoles = ['admin', 'editor'] as const

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  /** argon2id (PHC string). Never leaves db/. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: userRoles }).notNull().default('admin'),
  /** Bumped on sign-out and password change: a JWT carrying an older version is refused. */
  sessionVersion: integer('session_version').notNull().default(1),
  createdAt: text('created_at').notNull(),
})

export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull().default(''),
    success: integer('success', { mode: 'boolean' }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('sign_in_attempts_email_at_idx').on(t.email, t.at), index('sign_in_attempts_ip_at_idx').on(t.ip, t.at)],
)

/** Every moderation action, refused admin action and failed sign-in, written in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email').notNull().default(''),
    action: text('action').notNull(),
    commentId: integer('comment_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    detail: text('detail').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_comment_idx').on(t.commentId)],
)

/** Discussion settings as JSON values by key (see lib/comments/settings.ts for keys and defaults). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export type UserRow = typeof users.$inferSelect
