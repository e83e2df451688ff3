// Benchmark data: a realistic archive written straight into a fresh database in one transaction (seconds, not
// minutes), and the reads the benchmark uses to check that every acknowledged comment was stored. Never used by the site.
import type BetterSqlite3 from 'better-sqlite3'
import { openDatabase } from './open'

export type ArchiveSize = {
  /** Published articles besides the discussion article and the seed. */
  articles: number
  /** Approved comments on the one long discussion: the first `perPage` top-level threads are the same at every size. */
  discussionComments: number
  /** Pending comments across the archive (the moderation queue). */
  pending: number
  /** Every other comment (approved, spam, trash) spread over the archive. */
  otherComments: number
}

export const SMALL_ARCHIVE: ArchiveSize = { articles: 0, discussionComments: 80, pending: 20, otherComments: 0 }
export const LARGE_ARCHIVE: ArchiveSize = { articles: 10_000, discussionComments: 2_000, pending: 20_000, otherComments: 178_000 }

export const DISCUSSION_SLUG = 'bench-long-discussion'
export const BENCH_AUTHOR_EMAIL_DOMAIN = 'bench.example'

const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Technology', 'Culture', 'Sport', 'Opinion']
const WORDS = (
  'the government said on monday that talks with the united nations would resume after a week of protests in the capital ' +
  'officials confirmed a new agreement on trade energy and security while critics warned that the deal left many questions ' +
  'open the minister told reporters that police had arrested dozens of people and that soldiers would return to their bases ' +
  'economists expect prices to rise again this year as the central bank weighs another increase in interest rates ' +
  'researchers at the university published a study showing that the river has lost nearly a third of its fish since ' +
  'local residents describe long queues for fuel bread and medicine and say that the winter has been the hardest in decades ' +
  'the company reported record profits but announced plans to close two factories and cut hundreds of jobs across the region ' +
  'in a statement the opposition called for an independent inquiry into the elections and for the release of journalists ' +
  'peacekeeping mission council resolution spokesperson ambassador parliament election campaign budget deficit hospital ' +
  'school teachers nurses farmers workers union strike court judge ruling appeal evidence witness report survey analysis'
).split(' ')

/** A small deterministic generator (mulberry32), so every run seeds the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

function sentence(rng: Rng): string {
  const words = Array.from({ length: int(rng, 8, 24) }, () => pick(rng, WORDS))
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

const paragraph = (rng: Rng) => Array.from({ length: int(rng, 3, 6) }, () => sentence(rng)).join(' ')
const capitalise = (s: string) => s.replace(/(^|\s)(\w)/g, (_m, sp: string, c: string) => sp + c.toUpperCase())

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

type Statements = ReturnType<typeof prepare>

function prepare(db: BetterSqlite3.Database) {
  return {
    section: db.prepare('INSERT INTO sections (slug, name) VALUES (?, ?) ON CONFLICT(slug) DO UPDATE SET name = excluded.name RETURNING id'),
    author: db.prepare('INSERT INTO authors (slug, name) VALUES (?, ?) ON CONFLICT(slug) DO UPDATE SET name = excluded.name RETURNING id'),
    tag: db.prepare('INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT(slug) DO UPDATE SET name = excluded.name RETURNING id'),
    image: db.prepare(
      `INSERT INTO images (src, width, height, alt) VALUES (?, ?, ?, ?)
       ON CONFLICT(src) DO UPDATE SET width = excluded.width RETURNING id`,
    ),
    article: db.prepare(
      `INSERT INTO articles (slug, title, standfirst, body, section_id, author_id, lead_image_id, published_at, updated_at, word_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ),
    articleTag: db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)'),
    comment: db.prepare(
      `INSERT INTO comments (article_id, parent_id, author_name, author_email, body, status, reason, ip, user_agent, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'bench seed', ?, 'bench', ?, ?) RETURNING id`,
    ),
  }
}

function insertArticle(s: Statements, rng: Rng, slug: string, ids: { sections: number[]; authors: number[]; tags: number[]; image: number }, publishedMs: number) {
  const title = capitalise(Array.from({ length: int(rng, 6, 12) }, () => pick(rng, WORDS)).join(' '))
  const blocks = Array.from({ length: int(rng, 4, 7) }, () => ({ type: 'paragraph', text: paragraph(rng) }))
  const words = blocks.reduce((n, b) => n + b.text.split(' ').length, 0)
  const published = iso(publishedMs)
  const id = (
    s.article.get(slug, title, sentence(rng), JSON.stringify(blocks), pick(rng, ids.sections), pick(rng, ids.authors), ids.image, published, published, words) as {
      id: number
    }
  ).id
  const tagCount = int(rng, 2, 4)
  for (let p = 0; p < tagCount; p++) s.articleTag.run(id, pick(rng, ids.tags), p)
  return { id, publishedMs }
}

function commentAuthor(n: number) {
  return { name: `Reader ${n}`, email: `reader${n}@${BENCH_AUTHOR_EMAIL_DOMAIN}`, ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }
}

function insertComment(s: Statements, rng: Rng, articleId: number, parentId: number | null, status: string, atMs: number, authorN: number): number {
  const a = commentAuthor(authorN)
  const body = Array.from({ length: int(rng, 1, 3) }, () => sentence(rng)).join(' ')
  const at = iso(atMs)
  return (s.comment.get(articleId, parentId, a.name, a.email, body, status, a.ip, at, at) as { id: number }).id
}

/**
 * Writes an archive of the given size into `file` (created and migrated if missing). The seed article is not written
 * here: `npm start` imports it as usual. Returns the row counts it wrote and the time taken.
 */
export function seedArchive(file: string, size: ArchiveSize): { articles: number; comments: number; ms: number } {
  const started = performance.now()
  const db = openDatabase(file)
  const sqlite = db.$client
  // Room for the whole transaction in memory: spilling dirty pages mid-transaction costs more than the inserts.
  sqlite.pragma('cache_size = -262144')
  const s = prepare(sqlite)
  const rng = random(7)
  let comments = 0
  sqlite.transaction(() => {
    const ids = {
      sections: SECTIONS.map((name) => (s.section.get(name.toLowerCase(), name) as { id: number }).id),
      authors: Array.from({ length: 60 }, (_, i) => (s.author.get(`bench-author-${i + 1}`, `Bench Author ${i + 1}`) as { id: number }).id),
      tags: Array.from({ length: 300 }, (_, i) => (s.tag.get(`bench-topic-${i + 1}`, `Topic ${i + 1}`) as { id: number }).id),
      image: (s.image.get('/brand/default-16x9.jpg', 1600, 900, 'The Courier') as { id: number }).id,
    }
    // Spread over the years before the seed article (2022-01-14), oldest first, so ids follow dates.
    const first = Date.UTC(2015, 0, 1)
    const span = Date.UTC(2021, 11, 31) - first
    const archive = Array.from({ length: size.articles }, (_, i) =>
      insertArticle(s, rng, `bench-article-${i + 1}`, ids, first + Math.floor((span * i) / Math.max(1, size.articles))),
    )
    const discussion = insertArticle(s, rng, DISCUSSION_SLUG, ids, Date.UTC(2021, 11, 31, 12))

    // The long discussion: 5 top-level comments for every 3 replies. The first 50 top-level comments and their replies
    // come first and are the same at every size, so page 1 of the discussion shows the same threads.
    const discussionRng = random(11)
    const topLevel = Math.ceil((size.discussionComments * 5) / 8)
    const replies = size.discussionComments - topLevel
    const tops: number[] = []
    const t0 = discussion.publishedMs + 3_600_000
    for (let i = 0; i < topLevel; i++) {
      tops.push(insertComment(s, discussionRng, discussion.id, null, 'approved', t0 + i * 60_000, 1_000_000 + i))
      comments++
    }
    for (let j = 0; j < replies; j++) {
      // Reply j answers top-level comment (j * 5) mod the first 50 while j < 30, then any later one.
      const target = j < 30 ? (j * 5) % 50 : 50 + ((j * 7) % Math.max(1, topLevel - 50))
      const parent = tops[Math.min(target, tops.length - 1)] ?? null
      insertComment(s, discussionRng, discussion.id, parent, 'approved', t0 + (topLevel + j) * 60_000, 2_000_000 + j)
      comments++
    }

    const spread = (n: number, status: (i: number) => string) => {
      for (let i = 0; i < n; i++) {
        const article = archive.length ? pick(rng, archive) : discussion
        insertComment(s, rng, article.id, null, status(i), article.publishedMs + int(rng, 60, 86_400 * 30) * 1000, int(rng, 1, 40_000))
        comments++
      }
    }
    spread(size.pending, () => 'pending')
    spread(size.otherComments, (i) => (i % 10 < 8 ? 'approved' : i % 10 === 8 ? 'spam' : 'trash'))
    return archive.length
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  return { articles: size.articles + 1, comments, ms: performance.now() - started }
}

function withDb<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const sqlite = openDatabase(file, { migrate: false }).$client
  try {
    return fn(sqlite)
  } finally {
    sqlite.close()
  }
}

/** Pending comments on the article with this slug, for the approve-to-public measurement. Returns their ids and texts. */
export function addPendingComments(file: string, slug: string, count: number, label: string): { id: number; body: string }[] {
  return withDb(file, (db) => {
    const article = db.prepare('SELECT id, published_at AS publishedAt FROM articles WHERE slug = ?').get(slug) as { id: number; publishedAt: string } | undefined
    if (!article) throw new Error(`no article ${slug}`)
    const s = prepare(db)
    return db.transaction(() =>
      Array.from({ length: count }, (_, i) => {
        const body = `Approve-to-public probe ${label} #${i + 1}: ${Math.random().toString(36).slice(2)}`
        const at = new Date().toISOString()
        const a = commentAuthor(3_000_000 + i)
        const id = (s.comment.get(article.id, null, a.name, a.email, body, 'pending', a.ip, at, at) as { id: number }).id
        return { id, body }
      }),
    )()
  })
}

/** Which of these (email, body) pairs are stored as comments: the check that every acknowledged post was committed. */
export function findStoredComments(file: string, emails: readonly string[]): Map<string, { id: number; status: string; body: string }> {
  return withDb(file, (db) => {
    const found = new Map<string, { id: number; status: string; body: string }>()
    const query = db.prepare('SELECT id, status, body FROM comments WHERE author_email = ?')
    for (const email of emails) {
      const row = query.get(email) as { id: number; status: string; body: string } | undefined
      if (row) found.set(email, row)
    }
    return found
  })
}

export function countRows(file: string): { articles: number; comments: number; pending: number } {
  return withDb(file, (db) => ({
    articles: (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
    comments: (db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n,
    pending: (db.prepare("SELECT count(*) AS n FROM comments WHERE status = 'pending'").get() as { n: number }).n,
  }))
}
