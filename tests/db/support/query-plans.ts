// Records the SQL a function runs through the app's connection and asks SQLite how it would run each statement.
import type BetterSqlite3 from 'better-sqlite3'
import { getDb } from '@/db/client'

export type PlannedStatement = { sql: string; plan: string[] }

const METHODS = ['all', 'get', 'run', 'iterate'] as const

/** Runs `fn`, then returns every statement it ran with its EXPLAIN QUERY PLAN lines (indented by depth). */
export function plansOf(fn: () => unknown): PlannedStatement[] {
  const client = getDb().$client
  const seen: { sql: string; params: unknown[] }[] = []
  const original = client.prepare
  client.prepare = function (this: BetterSqlite3.Database, source: string) {
    const statement = original.call(this, source) as BetterSqlite3.Statement
    for (const method of METHODS) {
      const run = (statement[method] as (...args: unknown[]) => unknown).bind(statement)
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => {
          seen.push({ sql: source, params })
          return run(...params)
        },
      })
    }
    return statement
  } as typeof client.prepare
  try {
    fn()
  } finally {
    client.prepare = original
  }
  return seen
    .filter((s) => /^\s*(select|with|insert|update|delete)/i.test(s.sql))
    .map(({ sql, params }) => {
      const rows = (original.call(client, `EXPLAIN QUERY PLAN ${sql}`) as BetterSqlite3.Statement<unknown[]>).all(...params) as { id: number; parent: number; detail: string }[]
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
