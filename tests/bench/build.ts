// `npm start`'s build step alone (next build only when the sources changed), run before the benchmark's servers start.
import { ensureBuild } from '@/lib/cli/prepare'

ensureBuild()
