// What `npm start` runs, read from package.json, so the browser tests and the benchmark start the site exactly as a
// reader's `npm start` does (spawned with Node directly: npm would add a process in between).
import fs from 'node:fs'
import path from 'node:path'

export function npmStartArgs(root = path.resolve(__dirname, '..', '..')): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const [command, ...args] = (pkg.scripts.start ?? '').trim().split(/\s+/)
  if (command !== 'node' || !args.length) throw new Error(`package.json's start script should be "node FILE": ${pkg.scripts.start}`)
  return args
}
