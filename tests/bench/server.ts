// Starts the site the way a user does (`npm start`: build if needed, migrate, seed, `next start`) on 127.0.0.1 with
// its own database, finds the next-server process for memory readings, and stops the whole process group.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { npmStartArgs } from '../support/npm-start'

export const ROOT = path.resolve(__dirname, '..', '..')
export const ADMIN = { email: 'bench-admin@example.test', password: 'bench-admin-password-7' }

export type Site = {
  baseUrl: string
  databasePath: string
  /** The spawned `npm start` script (a process group leader). */
  pid: number
  /** The `next start` server process itself, whose memory is measured. */
  serverPid: number
  /** From spawning `npm start` to the first 200 on `/`. */
  startMs: number
  /** Whether this start ran `next build`. */
  built: boolean
  logFile: string
  stop(): Promise<void>
}

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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function children(pid: number): number[] {
  const found: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command may contain spaces and parentheses: the fields after its closing parenthesis are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) found.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

/** The next-server process among the descendants of `pid` (it names itself "next-server (vX)"). */
export function findNextServer(pid: number): number | null {
  const queue = [pid]
  while (queue.length) {
    const current = queue.shift() as number
    try {
      if (fs.readFileSync(`/proc/${current}/cmdline`, 'utf8').startsWith('next-server')) return current
    } catch {
      continue
    }
    queue.push(...children(current))
  }
  return null
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

async function stopGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + 10_000
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100)
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Gone.
    }
  }
}

const started = new Set<number>()
// Never leave a server behind, whatever ends the benchmark.
process.once('exit', () => {
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Gone.
    }
  }
})

/**
 * Spawns `npm start`'s script with a fresh DATABASE_PATH and waits until `/` answers 200. A build, if the sources
 * changed, happens inside (its time is reported separately from the start itself).
 */
export async function startSite(options: { databasePath: string; logFile: string; timeoutMs?: number; cpuProfileDir?: string }): Promise<Site> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const log = fs.openSync(options.logFile, 'a')
  const spawnedAt = performance.now()
  // With cpuProfileDir, `next start` itself runs under `node --cpu-prof` (Node refuses that flag in NODE_OPTIONS), on a
  // database a normal start has already prepared, with the AUTH_SECRET that start kept beside it.
  const command = options.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, 'node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)]
    : npmStartArgs(ROOT)
  const secretFile = path.join(path.dirname(options.databasePath), 'auth-secret')
  const authSecret = options.cpuProfileDir && fs.existsSync(secretFile) ? { AUTH_SECRET: fs.readFileSync(secretFile, 'utf8').trim() } : {}
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      SITE_URL: baseUrl,
      DATABASE_PATH: options.databasePath,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      NEXT_TELEMETRY_DISABLED: '1',
      ...authSecret,
    },
    detached: true,
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const pid = child.pid
  if (!pid) throw new Error('could not spawn npm start')
  started.add(pid)
  let exited: string | null = null
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`))

  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000)
  for (;;) {
    if (exited) throw new Error(`the site ${exited}; see ${options.logFile}`)
    try {
      const response = await fetch(baseUrl + '/', { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      if (response.status === 200) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stopGroup(pid)
      throw new Error(`the site was not ready in time; see ${options.logFile}`)
    }
    await sleep(50)
  }
  const startMs = performance.now() - spawnedAt
  const serverPid = findNextServer(pid)
  if (!serverPid) throw new Error('no next-server process found under npm start')
  const built = /Building the site/.test(fs.readFileSync(options.logFile, 'utf8'))
  return {
    baseUrl,
    databasePath: options.databasePath,
    pid,
    serverPid,
    startMs,
    built,
    logFile: options.logFile,
    async stop() {
      await stopGroup(pid)
      started.delete(pid)
    },
  }
}

/** Runs `npm start`'s build step alone (if the sources changed), so later starts measure a start, not a build. */
export async function ensureBuilt(logFile: string): Promise<{ built: boolean; ms: number }> {
  const t0 = performance.now()
  const log = fs.openSync(logFile, 'a')
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'tests/bench/build.ts'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', log, log] },
    )
    child.once('exit', resolve)
  })
  fs.closeSync(log)
  if (code !== 0) throw new Error(`the build failed; see ${logFile}`)
  const built = /Building the site/.test(fs.readFileSync(logFile, 'utf8'))
  return { built, ms: performance.now() - t0 }
}
