// A site of a test's own, started as `npm start` starts it (lib/cli/start.ts: migrate, seed, `next start`) on a
// free port and a database in a temporary folder, for tests that crash, restart or overload it. The build in .next
// is shared; the e2e global setup has made sure it is current.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { npmStartArgs } from '../../support/npm-start'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const TSX = ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server']
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export type Site = {
  baseUrl: string
  dir: string
  databasePath: string
  logFile: string
  /** The process group leader (`npm start`'s script); `next start` runs in the same group. */
  pid: number
  env: NodeJS.ProcessEnv
  /** Sum of the resident memory of every process in the group, in bytes. */
  rss: () => number
  /** Whether any process of the group is still there. */
  alive: () => boolean
  log: () => string
  /** SIGTERM (then SIGKILL after 10 s) or an immediate SIGKILL to the whole group; resolves when it is gone. */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>
}

function groupPids(pgid: number): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return pids
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : 0
  } catch {
    return 0
  }
}

// Should a test fail or jest stop before a site is stopped, take its processes down with this one.
const running = new Set<number>()
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Gone.
    }
  }
})

export type StartOptions = {
  /** Reuse this folder and its database (a restart); else a new temporary folder. */
  dir?: string
  env?: NodeJS.ProcessEnv
  readyTimeoutMs?: number
}

export async function startSite(options: StartOptions = {}): Promise<Site> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-site-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const databasePath = path.join(dir, 'site.db')
  const logFile = path.join(dir, 'server.log')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    SITE_URL: baseUrl,
    DATABASE_PATH: databasePath,
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  }
  const log = fs.openSync(logFile, 'a')
  fs.writeSync(log, `--- start ${new Date().toISOString()} on ${baseUrl}\n`)
  const child = spawn(process.execPath, npmStartArgs(ROOT), { cwd: ROOT, env, detached: true, stdio: ['ignore', log, log] })
  fs.closeSync(log)
  const pid = child.pid
  if (!pid) throw new Error('could not start the site')
  running.add(pid)
  let exited: string | null = null
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`))

  const alive = () => groupPids(pid).length > 0
  const site: Site = {
    baseUrl,
    dir,
    databasePath,
    logFile,
    pid,
    env,
    rss: () => groupPids(pid).reduce((sum, p) => sum + rssOf(p), 0),
    alive,
    log: () => fs.readFileSync(logFile, 'utf8'),
    stop: async (signal = 'SIGTERM') => {
      try {
        process.kill(-pid, signal)
      } catch {
        running.delete(pid)
        return
      }
      const deadline = Date.now() + 10_000
      while (alive() && Date.now() < deadline) await sleep(50)
      if (alive()) {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {
          // Gone.
        }
        while (alive()) await sleep(50)
      }
      running.delete(pid)
    },
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000)
  for (;;) {
    if (exited) throw new Error(`The test's own site ${exited}:\n${site.log().split('\n').slice(-30).join('\n')}`)
    try {
      const response = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      if (response.status === 200) return site
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await site.stop('SIGKILL')
      throw new Error(`The test's own site was not ready in time:\n${site.log().split('\n').slice(-30).join('\n')}`)
    }
    await sleep(200)
  }
}

/** Runs a project script the way `npm run NAME -- ARGS` does (e.g. lib/cli/backup.ts), without blocking this process. */
export function runScript(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, file, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.once('error', reject)
    child.once('exit', (status) => resolve({ status, output }))
  })
}
