// The printed report: every figure with its ratio (to the node:http reference, and large archive to small), then the
// budgets from the README with a verdict each. Returns whether every budget held.
import type { BenchResult, SuiteResult } from './run'
import { servedAsExpected, type PageResult } from './pages'

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–')

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

const find = (suite: SuiteResult, name: string) => suite.pages.find((p) => p.name === name)

/** How much more a request costs on the large archive: small req/s over large req/s (1.0 = flat). */
export function costRatio(small: PageResult | undefined, large: PageResult | undefined): number {
  return small && large ? small.rps / large.rps : NaN
}

function pageRows(suite: SuiteResult, small: SuiteResult | null): (string | number)[][] {
  const ref = suite.reference
  const rows: (string | number)[][] = [[ref.name, ref.connections, fixed(ref.rps), '1.000', fixed(ref.p50, 1), fixed(ref.p99, 1), kb(ref.bytes), kb(ref.gzipBytes), '', '']]
  for (const p of suite.pages) {
    const base = small ? find(small, p.name) : undefined
    rows.push([
      `${p.name}${servedAsExpected(p) ? '' : ' (!)'}`,
      p.connections,
      fixed(p.rps),
      (p.rps / ref.rps).toFixed(3),
      fixed(p.p50, 1),
      fixed(p.p99, 1),
      kb(p.bytes),
      kb(p.gzipBytes),
      small ? fixed(costRatio(base, p), 2) : '',
      small && base ? fixed(p.p99 / base.p99, 2) : '',
    ])
  }
  return rows
}

type Budget = { name: string; value: string; limit: string; ok: boolean | null }

function budgets(r: BenchResult): Budget[] {
  const { small, large } = r
  const cached = find(small, 'article, cached')
  const articleWeight = small.weights.find((w) => w.path.startsWith('article '))
  const js = small.posting.find((p) => p.path === 'js' && !p.rate)
  // p99 is judged at the budget's pace: at saturation it only measures how long 20 connections queue.
  const paced = small.posting.find((p) => p.path === 'js' && p.rate)
  const list: Budget[] = [
    {
      name: 'cached article vs node:http reference',
      value: cached ? `${(cached.rps / small.reference.rps).toFixed(3)}×${servedAsExpected(cached) ? '' : ' (not all from cache)'}` : 'not measured',
      limit: '≥ 0.035×, every answer a cache HIT',
      ok: cached ? cached.rps / small.reference.rps >= 0.035 && servedAsExpected(cached) : false,
    },
    {
      name: 'JavaScript on the article page (gzip)',
      value: articleWeight ? kb(articleWeight.jsGzip) : 'not measured',
      limit: '≤ 160 KB',
      ok: articleWeight ? articleWeight.jsGzip <= 160 * 1024 : false,
    },
    {
      name: 'article HTML vs its visible text',
      value: articleWeight ? `${articleWeight.htmlToText.toFixed(2)}×` : 'not measured',
      limit: '≤ 3×',
      ok: articleWeight ? articleWeight.htmlToText <= 3 : false,
    },
    {
      name: 'comment posting (JS path): accepted/s',
      value: js ? `${fixed(js.acceptedPerSec)}/s, ${js.refused} refused, ${js.missing} missing` : 'not measured',
      limit: '≥ 200/s, no errors, all stored',
      ok: js ? js.acceptedPerSec >= 200 && js.refused === 0 && js.missing === 0 && js.errors === 0 : false,
    },
    {
      name: `comment posting (JS path): p99 at ${paced?.rate ?? '?'}/s offered`,
      value: paced ? `${paced.p99} ms (${fixed(paced.acceptedPerSec)}/s accepted, ${paced.refused} refused, ${paced.missing} missing)` : 'not measured',
      limit: '< 100 ms',
      ok: paced ? paced.p99 < 100 && paced.refused === 0 && paced.missing === 0 && paced.errors === 0 : false,
    },
    ...[small, large].map((s) => ({
      name: `approve to public, median of ${s.approve?.runs.length ?? 0} (${s.label})`,
      value: s.approve ? `${fixed(s.approve.medianMs)} ms` : 'not measured',
      limit: '< 1000 ms',
      ok: s.approve ? s.approve.medianMs < 1000 : null,
    })),
    ...[small, large].map((s) => ({
      name: `later start, already built (${s.label} database)`,
      value: s.restartMs === undefined ? 'not measured' : `${(s.restartMs / 1000).toFixed(2)} s (first start ${(s.startMs / 1000).toFixed(2)} s)`,
      limit: '< 3 s to the first 200',
      ok: s.restartMs === undefined ? null : s.restartMs < 3000,
    })),
    ...[small, large].map((s) => ({
      name: `peak RSS of next-server (${s.label})`,
      value: `${fixed(Math.max(s.memory.peakHwmMb, s.memory.peakSampledMb))} MB`,
      limit: '< 300 MB',
      ok: Math.max(s.memory.peakHwmMb, s.memory.peakSampledMb) < 300,
    })),
  ]
  for (const name of ['moderation queue', 'sitemap.xml', 'search, rare word', 'search, common word', 'article, cached', 'article, rendered', 'discussion p.1, rendered']) {
    const ratio = costRatio(find(small, name), find(large, name))
    list.push({
      name: `scale: ${name}, cost large/small`,
      value: Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'not measured',
      limit: '≤ 1.5×',
      ok: Number.isFinite(ratio) ? ratio <= 1.5 : null,
    })
  }
  return list
}

export function printReport(r: BenchResult): boolean {
  const out: string[] = []
  const head = ['measurement', 'conns', 'req/s', '×ref', 'p50 ms', 'p99 ms', 'bytes', 'gzip', 'cost ×small', 'p99 ×small']
  out.push(`\nnewsroom bench — ${r.startedAt}, ${r.machine.cpus} CPUs, load ${r.machine.load.map((l) => l.toFixed(1)).join(' ')}, node ${r.machine.node}`)
  out.push(`rounds: warm-up ${r.settings.warmupSec} s, then ${r.settings.rounds} × ${r.settings.roundSec} s; medians of the rounds; all traffic to 127.0.0.1`)
  for (const suite of [r.small, r.large]) {
    out.push(
      `\n== ${suite.label} database: ${suite.rows.articles} articles, ${suite.rows.comments} comments (${suite.rows.pending} pending); ` +
        `seeded in ${(suite.seedMs / 1000).toFixed(1)} s; answering ${(suite.startMs / 1000).toFixed(2)} s after the first npm start, ` +
        `${suite.restartMs === undefined ? '–' : (suite.restartMs / 1000).toFixed(2)} s after a later one`,
    )
    out.push(table(head, pageRows(suite, suite.label === 'large' ? r.small : null)))
    for (const s of suite.skipped) out.push(`  skipped ${s.name}: ${s.why}`)
    if (suite.approve) {
      out.push(`  approve to public: median ${fixed(suite.approve.medianMs)} ms, max ${fixed(suite.approve.maxMs)} ms over ${suite.approve.runs.length} approvals`)
    }
    out.push(
      `  memory (next-server): idle ${fixed(suite.memory.idleMb)} MB, peak sampled ${fixed(suite.memory.peakSampledMb)} MB, VmHWM ${fixed(suite.memory.peakHwmMb)} MB`,
    )
  }
  if (r.small.posting.length) {
    out.push('\n== comment posting through the server action (distinct authors and addresses, small database; rounds alternate with the reference)')
    out.push(
      table(
        ['path', 'req/s', 'accepted/s', '×ref', 'ref req/s', 'p50 ms', 'p99 ms', 'acknowledged', 'refused', 'errors', 'missing in DB'],
        r.small.posting.map((p) => [
          p.rate ? `${p.path} at ${p.rate}/s` : p.path,
          fixed(p.rps),
          fixed(p.acceptedPerSec),
          p.referenceRps ? (p.acceptedPerSec / p.referenceRps).toFixed(4) : '',
          p.referenceRps ? fixed(p.referenceRps) : '',
          fixed(p.p50, 1),
          fixed(p.p99, 1),
          p.acknowledged,
          p.refused,
          p.errors + p.timeouts,
          p.missing,
        ]),
      ),
    )
  }
  out.push('\n== weight (gzip level 9; JavaScript = scripts a modern browser loads, nomodule polyfills apart)')
  out.push(
    table(
      ['page', 'HTML', 'gzip', 'text', 'HTML/text', 'RSC inline', 'JS files', 'JS gzip', 'nomodule gz'],
      r.small.weights.map((w) => [w.path, kb(w.htmlBytes), kb(w.htmlGzip), kb(w.textBytes), `${w.htmlToText.toFixed(2)}×`, kb(w.rscBytes), w.jsFiles, kb(w.jsGzip), kb(w.nomoduleGzip)]),
    ),
  )
  const list = budgets(r)
  out.push('\n== budgets')
  out.push(table(['budget', 'measured', 'limit', 'verdict'], list.map((b) => [b.name, b.value, b.limit, b.ok === null ? 'n/a' : b.ok ? 'PASS' : 'FAIL'])))
  out.push('  (Lighthouse mobile performance, CLS and LCP are measured apart: see README, Performance.)')
  console.log(out.join('\n'))
  return list.every((b) => b.ok !== false)
}
