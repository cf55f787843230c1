// Peak resident memory of a process and all its descendants, sampled from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs';

function treeRssKB(root: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * 4); // pages of 4 KB
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/** Samples every `ms` until stopped; returns the peak in MB. */
export function watchPeakMemory(pid: number, ms = 200): { stop(): number } {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, treeRssKB(pid));
  };
  tick();
  const timer = setInterval(tick, ms);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return Math.round(peak / 1024);
    },
  };
}
