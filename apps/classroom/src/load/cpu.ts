/**
 * CPU time a process has used, from /proc (Linux): what the load tool reports beside latencies,
 * because on a shared machine the latencies follow the machine's load while the CPU time spent
 * per fault follows our code.
 */
import { readFileSync } from 'node:fs';

/** User + system CPU milliseconds of `pid` so far, or null where /proc is not readable. */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_S : null;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, 100 on every common configuration. */
const CLOCK_TICKS_PER_S = 100;
