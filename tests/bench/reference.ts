// The limit reference: a plain node:http server in its own process answering the article's exact HTML bytes from
// memory. No framework can serve a page faster than this on the same machine; every throughput is reported against it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { freePort, sleep } from './server'

const SERVER = `
const http = require('node:http')
const body = require('node:fs').readFileSync(process.argv[1])
http
  .createServer((req, res) => {
    req.resume()
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
    res.end(body)
  })
  .listen(Number(process.argv[2]), '127.0.0.1')
`

export async function startReference(html: string, dir: string): Promise<{ url: string; pid: number; stop(): void }> {
  const file = path.join(dir, 'reference.html')
  fs.writeFileSync(file, html)
  const port = await freePort()
  const child = spawn(process.execPath, ['-e', SERVER, file, String(port)], { stdio: 'inherit' })
  const url = `http://127.0.0.1:${port}/`
  process.once('exit', () => child.kill('SIGKILL'))
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(url)
      if ((await response.text()) === html) break
    } catch {
      await sleep(50)
    }
  }
  return { url, pid: child.pid ?? 0, stop: () => void child.kill('SIGTERM') }
}
