// A separate process that keeps a database open (as the running site does) until it is told to stop.
import { openDatabase } from '@/db/open'

const db = openDatabase(process.argv[2] ?? '', { migrate: false })
db.$client.prepare('SELECT count(*) FROM comments').get()
process.stdout.write('open\n')
process.stdin.on('data', () => {
  db.$client.close()
  process.exit(0)
})
