// Load with autocannon: a warm-up, then several bounded rounds against 127.0.0.1; medians of the rounds.
import autocannon from 'autocannon'

export type LoadOptions = {
  url: string
  connections?: number
  warmupSec?: number
  rounds?: number
  roundSec?: number
  method?: 'GET' | 'POST'
  /** An offered load: this many requests per second in all, whatever the answers' pace (else as fast as answered). */
  overallRate?: number
  headers?: Record<string, string>
  /** Builds each request (distinct bodies or headers); autocannon calls it before every request. */
  setupRequest?: (request: autocannon.Request, context: Record<string, unknown>) => autocannon.Request
  /** Sees every response of the measured rounds (not the warm-up), with the context its setupRequest filled in. */
  onResponse?: (status: number, body: string, headers: Record<string, string | string[]>, context: Record<string, unknown>) => void
}

export type LoadResult = {
  /** Requests per second: median over rounds of (completed requests / round duration). */
  rps: number
  p50: number
  p99: number
  /** Every round's requests per second, for the spread. */
  roundsRps: number[]
  requests: number
  errors: number
  timeouts: number
  non2xx: number
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Overridable for a quick trial run: BENCH_ROUNDS, BENCH_ROUND_SEC, BENCH_WARMUP_SEC. */
export const defaults = {
  connections: 20,
  warmupSec: Number(process.env.BENCH_WARMUP_SEC ?? 2),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  roundSec: Number(process.env.BENCH_ROUND_SEC ?? 5),
}

function once(options: LoadOptions, durationSec: number, measured: boolean): Promise<autocannon.Result> {
  const lowerCase = (headers: Record<string, string | string[]>) =>
    Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return autocannon({
    url: options.url,
    connections: options.connections ?? defaults.connections,
    duration: durationSec,
    timeout: 30,
    method: options.method ?? 'GET',
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: options.headers,
    requests: [
      {
        ...(options.setupRequest ? { setupRequest: options.setupRequest as autocannon.Request['setupRequest'] } : {}),
        onResponse: (status, body, context, headers) => {
          if (measured) options.onResponse?.(status, body, lowerCase(headers as Record<string, string | string[]>), context as Record<string, unknown>)
        },
      },
    ],
  })
}

function summarize(results: autocannon.Result[]): LoadResult {
  const roundsRps = results.map((r) => r.requests.total / r.duration)
  return {
    rps: median(roundsRps),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    roundsRps,
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  }
}

/**
 * Several loads measured side by side: each warmed up, then their rounds alternate (A, B, A, B, …), so a burst of
 * other work on a shared machine lands on both rather than on one of them. Their ratio is what such a run can tell.
 */
export async function runLoadInterleaved(list: readonly LoadOptions[]): Promise<LoadResult[]> {
  for (const options of list) {
    const warmupSec = options.warmupSec ?? defaults.warmupSec
    if (warmupSec > 0) await once(options, warmupSec, false)
  }
  const results: autocannon.Result[][] = list.map(() => [])
  const rounds = Math.max(...list.map((o) => o.rounds ?? defaults.rounds))
  for (let i = 0; i < rounds; i++) {
    for (const [j, options] of list.entries()) {
      if (i < (options.rounds ?? defaults.rounds)) results[j]?.push(await once(options, options.roundSec ?? defaults.roundSec, true))
    }
  }
  return results.map(summarize)
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const [result] = await runLoadInterleaved([options])
  return result as LoadResult
}
