// Node options for `next start`, the server process `npm start` spawns.

/**
 * The server's JavaScript heap limit, unless NODE_OPTIONS sets one. Without it V8 sizes the heap from the machine's
 * memory (gigabytes here) and collects lazily, so a busy server's RSS grew to 323-355 MB in the benchmark;
 * with it, peak RSS under the benchmark's load stays near 230 MB (README, Performance).
 */
const HEAP_LIMIT_MB = 256

export function serverNodeOptions(inherited = process.env.NODE_OPTIONS ?? ''): string {
  if (/--max-old-space-size/.test(inherited)) return inherited
  return [inherited, `--max-old-space-size=${HEAP_LIMIT_MB}`].filter(Boolean).join(' ')
}
