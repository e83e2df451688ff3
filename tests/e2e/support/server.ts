// The site process the browser tests run against: shared by global-setup.ts and global-teardown.ts.
import fs from 'node:fs'
import path from 'node:path'

export type ServerState = { pid?: number; dir?: string; logFile?: string }

const KEY = Symbol.for('newsroom.e2e.server')

/** Kept on globalThis: jest loads the setup and teardown modules separately, in the same process. */
export function serverState(): ServerState {
  const holder = globalThis as typeof globalThis & { [KEY]?: ServerState }
  holder[KEY] ??= {}
  return holder[KEY]
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** Stops the whole process group (tsx, the start script, `next start` and its workers). Safe to call twice. */
export async function stopServer(options: { wait?: boolean } = {}): Promise<void> {
  const state = serverState()
  const pid = state.pid
  if (!pid) return
  state.pid = undefined
  signalGroup(pid, 'SIGTERM')
  if (options.wait === false) return
  const deadline = Date.now() + 10_000
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL')
}

/** Copies the server log into tests/artifacts/ (for CI to keep) and removes the temporary folder. */
export function keepLogAndClean(artifactsDir: string): void {
  const state = serverState()
  if (state.logFile && fs.existsSync(state.logFile)) {
    fs.mkdirSync(artifactsDir, { recursive: true })
    fs.copyFileSync(state.logFile, path.join(artifactsDir, 'server.log'))
  }
  if (state.dir) fs.rmSync(state.dir, { recursive: true, force: true })
  state.dir = undefined
  state.logFile = undefined
}
