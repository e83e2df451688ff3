// Stops the site started by global-setup.ts, keeps its log as an artefact and removes the temporary folder.
import path from 'node:path'
import { keepLogAndClean, stopServer } from './server'

export default async function globalTeardown(): Promise<void> {
  // Safe when setup failed half-way: each step checks what exists.
  await stopServer()
  keepLogAndClean(path.resolve(__dirname, '..', '..', 'artifacts'))
}
