// Where the time goes: `npm run bench:profile -- posting-js|posting-no-js|render-article|render-discussion|cached-article|queue`
// starts the site (small database) under `node --cpu-prof`, runs that one load for a while, stops the site so V8
// writes the profile, and prints self time by area and the busiest functions. Profiles stay in tests/artifacts/.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DISCUSSION_SLUG, seedArchive, SMALL_ARCHIVE } from '@/db/bench'
import { measurePosting } from './comments'
import { defaults } from './load'
import { measurePage } from './pages'
import { signIn } from './admin'
import { ADMIN, ensureBuilt, ROOT, startSite } from './server'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Which part of the stack a frame belongs to, by its script. */
function area(url: string, name: string): string {
  if (!url) return name === '(garbage collector)' ? 'GC' : name === '(idle)' || name === '(program)' ? name : 'native/V8'
  if (/better-sqlite3|drizzle-orm/.test(url)) return 'SQLite + drizzle'
  if (/react-dom|react-server-dom|\/react\//.test(url)) return 'React (render, flight)'
  if (/next\/dist\/compiled\/(busboy|@edge-runtime|cookie)/.test(url)) return 'Next: body parsing'
  if (/next\/dist/.test(url)) return 'Next (server, router, cache)'
  if (/zod/.test(url)) return 'zod'
  if (/\.next\/server\/chunks\/ssr|\.next\/server\/app/.test(url)) return 'app code (bundled)'
  if (/node:|^internal|node_modules\/undici/.test(url)) return 'Node core (http, streams, zlib)'
  return 'other: ' + url.replace(/^file:\/\//, '').split('/').slice(-3).join('/')
}

export function summarize(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0)
  const busy = total - idle
  const areas = new Map<string, number>()
  const functions = new Map<string, number>()
  for (const [id, t] of self) {
    const n = byId.get(id)
    if (!n || n.callFrame.functionName === '(idle)') continue
    const a = area(n.callFrame.url, n.callFrame.functionName)
    areas.set(a, (areas.get(a) ?? 0) + t)
    const where = n.callFrame.url ? `${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\.next\//, '.next/')}:${n.callFrame.lineNumber + 1}` : ''
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`
    functions.set(key, (functions.get(key) ?? 0) + t)
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`
  const lines = [`profile ${path.relative(ROOT, file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (self time, % of busy)`]
  lines.push('by area:')
  for (const [a, t] of [...areas].sort((x, y) => y[1] - x[1])) lines.push(`  ${pct(t)}  ${a}`)
  lines.push(`top ${top} functions:`)
  for (const [f, t] of [...functions].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(t)}  ${f}`)
  return lines.join('\n')
}

async function main() {
  const scenario = process.argv[2] ?? 'posting-js'
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-profile-'))
  const profiles = path.join(ROOT, 'tests', 'artifacts', 'cpu-profiles', scenario)
  fs.rmSync(profiles, { recursive: true, force: true })
  fs.mkdirSync(profiles, { recursive: true })
  await ensureBuilt(path.join(dir, 'build.log'))
  const databasePath = path.join(dir, 'site.db')
  seedArchive(databasePath, SMALL_ARCHIVE)
  // A normal `npm start` prepares the database (migrations, seed, admin); the profiled server then starts on it.
  await (await startSite({ databasePath, logFile: path.join(dir, 'server.log') })).stop()
  const site = await startSite({ databasePath, logFile: path.join(dir, 'server.log'), cpuProfileDir: profiles })
  const article = '/2022/01/14/kazakh-soldiers-un-blue-helmets'
  Object.assign(defaults, { rounds: 1, roundSec: 10, warmupSec: 2 })
  switch (scenario) {
    case 'posting-js':
    case 'posting-no-js': {
      const r = await measurePosting({ baseUrl: site.baseUrl, articlePath: article, databasePath, path: scenario === 'posting-js' ? 'js' : 'no-js' })
      console.log(`${scenario}: ${r.acceptedPerSec.toFixed(0)} accepted/s, p99 ${r.p99} ms`)
      break
    }
    case 'render-article':
    case 'render-discussion':
    case 'cached-article': {
      const p = scenario === 'render-discussion' ? `/2021/12/31/${DISCUSSION_SLUG}` : article
      const r = await measurePage({ name: scenario, baseUrl: site.baseUrl, path: p, mode: scenario === 'cached-article' ? 'cached' : 'render' })
      console.log(`${scenario}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`)
      break
    }
    case 'queue': {
      // The moderation desk's queue: rendered per request, the heaviest page an admin opens.
      const cookie = await signIn(site.baseUrl, ADMIN)
      if (!cookie) throw new Error('could not sign in to profile the queue')
      const r = await measurePage({ name: scenario, baseUrl: site.baseUrl, path: '/admin/comments?status=pending', mode: 'dynamic', headers: { cookie } })
      console.log(`${scenario}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`)
      break
    }
    default:
      throw new Error(`unknown scenario ${scenario}`)
  }
  await site.stop()
  const files = fs.readdirSync(profiles).map((f) => path.join(profiles, f))
  const biggest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
  if (!biggest) throw new Error('no CPU profile was written')
  console.log(summarize(biggest))
  fs.rmSync(dir, { recursive: true, force: true })
}

if (require.main === module) {
  main()
    .catch((e: unknown) => {
      console.error(e)
      process.exitCode = 1
    })
    .finally(() => process.exit())
}
