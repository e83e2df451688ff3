// Nothing lost: comments posted concurrently to `next start`, which is killed with SIGKILL midway and restarted
// (every acknowledged comment is there, the file is intact, no partial rows); concurrent writers and readers with
// no SQLITE_BUSY and no 5xx; an online backup under write load that restores every comment committed before it.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { nextIp, postCommentForm, readCommentForm, waitForTokenAge, type PostAnswer } from './support/comment-form'
import { FULL } from '../support/mode'
import { runScript, startSite, type Site } from './support/site'

const ARTICLE = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
const CRASH_ROUNDS = FULL ? 5 : 2
const CRASH_POSTS = FULL ? 200 : 60
const TIMEOUT_MS = (FULL ? 15 : 4) * 60_000
const LOAD = FULL ? { writers: 200, readers: 50, seconds: 30 } : { writers: 50, readers: 15, seconds: 5 }

type Sent = { author: string; email: string; comment: string }
type Row = { id: number; author_name: string; author_email: string; body: string; status: string; article_id: number; created_at: string; ip: string }

let dir = ''
let site: Site | null = null
const figures: Record<string, unknown> = {}

function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, 'site.db'), { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const integrity = () => readDb((db) => db.pragma('integrity_check', { simple: true }))
const rowsLike = (pattern: string) => readDb((db) => db.prepare('SELECT * FROM comments WHERE author_email LIKE ? ORDER BY id').all(pattern) as Row[])

/** A body long enough that a commit spans several pages of the WAL, with text that round-trips only if stored whole. */
const bodyFor = (key: string) => `${key}: ${'Ünïcödé ✓ 🙂 '.repeat(40)}\n\nEnd of ${key}.`

afterAll(async () => {
  await site?.stop('SIGKILL')
  console.log(`durability figures: ${JSON.stringify(figures)}`)
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('a crash in the middle of a burst of comments', () => {
  it(`keeps every acknowledged comment, whole, over ${CRASH_ROUNDS} rounds of ${CRASH_POSTS} concurrent posts and a SIGKILL`, async () => {
    let checked = 0
    let inFlightTotal = 0
    for (let round = 1; round <= CRASH_ROUNDS; round++) {
      site = await startSite(dir ? { dir } : {})
      dir = site.dir
      const running = site
      const form = await readCommentForm(running.baseUrl, ARTICLE)
      await waitForTokenAge(form)

      const sent = new Map<string, Sent>()
      const acked = new Set<string>()
      let answered = 0
      const posts = Array.from({ length: CRASH_POSTS }, async (_, i) => {
        const values = { author: `Crash ${round}.${i}`, email: `crash-${round}-${i}@example.test`, comment: bodyFor(`crash ${round}.${i}`) }
        sent.set(values.email, values)
        let answer: PostAnswer
        try {
          answer = await postCommentForm(form, values, nextIp(11))
        } catch {
          return // The server died before answering: not acknowledged.
        }
        answered++
        if (answer.status === 200 && answer.acknowledged) acked.add(values.email)
      })
      // Kill once a third have been acknowledged, with the rest still in flight.
      while (acked.size < CRASH_POSTS / 3 && answered < CRASH_POSTS) await new Promise((resolve) => setTimeout(resolve, 5))
      const inFlight = CRASH_POSTS - answered
      await running.stop('SIGKILL')
      await Promise.all(posts)
      expect(inFlight).toBeGreaterThan(0)
      inFlightTotal += inFlight

      // Restart on the same file: SQLite recovers the WAL; the site must come up and the data be whole.
      site = await startSite({ dir })
      expect(integrity()).toBe('ok')
      const stored = rowsLike(`crash-${round}-%`)
      const byEmail = new Map(stored.map((r) => [r.author_email, r]))
      expect(byEmail.size).toBe(stored.length) // no comment stored twice
      for (const email of acked) {
        const values = sent.get(email)
        expect(byEmail.get(email)).toMatchObject({ author_name: values?.author, body: values?.comment, status: 'pending' })
      }
      // No partial row: whatever was stored (acknowledged or not) is exactly one of the submissions.
      for (const row of stored) {
        const values = sent.get(row.author_email)
        expect(values).toBeDefined()
        expect({ author: row.author_name, body: row.body }).toEqual({ author: values?.author, body: values?.comment })
        expect(row.article_id).toBeGreaterThan(0)
        expect(Number.isNaN(Date.parse(row.created_at))).toBe(false)
      }
      checked += acked.size
      await site.stop()
      site = null
    }

    // The site still takes comments after the last crash.
    site = await startSite({ dir })
    const form = await readCommentForm(site.baseUrl, ARTICLE)
    await waitForTokenAge(form)
    const after = await postCommentForm(form, { author: 'After', email: 'after-crash@example.test', comment: 'Still here.' }, nextIp(12))
    expect(after).toMatchObject({ status: 200, acknowledged: 'pending' })
    figures.crash = { rounds: CRASH_ROUNDS, postsPerRound: CRASH_POSTS, acknowledgedChecked: checked, inFlightAtKill: inFlightTotal }
    expect(checked).toBeGreaterThanOrEqual(CRASH_ROUNDS * Math.floor(CRASH_POSTS / 3))
  }, TIMEOUT_MS)
})

describe('under load', () => {
  it(`serves ${LOAD.writers} concurrent writers and ${LOAD.readers} readers for ${LOAD.seconds} s with no SQLITE_BUSY and no 5xx`, async () => {
    if (!site) throw new Error('the previous test left no site running')
    const running = site
    const logBefore = running.log().length
    const form = await readCommentForm(running.baseUrl, ARTICLE)
    await waitForTokenAge(form)

    const statuses = new Map<number, number>()
    const problems: string[] = []
    const latencies: number[] = []
    let written = 0
    let reads = 0
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
    const end = Date.now() + LOAD.seconds * 1000
    let n = 0

    const writer = async (w: number) => {
      while (Date.now() < end) {
        const key = `load-${w}-${n++}`
        try {
          const answer = await postCommentForm(form, { author: `Load ${key}`, email: `${key}@example.test`, comment: `Under load: ${key}.` }, nextIp(13))
          count(answer.status)
          latencies.push(answer.ms)
          if (answer.status >= 500 || !answer.acknowledged) problems.push(`POST ${key}: ${answer.status} ${answer.acknowledged ?? 'not acknowledged'}`)
          else written++
        } catch (e) {
          problems.push(`POST ${key}: ${(e as Error).message}`)
        }
      }
    }
    const paths = [ARTICLE, '/', '/section/world', '/api/comment-token', '/api/comments/status?ids=1,2,3', `${ARTICLE}/comments/2`, '/no-such-page']
    const reader = async (r: number) => {
      let i = r
      while (Date.now() < end) {
        const target = paths[i++ % paths.length] ?? '/'
        const started = Date.now()
        try {
          const response = await fetch(running.baseUrl + target, { signal: AbortSignal.timeout(120_000) })
          await response.arrayBuffer()
          count(response.status)
          latencies.push(Date.now() - started)
          reads++
          if (response.status >= 500) problems.push(`GET ${target}: ${response.status}`)
        } catch (e) {
          problems.push(`GET ${target}: ${(e as Error).message}`)
        }
      }
    }
    await Promise.all([...Array.from({ length: LOAD.writers }, (_, w) => writer(w)), ...Array.from({ length: LOAD.readers }, (_, r) => reader(r))])

    const log = running.log().slice(logBefore)
    latencies.sort((a, b) => a - b)
    figures.load = {
      ...LOAD,
      requests: written + reads + problems.length,
      commentsWritten: written,
      reads,
      statuses: Object.fromEntries(statuses),
      errors: problems.length,
      latencyMs: { p50: latencies[Math.floor(latencies.length / 2)], p95: latencies[Math.floor(latencies.length * 0.95)], max: latencies.at(-1) },
    }
    expect(problems.slice(0, 10)).toEqual([])
    expect(log).not.toMatch(/SQLITE_BUSY|database is locked|postComment failed/)
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([])
    expect(written).toBeGreaterThan(0)
    // Every acknowledged write is stored.
    expect(rowsLike('load-%').length).toBe(written)
    expect(integrity()).toBe('ok')
  }, TIMEOUT_MS)
})

describe('backup and restore', () => {
  it('backs up online under write load and restores every comment committed before the backup began', async () => {
    if (!site) throw new Error('the previous test left no site running')
    const running = site
    const backupFile = path.join(dir, 'backup.db')
    const form = await readCommentForm(running.baseUrl, ARTICLE)
    await waitForTokenAge(form)

    const acked: string[] = []
    let stop = false
    let n = 0
    const writer = async (w: number) => {
      while (!stop) {
        const key = `backup-${w}-${n++}`
        const answer = await postCommentForm(form, { author: `Backup ${key}`, email: `${key}@example.test`, comment: `Before, during or after the backup: ${key}.` }, nextIp(14))
        if (answer.acknowledged) acked.push(`${key}@example.test`)
      }
    }
    const writers = Array.from({ length: 20 }, (_, w) => writer(w))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const committedBefore = [...acked]
    const backup = await runScript('lib/cli/backup.ts', [backupFile], running.env)
    const ackedWhenBackupEnded = acked.length
    await new Promise((resolve) => setTimeout(resolve, 1000))
    stop = true
    await Promise.all(writers)
    expect(backup.output).toMatch(/Backed up .* integrity ok/)
    expect(backup.status).toBe(0)

    // Restoring over the running site is refused: the procedure is stop, restore, start.
    const refused = await runScript('lib/cli/restore.ts', [backupFile], running.env)
    expect(refused.status).toBe(1)
    expect(refused.output).toMatch(/in use \(is the site running\?\)/)

    await running.stop()
    site = null
    const restore = await runScript('lib/cli/restore.ts', [backupFile], running.env)
    expect(restore.output).toMatch(/Restored .* integrity ok/)
    expect(restore.status).toBe(0)
    expect(integrity()).toBe('ok')
    const restored = new Set(rowsLike('backup-%').map((r) => r.author_email))
    const missing = committedBefore.filter((email) => !restored.has(email))
    expect(missing).toEqual([])
    figures.backup = { committedBeforeBackup: committedBefore.length, acknowledgedByBackupEnd: ackedWhenBackupEnded, acknowledgedInAll: acked.length, inBackup: restored.size }
    expect(committedBefore.length).toBeGreaterThan(0)
    expect(acked.length).toBeGreaterThan(restored.size) // writes went on after the backup, and are not in it

    // The restored database serves the site.
    site = await startSite({ dir })
    const page = await fetch(site.baseUrl + ARTICLE)
    expect(page.status).toBe(200)
  }, TIMEOUT_MS)
})
