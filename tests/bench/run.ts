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
import { measurePage, measurePages, servedAsExpected, type PageResult } from './pages'
import { startReference } from './reference'
import { printReport } from './report'
import { ADMIN, ensureBuilt, ROOT, startSite, type Site } from './server'
import { measureWeight, type PageWeight } from './weight'

export const SEED_ARTICLE = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
export const DISCUSSION_ARTICLE = `/2021/12/31/${DISCUSSION_SLUG}`
/** A word of the seed article only: one match at any size. */
export const SEARCH_RARE = '/search?q=kazakh'
/** A word in about 88% of the large archive's articles: ranking scores every match. */
export const SEARCH_COMMON = '/search?q=peacekeeping'
export const QUEUE_PATH = '/admin/comments?status=pending'
const APPROVALS = 20
/** The comment-posting budget's rate: p99 is judged with posts arriving at this pace. */
export const POSTING_RATE = 200

export type SuiteResult = {
  label: 'small' | 'large'
  size: ArchiveSize
  rows: { articles: number; comments: number; pending: number }
  seedMs: number
  /** First start on the fresh database: migrations, the seed article, the admin, then `next start`. */
  startMs: number
  /** A later start of the same install. */
  restartMs?: number
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

type Running = {
  suite: SuiteResult
  site: Site
  memory: ReturnType<typeof watchMemory>
  adminHeaders: Record<string, string> | null
}

async function startSuite(label: 'small' | 'large', size: ArchiveSize, dir: string): Promise<Running> {
  const databasePath = path.join(dir, `${label}.db`)
  log(`${label}: seeding ${size.articles} articles and ${size.discussionComments + size.pending + size.otherComments} comments`)
  const seeded = seedArchive(databasePath, size)
  log(`${label}: seeded in ${(seeded.ms / 1000).toFixed(1)} s; starting the site`)
  const site: Site = await startSite({ databasePath, logFile: path.join(dir, `${label}-server.log`) })
  log(`${label}: answering ${(site.startMs / 1000).toFixed(2)} s after npm start (next-server pid ${site.serverPid})`)
  const memory = watchMemory(site.serverPid)
  const cookie = await signIn(site.baseUrl, ADMIN).catch((e: Error) => {
    log(`${label}: admin sign-in failed: ${e.message}`)
    return null
  })
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
  // Render every page once, so load starts on a warm cache, and take the weight of each kind of page.
  const typed: [string, string, Record<string, string>][] = [
    ['home', '/', {}],
    ['article', SEED_ARTICLE, {}],
    ['section', '/section/world', {}],
    ['discussion', DISCUSSION_ARTICLE, {}],
    ['search', SEARCH_RARE, {}],
    ['queue', QUEUE_PATH, cookie ? { cookie } : {}],
  ]
  for (const [name, pagePath, headers] of typed) {
    try {
      const weight = await measureWeight(site.baseUrl, pagePath, { headers })
      suite.weights.push({ ...weight, path: `${name} ${pagePath}` })
    } catch (e) {
      if (label === 'small') log(`weight of ${name}: ${(e as Error).message}`)
    }
  }
  return { suite, site, memory, adminHeaders: cookie ? { cookie } : null }
}

const rss = (runs: readonly Running[]) => runs.map((r) => `${r.suite.label} ${r.memory.read().peakSampledMb.toFixed(0)}`).join(', ')

/**
 * One measurement on both sites with their rounds interleaved (small, large, small, …): a burst of other work on a
 * shared machine lands on both, so their ratio holds even when the absolute figures move.
 */
async function both(runs: readonly Running[], name: string, pagePath: string, mode: PageResult['mode'], admin = false) {
  const live = runs.filter((r) => !admin || r.adminHeaders)
  try {
    const results = await measurePages(
      live.map((r) => ({ name, baseUrl: r.site.baseUrl, path: pagePath, mode, headers: admin ? (r.adminHeaders ?? {}) : undefined })),
    )
    results.forEach((result, i) => live[i]?.suite.pages.push(result))
    const summary = results.map((r, i) => `${live[i]?.suite.label} ${r.rps.toFixed(0)} req/s p99 ${r.p99} ms${servedAsExpected(r) ? '' : ` (served: ${JSON.stringify(r.cache)})`}`)
    log(`${name}: ${summary.join('; ')}; peak RSS ${rss(runs)} MB`)
  } catch (e) {
    const why = (e as Error).message
    for (const r of runs) r.suite.skipped.push({ name, why })
    log(`${name}: skipped (${why})`)
  }
  for (const r of runs.filter((x) => !live.includes(x))) r.suite.skipped.push({ name, why: 'not signed in' })
}

async function one(run: Running, name: string, pagePath: string, mode: PageResult['mode']) {
  try {
    const result = await measurePage({ name, baseUrl: run.site.baseUrl, path: pagePath, mode })
    run.suite.pages.push(result)
    log(`${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms${servedAsExpected(result) ? '' : ` (served: ${JSON.stringify(result.cache)})`}`)
  } catch (e) {
    run.suite.skipped.push({ name, why: (e as Error).message })
    log(`${name}: skipped (${(e as Error).message})`)
  }
}

async function runBoth(dir: string): Promise<[SuiteResult, SuiteResult]> {
  const small = await startSuite('small', SMALL_ARCHIVE, dir)
  const large = await startSuite('large', LARGE_ARCHIVE, dir)
  const runs = [small, large]

  // The reference and the cached article on both sites, rounds alternating: the headline ratio and its scale ratio.
  const articleHtml = await (await fetch(small.site.baseUrl + SEED_ARTICLE)).text()
  const reference = await startReference(articleHtml, dir)
  const [ref, smallArticle, largeArticle] = await measurePages([
    { name: 'node:http reference (article bytes)', baseUrl: reference.url.slice(0, -1), path: '/', mode: 'reference' },
    { name: 'article, cached', baseUrl: small.site.baseUrl, path: SEED_ARTICLE, mode: 'cached' },
    { name: 'article, cached', baseUrl: large.site.baseUrl, path: SEED_ARTICLE, mode: 'cached' },
  ])
  for (const r of runs) r.suite.reference = ref as PageResult
  small.suite.pages.push(smallArticle as PageResult)
  large.suite.pages.push(largeArticle as PageResult)
  log(`reference ${ref?.rps.toFixed(0)} req/s; cached article: small ${smallArticle?.rps.toFixed(0)}, large ${largeArticle?.rps.toFixed(0)} req/s`)

  await one(small, 'home, cached', '/', 'cached')
  await one(small, 'section, cached', '/section/world', 'cached')
  await both(runs, 'article, rendered', SEED_ARTICLE, 'render')
  await both(runs, 'discussion p.1, rendered', DISCUSSION_ARTICLE, 'render')
  await both(runs, 'discussion p.1, cached', DISCUSSION_ARTICLE, 'cached')
  await both(runs, 'sitemap.xml', '/sitemap.xml', 'dynamic')
  // Past 2,000 URLs /sitemap.xml is an index; one full file of it (large database only) costs the same at any size.
  await one(large, 'sitemap file of 2,000 URLs', '/sitemaps/2.xml', 'dynamic')
  await both(runs, 'search, rare word', SEARCH_RARE, 'dynamic')
  await both(runs, 'search, common word', SEARCH_COMMON, 'dynamic')
  await both(runs, 'moderation queue', QUEUE_PATH, 'dynamic', true)

  for (const r of runs) {
    if (!r.adminHeaders?.cookie) {
      r.suite.skipped.push({ name: 'approve to public', why: 'not signed in' })
      continue
    }
    const pending = addPendingComments(r.site.databasePath, 'kazakh-soldiers-un-blue-helmets', APPROVALS, r.suite.label)
    try {
      r.suite.approve = await measureApproveToPublic({ baseUrl: r.site.baseUrl, cookie: r.adminHeaders.cookie, articlePath: SEED_ARTICLE, comments: pending })
      log(`${r.suite.label}: approve to public, median ${r.suite.approve.medianMs.toFixed(0)} ms`)
    } catch (e) {
      r.suite.skipped.push({ name: 'approve to public', why: (e as Error).message })
      log(`approve to public: ${(e as Error).message}`)
    }
  }

  // Last: posting fills the small site's queue, which the measurements above want small.
  // As fast as the site answers (its capacity, latency then set by the 20 connections queueing), then at the
  // budget's 200 posts a second (the latency a reader sees at that pace).
  for (const [mode, rate] of [['js', undefined], ['js', POSTING_RATE], ['no-js', undefined]] as const) {
    const posted = await measurePosting({
      baseUrl: small.site.baseUrl,
      articlePath: SEED_ARTICLE,
      databasePath: small.site.databasePath,
      path: mode,
      rate,
      referenceUrl: reference.url,
    })
    small.suite.posting.push(posted)
    log(`posting (${mode}${rate ? ` at ${rate}/s` : ''}): ${posted.acceptedPerSec.toFixed(0)}/s, p99 ${posted.p99} ms, ${posted.acknowledged} acknowledged, ${posted.refused} refused, ${posted.missing} missing; peak RSS ${rss(runs)} MB`)
  }

  reference.stop()
  for (const r of runs) {
    r.suite.memory = r.memory.stop()
    await r.site.stop()
  }
  // A later start, as a reader's restart would be: built, migrated, seeded and with its admin already.
  for (const r of runs) {
    const again = await startSite({ databasePath: r.site.databasePath, logFile: path.join(dir, `${r.suite.label}-restart.log`) })
    r.suite.restartMs = again.startMs
    await again.stop()
    log(`${r.suite.label}: restarted, answering ${(again.startMs / 1000).toFixed(2)} s after npm start`)
  }
  return [small.suite, large.suite]
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
    const [small, large] = await runBoth(dir)
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
