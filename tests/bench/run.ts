// `npm run bench`: build if needed, then two runs of the site on fresh databases on 127.0.0.1 — the seed plus a small
// discussion, and an archive of 10,000 articles and 200,000 comments — with the limit reference measured in the same
// run. Prints the table with ratios and budget verdicts and writes tests/artifacts/bench-results.json.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addPendingComments, countRows, DISCUSSION_SLUG, LARGE_ARCHIVE, seedArchive, SMALL_ARCHIVE, type ArchiveSize } from '@/db/bench'
import { measureApproveToPublic, signIn, type ApproveResult } from './admin'
import { measurePosting, type PostingResult } from './comments'
import { defaults } from './load'
import { watchMemory, type MemoryReading } from './memory'
import { measurePage, servedAsExpected, type PageResult } from './pages'
import { startReference } from './reference'
import { printReport } from './report'
import { ADMIN, ensureBuilt, ROOT, startSite, type Site } from './server'
import { measureWeight, type PageWeight } from './weight'

export const SEED_ARTICLE = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
export const DISCUSSION_ARTICLE = `/2021/12/31/${DISCUSSION_SLUG}`
export const SEARCH_PATH = '/search?q=peacekeeping'
export const QUEUE_PATH = '/admin/comments?status=pending'
const APPROVALS = 20

export type SuiteResult = {
  label: 'small' | 'large'
  size: ArchiveSize
  rows: { articles: number; comments: number; pending: number }
  seedMs: number
  startMs: number
  reference: PageResult
  pages: PageResult[]
  skipped: { name: string; why: string }[]
  weights: PageWeight[]
  posting: PostingResult[]
  approve: ApproveResult | null
  memory: MemoryReading
}

export type BenchResult = {
  startedAt: string
  machine: { cpus: number; load: number[]; node: string }
  settings: typeof defaults
  build: { built: boolean; ms: number }
  small: SuiteResult
  large: SuiteResult
  totalMs: number
}

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

async function tryPage(suite: { pages: PageResult[]; skipped: { name: string; why: string }[] }, run: () => Promise<PageResult>, name: string) {
  try {
    const result = await run()
    suite.pages.push(result)
    log(`${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms${servedAsExpected(result) ? '' : ` (served: ${JSON.stringify(result.cache)})`}`)
  } catch (e) {
    const why = (e as Error).message
    suite.skipped.push({ name, why })
    log(`${name}: skipped (${why})`)
  }
}

async function runSuite(label: 'small' | 'large', size: ArchiveSize, dir: string): Promise<SuiteResult> {
  const databasePath = path.join(dir, `${label}.db`)
  log(`${label}: seeding ${size.articles} articles and ${size.discussionComments + size.pending + size.otherComments} comments`)
  const seeded = seedArchive(databasePath, size)
  log(`${label}: seeded in ${(seeded.ms / 1000).toFixed(1)} s; starting the site`)
  const site: Site = await startSite({ databasePath, logFile: path.join(dir, `${label}-server.log`) })
  log(`${label}: answering ${(site.startMs / 1000).toFixed(2)} s after npm start (next-server pid ${site.serverPid})`)
  const memory = watchMemory(site.serverPid)
  const base = site.baseUrl
  const cookie = await signIn(base, ADMIN).catch((e: Error) => {
    log(`${label}: admin sign-in failed: ${e.message}`)
    return null
  })
  const adminHeaders: Record<string, string> = cookie ? { cookie } : {}

  const suite: SuiteResult = {
    label,
    size,
    rows: countRows(databasePath),
    seedMs: seeded.ms,
    startMs: site.startMs,
    reference: undefined as unknown as PageResult,
    pages: [],
    skipped: [],
    weights: [],
    posting: [],
    approve: null,
    memory: memory.read(),
  }

  // Render every page once, so load starts on a warm cache, and take its weight.
  const typed: [string, string, Record<string, string>][] = [
    ['home', '/', {}],
    ['article', SEED_ARTICLE, {}],
    ['section', '/section/world', {}],
    ['discussion', DISCUSSION_ARTICLE, {}],
    ['search', SEARCH_PATH, {}],
    ['queue', QUEUE_PATH, adminHeaders],
  ]
  for (const [name, pagePath, headers] of typed) {
    try {
      const weight = await measureWeight(base, pagePath, { headers })
      if (label === 'small') suite.weights.push({ ...weight, path: `${name} ${pagePath}` })
    } catch (e) {
      if (label === 'small') log(`weight of ${name}: ${(e as Error).message}`)
    }
  }

  const articleHtml = await (await fetch(base + SEED_ARTICLE)).text()
  const reference = await startReference(articleHtml, dir)
  suite.reference = await measurePage({ name: 'node:http reference (article bytes)', baseUrl: reference.url.slice(0, -1), path: '/', mode: 'reference' })
  reference.stop()
  log(`${label}: reference ${suite.reference.rps.toFixed(0)} req/s`)

  const page = (name: string, p: string, mode: PageResult['mode'], headers?: Record<string, string>) =>
    tryPage(suite, () => measurePage({ name, baseUrl: base, path: p, mode, headers }), name)
  await page('article, cached', SEED_ARTICLE, 'cached')
  if (label === 'small') {
    await page('home, cached', '/', 'cached')
    await page('section, cached', '/section/world', 'cached')
  }
  await page('article, rendered', SEED_ARTICLE, 'render')
  await page('discussion p.1, rendered', DISCUSSION_ARTICLE, 'render')
  await page('discussion p.1, cached', DISCUSSION_ARTICLE, 'cached')
  await page('sitemap.xml', '/sitemap.xml', 'dynamic')
  await page('search', SEARCH_PATH, 'dynamic')
  if (cookie) await page('moderation queue', QUEUE_PATH, 'dynamic', adminHeaders)
  else suite.skipped.push({ name: 'moderation queue', why: 'no admin desk in this build' })

  if (cookie) {
    const pending = addPendingComments(databasePath, 'kazakh-soldiers-un-blue-helmets', APPROVALS, label)
    try {
      suite.approve = await measureApproveToPublic({ baseUrl: base, cookie, articlePath: SEED_ARTICLE, comments: pending })
      log(`${label}: approve to public, median ${suite.approve.medianMs.toFixed(0)} ms`)
    } catch (e) {
      suite.skipped.push({ name: 'approve to public', why: (e as Error).message })
      log(`approve to public: ${(e as Error).message}`)
    }
  } else suite.skipped.push({ name: 'approve to public', why: 'no admin desk in this build' })

  if (label === 'small') {
    // Last: posting fills the queue, which the measurements above want small.
    for (const mode of ['js', 'no-js'] as const) {
      const posted = await measurePosting({ baseUrl: base, articlePath: SEED_ARTICLE, databasePath, path: mode })
      suite.posting.push(posted)
      log(`posting (${mode}): ${posted.acceptedPerSec.toFixed(0)}/s, p99 ${posted.p99} ms, ${posted.acknowledged} acknowledged, ${posted.refused} refused, ${posted.missing} missing`)
    }
  }

  suite.memory = memory.stop()
  await site.stop()
  return suite
}

async function main() {
  const t0 = performance.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
  const artifacts = path.join(ROOT, 'tests', 'artifacts')
  fs.mkdirSync(artifacts, { recursive: true })
  try {
    log(`build check (next build runs only if the sources changed); logs in ${dir}`)
    const build = await ensureBuilt(path.join(dir, 'build.log'))
    log(build.built ? `built in ${(build.ms / 1000).toFixed(0)} s` : 'build is current')
    const small = await runSuite('small', SMALL_ARCHIVE, dir)
    const large = await runSuite('large', LARGE_ARCHIVE, dir)
    const result: BenchResult = {
      startedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, load: os.loadavg(), node: process.version },
      settings: defaults,
      build,
      small,
      large,
      totalMs: performance.now() - t0,
    }
    const file = path.join(artifacts, 'bench-results.json')
    fs.writeFileSync(file, JSON.stringify(result, null, 2))
    const ok = printReport(result)
    console.log(`\nJSON: ${path.relative(ROOT, file)}; total ${((performance.now() - t0) / 60000).toFixed(1)} min`)
    fs.rmSync(dir, { recursive: true, force: true })
    process.exitCode = ok ? 0 : 1
  } catch (e) {
    console.error(`bench failed: ${(e as Error).stack ?? e}\n(logs kept in ${dir})`)
    process.exitCode = 2
  }
  // Exiting runs server.ts's exit hook, which stops any site or reference server still running.
  process.exit()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

void main()
