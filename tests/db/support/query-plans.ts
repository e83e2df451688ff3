// Records the SQL a function runs through the app's connection and asks SQLite how it would run each statement.
import type BetterSqlite3 from 'better-sqlite3'
import { getDb } from '@/db/client'

export type PlannedStatement = { sql: string; plan: string[] }

const METHODS = ['all', 'get', 'run', 'iterate'] as const

/** Runs `fn`, then returns every statement it ran with its EXPLAIN QUERY PLAN lines (indented by depth). */
export function plansOf(fn: () => unknown): PlannedStatement[] {
  const client = getDb().$client
  const seen: { sql: string; params: unknown[] }[] = []
  // On the Statement prototype, so statements the code prepared once and keeps (the posting path) are seen too.
  const prototype = Object.getPrototypeOf(client.prepare('SELECT 1')) as Record<(typeof METHODS)[number], (...args: unknown[]) => unknown>
  const originals = METHODS.map((method) => [method, prototype[method]] as const)
  for (const [method, run] of originals) {
    prototype[method] = function (this: BetterSqlite3.Statement, ...params: unknown[]) {
      seen.push({ sql: this.source, params })
      return run.apply(this, params)
    }
  }
  try {
    fn()
  } finally {
    for (const [method, run] of originals) prototype[method] = run
  }
  return seen
    .filter((s) => /^\s*(select|with|insert|update|delete)/i.test(s.sql))
    .map(({ sql, params }) => {
      const rows = client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[][])) as { id: number; parent: number; detail: string }[]
      const depth = new Map<number, number>([[0, 0]])
      const plan = rows.map((r) => {
        const d = (depth.get(r.parent) ?? 0) + 1
        depth.set(r.id, d)
        return `${'  '.repeat(d - 1)}${r.detail}`
      })
      return { sql: sql.replace(/\s+/g, ' ').trim(), plan }
    })
}

/** Plan lines that read a whole table or index, or sort rows in a temporary b-tree: cost that grows with the data. */
export function unboundedSteps(plan: readonly string[]): string[] {
  return plan.map((l) => l.trim()).filter((l) => /^SCAN \S+/.test(l) || /USE TEMP B-TREE/.test(l))
}
