// Memory of the next-server process: VmRSS sampled while the benchmark runs, and the kernel's own peak (VmHWM).
import fs from 'node:fs'

function readKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

export type MemoryReading = { idleMb: number; peakSampledMb: number; peakHwmMb: number }

export function watchMemory(pid: number, everyMs = 100) {
  const idle = readKb(pid, 'VmRSS')
  let peak = idle
  const timer = setInterval(() => {
    peak = Math.max(peak, readKb(pid, 'VmRSS'))
  }, everyMs)
  timer.unref()
  return {
    read(): MemoryReading {
      peak = Math.max(peak, readKb(pid, 'VmRSS'))
      return { idleMb: idle / 1024, peakSampledMb: peak / 1024, peakHwmMb: readKb(pid, 'VmHWM') / 1024 }
    },
    stop(): MemoryReading {
      clearInterval(timer)
      return this.read()
    },
  }
}
