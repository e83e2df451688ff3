// Page measurements: cached pages (every answer must come from Next's cache), renders forced through Next's on-demand
// revalidation, and dynamic routes, each as requests per second and latency under the same load.
import fs from 'node:fs'
import path from 'node:path'
import { runLoadInterleaved, type LoadOptions, type LoadResult } from './load'
import { ROOT } from './server'
import { gzipSize } from './weight'

export type PageResult = LoadResult & {
  name: string
  path: string
  mode: 'cached' | 'render' | 'dynamic' | 'reference'
  connections: number
  bytes: number
  gzipBytes: number
  /** How the answers said they were served: x-nextjs-cache values (HIT, REVALIDATED, …) and statuses. */
  cache: Record<string, number>
  /** For renders: answers whose form token differed from every earlier one (each a real render). */
  distinctRenders?: number
}

/** Next's preview-mode id from the build: the secret that lets a request ask for an on-demand revalidation. */
export function previewModeId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'prerender-manifest.json'), 'utf8')) as { preview: { previewModeId: string } }
  return manifest.preview.previewModeId
}

async function sample(url: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; cache: string | null }> {
  const response = await fetch(url, { headers, redirect: 'manual' })
  return { status: response.status, html: await response.text(), cache: response.headers.get('x-nextjs-cache') }
}

export type PageSpec = {
  name: string
  baseUrl: string
  path: string
  mode: PageResult['mode']
  headers?: Record<string, string>
}

/**
 * GET load on one path. `cached`: every answer must be a cache HIT. `render`: each request carries
 * `x-prerender-revalidate`, so Next renders the page through its real route and stores it (x-nextjs-cache:
 * REVALIDATED); one connection, because Next's response cache coalesces concurrent revalidations of one page, and a
 * fresh comment-form token in every answer proves each was rendered. `dynamic`: routes rendered per request anyway.
 */
async function prepare(spec: PageSpec) {
  const url = spec.baseUrl + spec.path
  const headers = { ...spec.headers }
  if (spec.mode === 'render') headers['x-prerender-revalidate'] = previewModeId()
  const first = await sample(url, headers)
  if (first.status !== 200) throw new Error(`${spec.name}: GET ${spec.path} answered ${first.status}`)
  const cache: Record<string, number> = {}
  const tokens = new Set<string>()
  const connections = spec.mode === 'render' ? 1 : 20
  const load: LoadOptions = {
    url,
    connections,
    headers,
    onResponse: (status, body, responseHeaders) => {
      const value = responseHeaders['x-nextjs-cache']
      const key = status === 200 ? String(value ?? (spec.mode === 'reference' ? 'reference' : 'none')) : `status ${status}`
      cache[key] = (cache[key] ?? 0) + 1
      if (spec.mode === 'render') {
        const token = /name="comment_token" value="([^"]+)"/.exec(body)?.[1]
        if (token) tokens.add(token)
      }
    },
  }
  const finish = (result: LoadResult): PageResult => ({
    ...result,
    name: spec.name,
    path: spec.path,
    mode: spec.mode,
    connections,
    bytes: Buffer.byteLength(first.html),
    gzipBytes: gzipSize(first.html),
    cache,
    distinctRenders: spec.mode === 'render' ? tokens.size : undefined,
  })
  return { load, finish }
}

/** Measures several pages with their rounds interleaved (see runLoadInterleaved). */
export async function measurePages(specs: readonly PageSpec[]): Promise<PageResult[]> {
  const prepared = []
  for (const spec of specs) prepared.push(await prepare(spec))
  const results = await runLoadInterleaved(prepared.map((p) => p.load))
  return prepared.map((p, i) => p.finish(results[i] as LoadResult))
}

export async function measurePage(spec: PageSpec): Promise<PageResult> {
  const [result] = await measurePages([spec])
  return result as PageResult
}

/** Whether every measured answer was served as the mode requires. */
export function servedAsExpected(r: PageResult): boolean {
  const total = Object.values(r.cache).reduce((a, b) => a + b, 0)
  switch (r.mode) {
    case 'cached':
      return total > 0 && r.cache.HIT === total
    case 'render':
      return total > 0 && r.cache.REVALIDATED === total && (r.distinctRenders ?? 0) >= total * 0.99
    case 'dynamic':
    case 'reference':
      return total > 0 && Object.keys(r.cache).every((k) => !k.startsWith('status'))
  }
}
